import { Cents, percentOf } from './money';

/** One row of a progressive table: up to (and including) `upTo`, the whole amount is taxed at `ratePercent` less the quick deduction. */
export interface TaxBracket {
  /** Upper bound in cents, inclusive ("不超过"); null for the top row. */
  upTo: Cents | null;
  ratePercent: number;
  /** 速算扣除数, in cents. */
  quickDeduction: Cents;
}

export interface TaxOnAmount {
  tax: Cents;
  /** The rate of the bracket applied; 0 when there is nothing to tax. */
  ratePercent: number;
}

const yuan = (amount: number): Cents => amount * 100;

/**
 * 综合所得税率表 (《个人所得税法》附表一, annual), which is also 个人所得税预扣率表一 used on cumulative amounts for salary
 * withholding (国家税务总局公告2018年第61号 附件).
 */
export const ANNUAL_COMPREHENSIVE_INCOME_TABLE: readonly TaxBracket[] = [
  { upTo: yuan(36_000), ratePercent: 3, quickDeduction: 0 },
  { upTo: yuan(144_000), ratePercent: 10, quickDeduction: yuan(2_520) },
  { upTo: yuan(300_000), ratePercent: 20, quickDeduction: yuan(16_920) },
  { upTo: yuan(420_000), ratePercent: 25, quickDeduction: yuan(31_920) },
  { upTo: yuan(660_000), ratePercent: 30, quickDeduction: yuan(52_920) },
  { upTo: yuan(960_000), ratePercent: 35, quickDeduction: yuan(85_920) },
  { upTo: null, ratePercent: 45, quickDeduction: yuan(181_920) },
];

/**
 * 按月换算后的综合所得税率表: the annual table divided by 12, used only to tax a 全年一次性奖金 on its own
 * (财政部 税务总局公告2023年第30号 附件, as in 财税〔2018〕164号 before it).
 */
export const MONTHLY_CONVERTED_TABLE: readonly TaxBracket[] = [
  { upTo: yuan(3_000), ratePercent: 3, quickDeduction: 0 },
  { upTo: yuan(12_000), ratePercent: 10, quickDeduction: yuan(210) },
  { upTo: yuan(25_000), ratePercent: 20, quickDeduction: yuan(1_410) },
  { upTo: yuan(35_000), ratePercent: 25, quickDeduction: yuan(2_660) },
  { upTo: yuan(55_000), ratePercent: 30, quickDeduction: yuan(4_410) },
  { upTo: yuan(80_000), ratePercent: 35, quickDeduction: yuan(7_160) },
  { upTo: null, ratePercent: 45, quickDeduction: yuan(15_160) },
];

/**
 * The bracket an amount falls in. `periods` compares the amount with each bound times that many periods, so a
 * bonus is placed by bonus ÷ 12 without dividing (36,000.01 ÷ 12 is just over 3,000 and must land in the 10% row).
 */
export function bracketFor(table: readonly TaxBracket[], amount: Cents, periods = 1): TaxBracket {
  const found = table.find((bracket) => bracket.upTo === null || amount <= bracket.upTo * periods);
  if (!found) throw new Error('a tax table must end with an open top bracket');
  return found;
}

/** Tax on an amount by a table: amount × rate − quick deduction, to the cent; nothing on zero or less. */
export function taxByTable(table: readonly TaxBracket[], amount: Cents, periods = 1): TaxOnAmount {
  if (amount <= 0) return { tax: 0, ratePercent: 0 };
  const bracket = bracketFor(table, amount, periods);
  return { tax: percentOf(amount, bracket.ratePercent) - bracket.quickDeduction, ratePercent: bracket.ratePercent };
}
