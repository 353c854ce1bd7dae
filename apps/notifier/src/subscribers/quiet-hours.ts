import { z } from 'zod';
import { AlertAcceptedV1 } from '@libs/common/contracts/alert-events.v1';

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间应为 24 小时制 HH:MM，如 22:00');

/**
 * 免打扰时段, in Beijing time, as the citizen chose it: 22:00–07:00 runs overnight. The start is quiet, the end is
 * not (22:00–07:00 is quiet at 22:00 and 06:59, awake at 07:00).
 */
export const QuietHours = z
  .object({ start: ClockTime, end: ClockTime })
  .refine((hours) => hours.start !== hours.end, { message: '免打扰的开始和结束时间不能相同', path: ['end'] });
export type QuietHours = z.infer<typeof QuietHours>;

export interface AlertUrgency {
  severity: AlertAcceptedV1['severity'];
  urgency: AlertAcceptedV1['urgency'];
}

const BEIJING_OFFSET_MINUTES = 8 * 60;
const MINUTES_PER_DAY = 24 * 60;

/**
 * Whether to hold an alert back for the subscriber's quiet hours. Never for an Extreme alert or one to act on
 * Immediately: a flood warning at 3 a.m. must wake people; a Moderate heat advisory can wait for the morning.
 */
export function isQuietNow(subscriber: { quietHours: QuietHours | null }, alert: AlertUrgency, now: Date): boolean {
  return quietUntil(subscriber, alert, now) !== null;
}

/** When the quiet hours holding this alert back end, or null when it may go now. */
export function quietUntil(subscriber: { quietHours: QuietHours | null }, alert: AlertUrgency, now: Date): Date | null {
  const hours = subscriber.quietHours;
  if (!hours || alert.severity === 'Extreme' || alert.urgency === 'Immediate') return null;
  const minuteOfDay = beijingMinuteOfDay(now);
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  const isQuiet = start < end ? minuteOfDay >= start && minuteOfDay < end : minuteOfDay >= start || minuteOfDay < end;
  if (!isQuiet) return null;
  const thisMinute = Math.floor(now.getTime() / 60_000) * 60_000;
  return new Date(thisMinute + ((end - minuteOfDay + MINUTES_PER_DAY) % MINUTES_PER_DAY) * 60_000);
}

function beijingMinuteOfDay(instant: Date): number {
  const minutes = Math.floor(instant.getTime() / 60_000) + BEIJING_OFFSET_MINUTES;
  return ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
}

function minutesOf(clockTime: string): number {
  const [hours, minutes] = clockTime.split(':').map(Number);
  return hours * 60 + minutes;
}
