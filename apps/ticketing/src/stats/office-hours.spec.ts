import { workingHoursBetween } from './office-hours';

// The 2025 National Day holiday: 1–8 October off, Sunday 28 September and Saturday 11 October worked.
const OFF = new Set(['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08']);
const WORKED_WEEKENDS = new Set(['2025-09-28', '2025-10-11']);
function isWorkingDay(date: string): boolean {
  if (WORKED_WEEKENDS.has(date)) return true;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !OFF.has(date);
}
const at = (local: string) => new Date(`${local}+08:00`);

describe('workingHoursBetween', () => {
  it('counts the office hours within one working day, lunch excluded', () => {
    expect(workingHoursBetween(isWorkingDay, at('2025-09-23T10:00:00'), at('2025-09-23T15:30:00'))).toBe(4.5);
  });

  it('counts nothing over a weekend: Friday evening to Monday 10:00 is one hour', () => {
    expect(workingHoursBetween(isWorkingDay, at('2025-09-19T18:00:00'), at('2025-09-22T10:00:00'))).toBe(1);
  });

  it('counts a worked Sunday and skips the National Day holiday', () => {
    // Sun 28 Sep (worked) 7 h + Mon 29 + Tue 30 Sep 14 h; 1–8 Oct off; Thu 9 Oct until 12:00: 3 h.
    expect(workingHoursBetween(isWorkingDay, at('2025-09-27T09:00:00'), at('2025-10-09T12:00:00'))).toBe(24);
  });

  it('is zero when the end is not after the start', () => {
    const noon = at('2025-09-23T12:00:00');
    expect(workingHoursBetween(isWorkingDay, noon, noon)).toBe(0);
    expect(workingHoursBetween(isWorkingDay, noon, at('2025-09-23T08:00:00'))).toBe(0);
  });

  it('counts from a start inside office hours across midnight in UTC', () => {
    // 16:00 Beijing is 08:00 UTC; the next morning 09:30 Beijing is 01:30 UTC of the same UTC day.
    expect(workingHoursBetween(isWorkingDay, at('2025-09-23T16:00:00'), at('2025-09-24T09:30:00'))).toBe(1.5);
  });
});
