/** Dates as they are in China (UTC+8 all year, no daylight saving), whatever the server's time zone. */

/** The date in China at an instant, as YYYY-MM-DD. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The end of a date in China: a deadline "by 3 December" runs until 23:59:59 that day, Beijing time. */
export function endOfChinaDay(date: string): Date {
  return new Date(`${date}T23:59:59.999+08:00`);
}
