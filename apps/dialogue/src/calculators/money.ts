import { DomainError } from '@libs/common/errors/domain-error';

/**
 * An amount of money in 分 (cents), always a safe integer. Tax rules are applied in cents so that a sum of twelve
 * months is exact and the only rounding is the one the tax authority does: to the cent, half up (四舍五入).
 */
export type Cents = number;

/** The largest amount any calculator accepts, in yuan: far above any real salary, well inside exact integer cents. */
export const MAX_AMOUNT_YUAN = 1_000_000_000;

const TWO_DECIMALS = /^(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Reads a yuan amount as exact cents: 10000.55 → 1000055. A binary float is never multiplied by 100 (0.29 × 100 is
 * 28.999…); its shortest decimal spelling, which is what the caller wrote in JSON, is parsed instead.
 */
export function yuanToCents(yuan: number): Cents {
  const match = Number.isFinite(yuan) ? TWO_DECIMALS.exec(String(yuan)) : null;
  if (!match) throw new DomainError('invalid', '金额必须是不小于 0 的数字，最多保留两位小数（到分）');
  if (yuan > MAX_AMOUNT_YUAN) throw new DomainError('invalid', `金额不能超过 ${MAX_AMOUNT_YUAN / 100_000_000} 亿元`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Whether a number is a yuan amount with at most two decimals (what `yuanToCents` accepts), for schema checks. */
export function hasAtMostTwoDecimals(yuan: number): boolean {
  return Number.isFinite(yuan) && TWO_DECIMALS.test(String(Math.abs(yuan)));
}

/** Cents back to yuan for a JSON answer: 1000055 → 10000.55 (the nearest double, which prints as written). */
export function centsToYuan(cents: Cents): number {
  return cents / 100;
}

/** `percent`% of an amount, rounded to the cent half up (away from zero on an exact half), as the tax authority rounds. */
export function percentOf(amount: Cents, percent: number): Cents {
  const hundredths = Math.abs(amount) * percent;
  const rounded = Math.floor((hundredths + 50) / 100);
  return amount < 0 ? -rounded : rounded;
}

/** Yuan for a person to read: 123456780 → "1,234,567.80", 150000 → "1,500". */
export function formatYuan(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  const whole = Math.floor(Math.abs(cents) / 100).toLocaleString('en-US');
  const fraction = Math.abs(cents) % 100;
  return fraction === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(fraction).padStart(2, '0')}`;
}
