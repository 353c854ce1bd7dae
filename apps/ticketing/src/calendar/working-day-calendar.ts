import { DomainError } from '@libs/common/errors/domain-error';
import { chinaDate, endOfChinaDay } from '@libs/common/time/china-time';

/** The official schedule: which dates are working days, and up to which year the State Council has published it. */
export interface HolidaySchedule {
  isWorkingDay(date: string): boolean;
  lastPublishedYear: number;
}

export class ScheduleNotPublished extends DomainError {
  constructor(year: number) {
    super('unprocessable', `${year} 年的法定节假日安排尚未公布，无法计算工作日`);
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Working-day arithmetic (工作日) on the official schedule, make-up working days (调休上班) included. The day counting
 * starts from is not counted, as for administrative time limits. A date past the published schedule is refused, never
 * guessed.
 */
export class WorkingDayCalendar {
  constructor(private readonly schedule: HolidaySchedule) {}

  isWorkingDay(date: string): boolean {
    const year = Number(date.slice(0, 4));
    if (year > this.schedule.lastPublishedYear) throw new ScheduleNotPublished(year);
    return this.schedule.isWorkingDay(date);
  }

  /** The date `days` working days after `from` (both YYYY-MM-DD). */
  addWorkingDays(from: string, days: number): string {
    if (!ISO_DATE.test(from)) throw new DomainError('invalid', '日期格式应为 YYYY-MM-DD');
    let date = from;
    for (let counted = 0; counted < days;) {
      date = nextDay(date);
      if (this.isWorkingDay(date)) counted += 1;
    }
    return date;
  }

  /**
   * A deadline `workingDays` working days after an instant: the end of that day, Beijing time. Null when the holiday
   * schedule for the period is not published yet: the citizen is then told the days, never a guessed date.
   */
  deadlineAfter(from: Date, workingDays: number): Date | null {
    try {
      return endOfChinaDay(this.addWorkingDays(chinaDate(from), workingDays));
    } catch (error) {
      if (error instanceof ScheduleNotPublished) return null;
      throw error;
    }
  }
}

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
