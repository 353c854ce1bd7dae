import { parseNumber } from './chinese-number';
import type { DateSlot } from './slots';

const N = '[0-9零〇一二两三四五六七八九十]{1,3}';
const YEAR = '(?:\\d{4}|[零〇一二三四五六七八九]{4}|今|明|去|前|后)';
const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };
const DAY_OFFSET: Record<string, number> = {
  大前天: -3,
  前天: -2,
  昨天: -1,
  昨日: -1,
  今天: 0,
  今日: 0,
  明天: 1,
  明日: 1,
  后天: 2,
  大后天: 3,
};
const RELATIVE_YEAR: Record<string, number> = { 前: -2, 去: -1, 今: 0, 明: 1, 后: 2 };
const RELATIVE_MONTH: Record<string, number> = { 上: -1, 本: 0, 这: 0, 下: 1, 下下: 2 };
const RELATIVE_WEEK: Record<string, number> = { 上上: -2, 上: -1, 这: 0, 本: 0, 下: 1, 下下: 2 };

type Resolve = (match: RegExpExecArray, today: string) => string | undefined;

/** Date patterns, most specific first; a later one never reads characters an earlier one took. */
const PATTERNS: ReadonlyArray<{ pattern: RegExp; resolve: Resolve }> = [
  {
    pattern: /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)[日号]?/g,
    resolve: (m) => isoDate(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    pattern: new RegExp(`(${YEAR})年(${N})月份?(${N})[日号]`, 'g'),
    resolve: (m, today) => isoDate(yearOf(m[1], today), parseNumber(m[2]), parseNumber(m[3])),
  },
  {
    pattern: new RegExp(`(${YEAR})年(?:(${N})月份?|年)?(?:底|末)`, 'g'),
    resolve: (m, today) => endOfMonth(yearOf(m[1], today), m[2] === undefined ? 12 : parseNumber(m[2])),
  },
  {
    pattern: new RegExp(`(?<![0-9年])(${N})月份?(${N})[日号]`, 'g'),
    resolve: (m, today) => nearestYear(today, (year) => isoDate(year, parseNumber(m[1]), parseNumber(m[2]))),
  },
  {
    pattern: new RegExp(`(?<![0-9年月])(${N})月(?:底|末)`, 'g'),
    resolve: (m, today) => nearestYear(today, (year) => endOfMonth(year, parseNumber(m[1]))),
  },
  {
    pattern: new RegExp(`(上|本|这|下下|下)个?月(?:(${N})[日号]|(底|末))`, 'g'),
    resolve: (m, today) => {
      const { year, month } = addMonths(today, RELATIVE_MONTH[m[1]]);
      return m[3] ? endOfMonth(year, month) : isoDate(year, month, parseNumber(m[2]));
    },
  },
  {
    pattern: /(?<![0-9零〇一二两三四五六七八九十年个上本这下])月(?:底|末)/g,
    resolve: (_m, today) => endOfMonth(Number(today.slice(0, 4)), Number(today.slice(5, 7))),
  },
  {
    pattern: /(?<![0-9年月])(年底|年末)/g,
    resolve: (_m, today) => `${today.slice(0, 4)}-12-31`,
  },
  {
    pattern: /(上上|上|这|本|下下|下)个?(?:周|星期|礼拜)([一二三四五六日天1-7])/g,
    resolve: (m, today) => {
      const weekday = WEEKDAY[m[2]] ?? Number(m[2]);
      return addDays(today, 7 * RELATIVE_WEEK[m[1]] + weekday - isoWeekday(today));
    },
  },
  {
    // Not 天然气 (灶后天然气) nor 时至今日 (up to now).
    pattern: /(?:大前天|前天|昨天|昨日|今天|(?<!至)今日|明天|明日|大后天|后天)(?!然)/g,
    resolve: (m, today) => addDays(today, DAY_OFFSET[m[0]]),
  },
  {
    pattern: new RegExp(`(${N})天(?:以后|之后|后)`, 'g'),
    resolve: (m, today) => {
      const days = parseNumber(m[1]);
      return days === undefined || days > 366 ? undefined : addDays(today, days);
    },
  },
];

const BEFORE_AFTER = /^(?:之前|以前|前(?!后)|为止|止)/;
const AFTER = /^(?:之后|以后|后|起|开始)/;
const BEFORE_BEFORE = /(?:截止到?|截至|最晚|最迟|不晚于)$/;

/**
 * Dates a message names, as YYYY-MM-DD relative to `today` (Beijing): 2026年12月3日, 12月3日 (the year that puts
 * it nearest today), 下周一 (weeks start on Monday), 明天, 3天后, 下个月5号, 月底, 年底, 今年6月30日前. Without
 * `today` only dates that carry their own year are read.
 */
export function extractDates(text: string, today: string | undefined): DateSlot[] {
  const taken: Array<[number, number]> = [];
  const found: Array<DateSlot & { start: number }> = [];
  for (const { pattern, resolve } of PATTERNS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some(([from, to]) => start < to && end > from)) continue;
      const date = today ? resolve(match, today) : resolveWithoutToday(match, resolve);
      if (!date) continue;
      taken.push([start, end]);
      found.push({ start, ...withRelation(text, start, end, match[0], date) });
    }
  }
  return found.sort((a, b) => a.start - b.start).map(({ start: _start, ...slot }) => slot);
}

// A date with its own four-digit year needs no today; a relative one cannot be read without it.
function resolveWithoutToday(match: RegExpExecArray, resolve: Resolve): string | undefined {
  if (!/^(?:\d{4}|[零〇一二三四五六七八九]{4})(?:年|[-/.])/.test(match[0])) return undefined;
  return resolve(match, '0000-01-01');
}

function withRelation(text: string, start: number, end: number, written: string, date: string): DateSlot {
  const after = text.slice(end, end + 2);
  const beforeText = text.slice(Math.max(0, start - 4), start);
  if (BEFORE_AFTER.test(after) || BEFORE_BEFORE.test(beforeText)) {
    const word = BEFORE_AFTER.exec(after)?.[0] ?? '';
    return { date, text: written + word, relation: 'before' };
  }
  if (!/天(?:以后|之后|后)$/.test(written) && AFTER.test(after)) {
    return { date, text: written + (AFTER.exec(after)?.[0] ?? ''), relation: 'after' };
  }
  return { date, text: written };
}

function yearOf(written: string, today: string): number | undefined {
  if (written in RELATIVE_YEAR) return Number(today.slice(0, 4)) + RELATIVE_YEAR[written];
  return parseNumber(written);
}

/** 12月3日 without a year: the one of last, this or next year closest to today. */
function nearestYear(today: string, dateIn: (year: number) => string | undefined): string | undefined {
  const year = Number(today.slice(0, 4));
  const distance = (date: string) => Math.abs(Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`));
  let best: string | undefined;
  for (const candidate of [year - 1, year, year + 1]) {
    const date = dateIn(candidate);
    if (date && (!best || distance(date) < distance(best))) best = date;
  }
  return best;
}

function isoDate(year: number | undefined, month: number | undefined, day: number | undefined): string | undefined {
  if (year === undefined || month === undefined || day === undefined) return undefined;
  if (!Number.isInteger(year) || year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function endOfMonth(year: number | undefined, month: number | undefined): string | undefined {
  if (year === undefined || month === undefined) return undefined;
  return isoDate(year, month, month >= 1 && month <= 12 ? daysInMonth(year, month) : 0);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function addMonths(today: string, months: number): { year: number; month: number } {
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function addDays(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/** 1 for Monday … 7 for Sunday. */
function isoWeekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}
