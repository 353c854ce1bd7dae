/** The tax year (a calendar year in Beijing time) a moment falls in: 2026-12-31T16:30Z is already 2027 in China. */
export function taxYearAt(now: Date): number {
  const beijing = new Date(now.getTime() + 8 * 60 * 60 * 1000);
  return beijing.getUTCFullYear();
}
