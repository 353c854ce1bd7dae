import { chinaDate } from '@libs/common/time/china-time';

/** Office hours of a working day, Beijing time, in minutes after midnight: 09:00–12:00 and 13:00–17:00. */
export const OFFICE_HOURS: ReadonlyArray<readonly [number, number]> = [
  [9 * 60, 12 * 60],
  [13 * 60, 17 * 60],
];

const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Working hours between two instants (办理时长 in 工作小时): the office hours of working days that fall between them,
 * so a complaint received on Friday evening and answered on Monday at 10:00 took one hour, not sixty-three.
 */
export function workingHoursBetween(isWorkingDay: (date: string) => boolean, from: Date, to: Date): number {
  if (to <= from) return 0;
  let minutes = 0;
  // Midnight (Beijing) of the day `from` falls on, as a UTC instant.
  let dayStart = Date.parse(`${chinaDate(from)}T00:00:00+08:00`);
  for (; dayStart < to.getTime(); dayStart += DAY_MS) {
    if (!isWorkingDay(new Date(dayStart + BEIJING_OFFSET_MS).toISOString().slice(0, 10))) continue;
    for (const [open, close] of OFFICE_HOURS) {
      const start = Math.max(from.getTime(), dayStart + open * 60_000);
      const end = Math.min(to.getTime(), dayStart + close * 60_000);
      if (end > start) minutes += (end - start) / 60_000;
    }
  }
  return minutes / 60;
}
