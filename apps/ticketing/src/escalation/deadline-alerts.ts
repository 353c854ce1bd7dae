import { AlertLevelV1, DeadlineKindV1 } from '@libs/common/contracts/ticket-events.v1';
import { chinaDate, endOfChinaDay } from '@libs/common/time/china-time';
import { ScheduleNotPublished } from '../calendar/working-day-calendar';

export type DeadlineKind = DeadlineKindV1;
export type AlertLevel = AlertLevelV1;

/**
 * The tickets 办结 alerts are about: still with a department or the desk (ticket-lifecycle.ts isOpen). The scan and
 * the tickets_open_by_deadline and tickets_owed_* indexes list them in this order.
 */
export const OPEN_STATUSES = ['created', 'assigned', 'accepted', 'in_progress', 'returned'] as const;

/** As SQL, for the scan and the overdue list: the same words as the indexes' predicates. */
export const OPEN_STATUSES_SQL = OPEN_STATUSES.map((status) => `'${status}'`).join(', ');

/** The one thing these rules need of the calendar (WorkingDayCalendar has it). Throws past the published schedule. */
export interface WorkingDays {
  isWorkingDay(date: string): boolean;
}

/**
 * 预警 timing, as pure rules. Red: the deadline has passed. Yellow: the deadline is near —
 * - 签收 (one working day in all): from the start of the day it is due, Beijing time;
 * - 办结 (several working days): from the start of the last working day before the day it is due, so the department
 *   has a full working day's notice, however many weekend or holiday days lie in between.
 * A deadline is yellow at `now` exactly when it is not yet past and not later than `yellowUpTo`: the scan turns this
 * into two range conditions on an index (see scan-deadlines.use-case.ts), and `alertLevel` states the same rule.
 */
export interface AlertWindow {
  kind: DeadlineKind;
  /** Deadlines before this instant are overdue (red). */
  redBefore: Date;
  /** Deadlines from `redBefore` up to and including this instant are near (yellow). */
  yellowUpTo: Date;
}

export function alertWindow(kind: DeadlineKind, now: Date, calendar: WorkingDays): AlertWindow {
  const today = chinaDate(now);
  // A 办结 deadline on day D is yellow once the last working day before D has begun, i.e. while D is no later than
  // the first working day after today.
  const lastYellowDate = kind === 'sign' ? today : nextWorkingDay(today, calendar);
  return { kind, redBefore: now, yellowUpTo: endOfChinaDay(lastYellowDate) };
}

/** How a deadline stands at `now`: red, yellow, or null while it is not near yet. */
export function alertLevel(kind: DeadlineKind, dueAt: Date, now: Date, calendar: WorkingDays): AlertLevel | null {
  const window = alertWindow(kind, now, calendar);
  if (dueAt < window.redBefore) return 'red';
  return dueAt <= window.yellowUpTo ? 'yellow' : null;
}

/**
 * 超期工作日: the working days begun since the day a deadline fell due, today included (overdue on Friday night
 * and looked at on Saturday: 0; on Monday: 1). Null when the schedule of a day in between is not published.
 */
export function workingDaysOverdue(dueAt: Date, now: Date, calendar: WorkingDays): number | null {
  const today = chinaDate(now);
  let overdue = 0;
  try {
    for (let date = nextDay(chinaDate(dueAt)); date <= today; date = nextDay(date)) {
      if (calendar.isWorkingDay(date)) overdue += 1;
    }
  } catch (error) {
    if (error instanceof ScheduleNotPublished) return null;
    throw error;
  }
  return overdue;
}

/**
 * The first working day after `date`. Past the published schedule there is none to find: every deadline the system
 * computed lies within the schedule, so the last published day is then a safe answer.
 */
function nextWorkingDay(date: string, calendar: WorkingDays): string {
  let candidate = date;
  for (;;) {
    const next = nextDay(candidate);
    try {
      if (calendar.isWorkingDay(next)) return next;
    } catch (error) {
      if (error instanceof ScheduleNotPublished) return candidate;
      throw error;
    }
    candidate = next;
  }
}

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
