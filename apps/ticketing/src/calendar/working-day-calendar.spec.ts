import { officialHolidaySchedule } from './official-holiday-schedule';
import { chinaDate, endOfChinaDay } from '@libs/common/time/china-time';
import { ScheduleNotPublished, WorkingDayCalendar } from './working-day-calendar';

const calendar = new WorkingDayCalendar(officialHolidaySchedule());

describe('working days on the official schedule', () => {
  it('counts the make-up working day after the 2025 National Day holiday', () => {
    // 10月1日–8日 放假, 9月28日(日) 和 10月11日(六) 上班.
    expect(calendar.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(calendar.addWorkingDays('2025-09-30', 3)).toBe('2025-10-11');
    expect(calendar.isWorkingDay('2025-09-28')).toBe(true);
  });

  it('skips the 2026 Spring Festival and counts its make-up days', () => {
    // 2月15日–23日 放假, 2月14日(六) 和 2月28日(六) 上班.
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(calendar.addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
  });

  it('does not count the day it starts from, nor weekends', () => {
    expect(calendar.addWorkingDays('2026-11-26', 5)).toBe('2026-12-03');
    expect(calendar.addWorkingDays('2026-11-28', 1)).toBe('2026-11-30');
  });

  it('refuses to guess past the published schedule', () => {
    const published = officialHolidaySchedule().lastPublishedYear;
    expect(() => calendar.addWorkingDays(`${published}-12-28`, 5)).toThrow(ScheduleNotPublished);
  });

  it('works in Beijing time', () => {
    expect(chinaDate(new Date('2026-11-26T16:30:00Z'))).toBe('2026-11-27');
    expect(endOfChinaDay('2026-12-03').toISOString()).toBe('2026-12-03T15:59:59.999Z');
  });
});
