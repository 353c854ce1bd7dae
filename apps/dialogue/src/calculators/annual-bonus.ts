import { DomainError } from '@libs/common/errors/domain-error';
import { AnnualComprehensiveIncome, annualTax, annualTaxableIncome } from './annual-settlement';
import { MONTHLY_CONVERTED_TABLE, TaxOnAmount, taxByTable } from './iit-rate-tables';
import { Cents } from './money';

export interface BonusPolicy {
  document: string;
  /** First and last tax year the policy covers. */
  fromYear: number;
  untilYear: number;
}

/**
 * Taxing a 全年一次性奖金 on its own is a transitional measure with an end date, renewed twice so far. After the last
 * year below there is no separate taxation unless a new notice extends it again: add it here, citing it.
 */
export const SEPARATE_BONUS_TAXATION_POLICIES: readonly BonusPolicy[] = [
  { document: '财税〔2018〕164号', fromYear: 2019, untilYear: 2021 },
  { document: '财政部 税务总局公告2021年第42号', fromYear: 2022, untilYear: 2023 },
  // 《关于延续实施全年一次性奖金个人所得税政策的公告》: "本公告执行至2027年12月31日".
  { document: '财政部 税务总局公告2023年第30号', fromYear: 2024, untilYear: 2027 },
];

/** The notice that lets a bonus paid in this tax year be taxed on its own, or null when none does. */
export function separateBonusTaxationPolicyFor(taxYear: number): BonusPolicy | null {
  return (
    SEPARATE_BONUS_TAXATION_POLICIES.find((policy) => taxYear >= policy.fromYear && taxYear <= policy.untilYear) ?? null
  );
}

export interface SeparateBonusTax extends TaxOnAmount {
  afterTax: Cents;
  policy: BonusPolicy;
}

/**
 * 单独计税: 应纳税额 = 全年一次性奖金收入 × 适用税率 − 速算扣除数, the rate and quick deduction found by bonus ÷ 12 in
 * the monthly converted table. The whole bonus takes one rate, so just past a bound (36,000 → 36,000.01) the tax
 * jumps by more than the extra cent: the law's known 盲区, reproduced exactly, not smoothed.
 */
export function taxBonusSeparately(bonus: Cents, taxYear: number): SeparateBonusTax {
  const policy = separateBonusTaxationPolicyFor(taxYear);
  if (!policy) {
    const last = SEPARATE_BONUS_TAXATION_POLICIES[SEPARATE_BONUS_TAXATION_POLICIES.length - 1];
    throw new DomainError(
      'unprocessable',
      `全年一次性奖金单独计税政策的执行期为2019年至${last.untilYear}年（${last.document}），${taxYear}年度的奖金需并入当年综合所得计税`,
    );
  }
  const { tax, ratePercent } = taxByTable(MONTHLY_CONVERTED_TABLE, bonus, 12);
  return { tax, ratePercent, afterTax: bonus - tax, policy };
}

export interface BonusComparison {
  /** Bonus taxed on its own, the rest of the year by the annual table. */
  separate: { bonusTax: Cents; otherIncomeTax: Cents; totalTax: Cents };
  /** Bonus added to the year's comprehensive income. */
  combined: { taxableIncome: Cents; totalTax: Cents; ratePercent: number };
  cheaper: 'separate' | 'combined' | 'equal';
  /** How much less tax the cheaper way costs. */
  saving: Cents;
}

/**
 * Which way to tax the bonus, given the rest of the year: the same deductions apply either way, only whether the
 * bonus joins the annual income differs. A negative rest of the year (deductions above income) absorbs part of a
 * combined bonus, which is why combining is then always at least as cheap.
 */
export function compareBonusTaxation(
  bonus: Cents,
  restOfYear: AnnualComprehensiveIncome,
  taxYear: number,
): BonusComparison {
  const separateBonus = taxBonusSeparately(bonus, taxYear);
  const restTaxable = annualTaxableIncome(restOfYear);
  const otherIncomeTax = annualTax(restTaxable).tax;
  const separateTotal = separateBonus.tax + otherIncomeTax;
  const combinedTaxable = Math.max(0, restTaxable + bonus);
  const combined = annualTax(combinedTaxable);
  const cheaper = combined.tax < separateTotal ? 'combined' : combined.tax > separateTotal ? 'separate' : 'equal';
  return {
    separate: { bonusTax: separateBonus.tax, otherIncomeTax, totalTax: separateTotal },
    combined: { taxableIncome: combinedTaxable, totalTax: combined.tax, ratePercent: combined.ratePercent },
    cheaper,
    saving: Math.abs(combined.tax - separateTotal),
  };
}
