import chineseDays from 'chinese-days';
import { HolidaySchedule } from './working-day-calendar';

/**
 * The State Council's published holiday and make-up working-day schedules, as packaged by chinese-days (updated each
 * year when the next year's schedule is announced; upgrade the package then). The package itself answers any date,
 * guessing weekends for unpublished years, so the last year it has real data for is worked out here.
 */
export function officialHolidaySchedule(): HolidaySchedule {
  const holidays = chineseDays.getHolidaysInRange('2004-01-01', `${new Date().getUTCFullYear() + 5}-12-31`, false);
  const lastPublishedYear = Math.max(...holidays.map((date) => Number(date.slice(0, 4))));
  return { isWorkingDay: (date) => chineseDays.isWorkday(date), lastPublishedYear };
}
