import { chinaDate } from '@libs/common/time/china-time';
import { DateSlot } from '../nlu/slots/slots';

/** Reminders go out at 09:00 Beijing time: early enough to act that day, late enough not to wake anyone. */
export const REMINDER_SEND_HOUR = 9;
/** Further ahead than this, a reminder is more likely to be forgotten than useful, and the policy may have changed. */
const MAX_DAYS_AHEAD = 365;

export type ReminderTiming =
  | { type: 'due'; date: string; remindOn: string; dueAt: string }
  | { type: 'past'; date: string }
  | { type: 'too_far'; date: string };

/**
 * When to remind of a date the citizen named. A deadline (6月30日前) is reminded of at 09:00 the day before, so there
 * is still a working day to act; when that time has passed, at 09:00 on the day itself. Any other date (下周五去交材料)
 * at 09:00 that day. A date whose last 09:00 has passed is `past`; one over a year ahead `too_far`.
 */
export function reminderTiming(slot: Pick<DateSlot, 'date' | 'relation'>, now: Date): ReminderTiming {
  const { date } = slot;
  if (daysBetween(chinaDate(now), date) > MAX_DAYS_AHEAD) return { type: 'too_far', date };
  const days = slot.relation === 'before' ? [addDays(date, -1), date] : [date];
  for (const day of days) {
    const dueAt = `${day}T${String(REMINDER_SEND_HOUR).padStart(2, '0')}:00:00+08:00`;
    if (Date.parse(dueAt) > now.getTime()) return { type: 'due', date, remindOn: day, dueAt };
  }
  return { type: 'past', date };
}

/**
 * A date said without a year means the next one: 6月30日前提醒我, said in November, is next June's 30th (the date
 * slot takes the nearest year, which for a question about the past is right and for a reminder is not).
 */
export function upcoming(slot: DateSlot, today: string): DateSlot {
  if (slot.date >= today || /(\d{4}|年)/u.test(slot.text)) return slot;
  const next = `${Number(slot.date.slice(0, 4)) + 1}${slot.date.slice(4)}`;
  // 2月29日 has no next year's twin: left as said, and found to be past.
  return Number.isNaN(Date.parse(`${next}T00:00:00Z`)) || !sameDayExists(next) ? slot : { ...slot, date: next };
}

function sameDayExists(date: string): boolean {
  return new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
}

function addDays(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
