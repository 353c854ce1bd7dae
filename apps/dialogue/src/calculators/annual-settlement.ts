import { ANNUAL_COMPREHENSIVE_INCOME_TABLE, TaxOnAmount, taxByTable } from './iit-rate-tables';
import { Cents } from './money';

/** 基本减除费用: 5,000 yuan a month, 60,000 a year (《个人所得税法》第六条). */
export const BASIC_DEDUCTION_PER_MONTH: Cents = 5_000_00;
export const BASIC_DEDUCTION_PER_YEAR: Cents = 12 * BASIC_DEDUCTION_PER_MONTH;

/** A resident's comprehensive income (综合所得) for one year and what comes off it, all annual, in cents. */
export interface AnnualComprehensiveIncome {
  /** 收入额: salaries in full; 劳务报酬 and 特许权使用费 at 80%, 稿酬 at 56%, as the law counts them. */
  income: Cents;
  /** 专项扣除: the employee's own 三险一金. */
  specialDeduction: Cents;
  /** 专项附加扣除, including 大病医疗, which is only taken at the annual settlement. */
  specialAdditionalDeduction: Cents;
  /** 依法确定的其他扣除: 企业年金, 商业健康保险 (2,400 a year), 个人养老金 (12,000 a year) and the like. */
  otherDeduction: Cents;
}

/**
 * 年度应纳税所得额 = 收入额 − 60,000 − 专项扣除 − 专项附加扣除 − 其他扣除. It may come out negative: kept so, because
 * a bonus combined into the year's income is set against it (see annual-bonus.ts); the tax on it is then nil.
 */
export function annualTaxableIncome(year: AnnualComprehensiveIncome): Cents {
  return (
    year.income -
    BASIC_DEDUCTION_PER_YEAR -
    year.specialDeduction -
    year.specialAdditionalDeduction -
    year.otherDeduction
  );
}

/** 年度汇算: the tax on a year's comprehensive taxable income by the annual table; nothing on zero or less. */
export function annualTax(taxableIncome: Cents): TaxOnAmount {
  return taxByTable(ANNUAL_COMPREHENSIVE_INCOME_TABLE, taxableIncome);
}
