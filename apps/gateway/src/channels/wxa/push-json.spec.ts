import { MalformedJson, quoteNumbers, readPushJson } from './push-json';

describe('readPushJson', () => {
  it('keeps a MsgId beyond 2^53 exactly, digit for digit (24 digits)', () => {
    const fields = readPushJson('{"MsgId": 123456789012345678901234, "CreateTime": 1714112445}');
    expect(fields.MsgId).toBe('123456789012345678901234');
    expect(fields.CreateTime).toBe('1714112445');
  });

  it('tells apart two 64-bit ids that the same JS number would merge', () => {
    const first = readPushJson('{"MsgId":23137245681234567}').MsgId;
    const second = readPushJson('{"MsgId":23137245681234568}').MsgId;
    expect(Number(first)).toBe(Number(second));
    expect(first).not.toBe(second);
  });

  it('reads strings as they are, numbers inside them untouched, escapes decoded', () => {
    const fields = readPushJson(String.raw`{"Content":"办理 12 号窗口 \"加急\" \\ -3","MsgId":"49d72d67_1555684067"}`);
    expect(fields).toEqual({ Content: '办理 12 号窗口 "加急" \\ -3', MsgId: '49d72d67_1555684067' });
  });

  it('keeps negative, decimal and exponent numbers as written', () => {
    expect(readPushJson('{"a":-1.50,"b":2e10,"c":0}')).toEqual({ a: '-1.50', b: '2e10', c: '0' });
  });

  it('leaves nested objects, arrays, booleans and null out', () => {
    expect(readPushJson('{"a":{"b":1},"c":[1,2],"d":true,"e":null,"f":"x"}')).toEqual({ f: 'x' });
  });

  it.each([
    ['not JSON', 'hello'],
    ['a top-level array', '[1,2]'],
    ['an unterminated string', '{"a":"b'],
    ['a number with a leading zero', '{"a":012}'],
    ['a lone minus', '{"a":-}'],
    ['a trailing comma', '{"a":1,}'],
  ])('refuses %s', (_case, text) => {
    expect(() => readPushJson(text)).toThrow(MalformedJson);
  });
});

describe('quoteNumbers', () => {
  it('quotes numbers outside strings only', () => {
    expect(quoteNumbers('{"k1":"v 2","k3":4}')).toBe('{"k1":"v 2","k3":"4"}');
  });
});
