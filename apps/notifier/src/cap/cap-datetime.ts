/**
 * CAP 1.2 times: "2002-05-24T16:49:00-07:00", always with the offset, never "Z" (UTC is written -00:00), no
 * fractions of a second: the pattern of the specification's XML schema. Returns the instant, or a reason why not.
 */
const CAP_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([+-])(\d{2}):(\d{2})$/;

export type CapDateTimeReading = { at: Date } | { problem: string };

export function readCapDateTime(text: string): CapDateTimeReading {
  const match = CAP_DATETIME.exec(text);
  if (!match) {
    return {
      problem: /(Z|\.\d+)/.test(text)
        ? `时间「${text.slice(0, 40)}」须写成「2026-06-12T08:30:00+08:00」形式：带时区偏移，不用 Z（UTC 写作 -00:00），秒不带小数`
        : `时间「${text.slice(0, 40)}」须写成「2026-06-12T08:30:00+08:00」形式（日期、时刻与时区偏移）`,
    };
  }
  const [year, month, day, hour, minute, second, sign, offsetHours, offsetMinutes] = match
    .slice(1)
    .map((part) => (part === '+' ? 1 : part === '-' ? -1 : Number(part)));
  const isDateReal = month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
  const isTimeReal = hour <= 23 && minute <= 59 && second <= 59 && offsetHours <= 14 && offsetMinutes <= 59;
  if (!isDateReal || !isTimeReal) return { problem: `时间「${text}」不是真实存在的日期或时刻` };
  const offsetMs = sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  return { at: new Date(Date.UTC(year, month - 1, day, hour, minute, second) - offsetMs) };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** China Standard Time, which the offices we serve write their times in. */
export const CHINA_OFFSET_MINUTES = 8 * 60;

/** An instant written as CAP wants it, at the given offset from UTC (whole seconds; -00:00 for UTC, never Z). */
export function capDateTimeOf(at: Date, offsetMinutes = CHINA_OFFSET_MINUTES): string {
  const local = new Date(Math.floor(at.getTime() / 1000) * 1000 + offsetMinutes * 60_000);
  const sign = offsetMinutes > 0 ? '+' : '-';
  const offset = Math.abs(offsetMinutes);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${local.toISOString().slice(0, 19)}${sign}${two(Math.floor(offset / 60))}:${two(offset % 60)}`;
}
