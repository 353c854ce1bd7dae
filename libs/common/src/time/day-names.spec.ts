import { enDayName, zhDayName } from './day-names';

describe('day names', () => {
  it('says a day in Chinese with its weekday', () => {
    expect(zhDayName('2026-06-30')).toBe('2026年6月30日（周二）');
    expect(zhDayName('2027-01-03')).toBe('2027年1月3日（周日）');
  });

  it('says a day in English with its weekday, whatever the machine’s time zone', () => {
    expect(enDayName('2026-06-30')).toBe('Tuesday, 30 June 2026');
  });
});
