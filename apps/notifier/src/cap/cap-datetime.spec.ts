import { capDateTimeOf, readCapDateTime } from './cap-datetime';

describe('reading a CAP time', () => {
  it.each([
    ['2003-06-17T14:57:00-07:00', '2003-06-17T21:57:00.000Z'],
    ['2026-06-12T08:30:00+08:00', '2026-06-12T00:30:00.000Z'],
    ['2026-01-01T00:00:00-00:00', '2026-01-01T00:00:00.000Z'],
    ['2024-02-29T12:00:00+05:30', '2024-02-29T06:30:00.000Z'],
  ])('reads %s as the instant %s', (text, instant) => {
    expect(readCapDateTime(text)).toEqual({ at: new Date(instant) });
  });

  it.each([
    ['2026-06-12T08:30:00Z', '不用 Z'],
    ['2026-06-12T08:30:00.5+08:00', '秒不带小数'],
    ['2026-06-12T08:30:00', '时区偏移'],
    ['2026-06-12 08:30:00+08:00', '时区偏移'],
    ['12 June 2026', '时区偏移'],
    ['2025-02-29T12:00:00+08:00', '不是真实存在'],
    ['2026-13-01T12:00:00+08:00', '不是真实存在'],
    ['2026-06-12T24:00:00+08:00', '不是真实存在'],
    ['2026-06-12T08:30:00+15:00', '不是真实存在'],
  ])('refuses %s, saying why', (text, reason) => {
    const reading = readCapDateTime(text);
    expect('problem' in reading && reading.problem).toContain(reason);
  });
});

describe('writing a CAP time', () => {
  it.each([
    ['2026-06-12T00:30:00.000Z', 480, '2026-06-12T08:30:00+08:00'],
    ['2026-06-11T17:30:00.999Z', 480, '2026-06-12T01:30:00+08:00'],
    ['2003-06-17T21:57:00.000Z', -420, '2003-06-17T14:57:00-07:00'],
    ['2026-01-01T00:00:00.000Z', 0, '2026-01-01T00:00:00-00:00'],
    ['2024-02-29T06:30:00.000Z', 330, '2024-02-29T12:00:00+05:30'],
  ])('writes %s at offset %i min as %s, which reads back as the same second', (instant, offset, text) => {
    expect(capDateTimeOf(new Date(instant), offset)).toBe(text);
    expect(readCapDateTime(text)).toEqual({ at: new Date(instant.replace(/\.\d+Z$/, '.000Z')) });
  });

  it('writes China Standard Time unless told otherwise', () => {
    expect(capDateTimeOf(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01T00:00:00+08:00');
  });
});
