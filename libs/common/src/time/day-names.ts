const WEEKDAYS_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** A calendar day (YYYY-MM-DD) as a Chinese text says it: 2026年6月30日（周二）. */
export function zhDayName(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日（${WEEKDAYS_ZH[new Date(`${date}T00:00:00Z`).getUTCDay()]}）`;
}

/** A calendar day (YYYY-MM-DD) as an English text says it: Tuesday, 30 June 2026. */
export function enDayName(date: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}
