import { SubscribeFieldInvalid, subscribeMessageData, templateTime } from './subscribe-message-data';

describe('subscribeMessageData', () => {
  it('wraps each value as the platform wants it', () => {
    expect(
      subscribeMessageData({
        character_string1: 'GD20261126-0042',
        phrase2: '已办结',
        thing3: '您反映的小区噪音问题已处理',
        time4: '2026年11月26日 15:01',
      }),
    ).toEqual({
      character_string1: { value: 'GD20261126-0042' },
      phrase2: { value: '已办结' },
      thing3: { value: '您反映的小区噪音问题已处理' },
      time4: { value: '2026年11月26日 15:01' },
    });
  });

  it('shortens a thing to 20 characters, the last an ellipsis', () => {
    const value = subscribeMessageData({ thing1: '承办单位已派网格员上门核实您反映的占道经营问题，请保持电话畅通' })
      .thing1.value;
    expect([...value]).toHaveLength(20);
    expect(value).toBe('承办单位已派网格员上门核实您反映的占道…');
  });

  it('counts characters as a person would (an emoji is one)', () => {
    const value = '😀'.repeat(20);
    expect(subscribeMessageData({ thing1: value }).thing1.value).toBe(value);
  });

  it.each([
    ['phrase1', '正在办理中了'],
    ['phrase1', 'done'],
    ['character_string1', '工单GD1'],
    ['character_string1', 'A'.repeat(33)],
    ['number1', '12a'],
    ['time1', '下午三点'],
    ['time1', '25:00'],
    ['date1', '2026-11-26'],
    ['name1', '欧阳'.repeat(6)],
    ['amount1', '¥12345678901'],
    ['phone_number1', '0'.repeat(18)],
    ['thing1', '   '],
    ['keyword1', '旧版模板消息的字段'],
  ])('refuses %s = %s rather than let the platform drop the message', (key, value) => {
    expect(() => subscribeMessageData({ [key]: value })).toThrow(SubscribeFieldInvalid);
  });

  it.each([
    ['time1', '15:01'],
    ['time1', '2026年11月26日 09:00 ~ 2026年11月26日 17:00'],
    ['date1', '2026年11月26日'],
    ['amount1', '¥12.50元'],
    ['phone_number1', '+86-021-12345'],
    ['car_number1', '沪A12345'],
    ['name1', '张三'],
    ['name1', 'Zhang San'],
    ['number1', '3.5'],
    ['letter1', 'ABC'],
    ['symbol1', '#'],
  ])('takes %s = %s', (key, value) => {
    expect(subscribeMessageData({ [key]: value })[key].value).toBe(value);
  });
});

describe('templateTime', () => {
  it('writes a moment in China Standard Time, 24-hour clock', () => {
    expect(templateTime(new Date('2026-11-26T16:05:00Z'))).toBe('2026年11月27日 00:05');
    expect(templateTime(new Date('2026-01-02T01:05:00Z'))).toBe('2026年1月2日 09:05');
  });

  it('is taken by the time and date fields', () => {
    const at = templateTime(new Date('2026-11-26T07:01:00Z'));
    expect(subscribeMessageData({ time1: at, date2: at })).toEqual({ time1: { value: at }, date2: { value: at } });
  });
});
