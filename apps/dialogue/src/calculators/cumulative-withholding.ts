import { DomainError } from '@libs/common/errors/domain-error';
import { BASIC_DEDUCTION_PER_MONTH } from './annual-settlement';
import { ANNUAL_COMPREHENSIVE_INCOME_TABLE, taxByTable } from './iit-rate-tables';
import { Cents } from './money';

/** One month's pay slip as the employer's withholding sees it, in cents. */
export interface PayMonth {
  income: Cents;
  /** 三险一金 paid by the employee. */
  specialDeduction: Cents;
  /** 专项附加扣除 the employee asked this employer to take this month. */
  specialAdditionalDeduction: Cents;
  otherDeduction: Cents;
}

export interface WithheldMonth {
  /** 1 for January. */
  month: number;
  /** 累计预扣预缴应纳税所得额, never below zero. */
  cumulativeTaxable: Cents;
  /** 预扣率 of the bracket reached; 0 while nothing is taxable yet. */
  ratePercent: number;
  /** 累计应预扣预缴税额 up to this month. */
  cumulativeTax: Cents;
  /** 本期应预扣预缴税额: this month's withholding. */
  tax: Cents;
}

/**
 * 累计预扣法 (国家税务总局公告2018年第61号《个人所得税扣缴申报管理办法（试行）》第六条), month by month from January:
 *   累计预扣预缴应纳税所得额 = 累计收入 − 累计减除费用 (5,000 × months) − 累计专项扣除 − 累计专项附加扣除 − 累计其他扣除
 *   本期应预扣预缴税额 = (累计应纳税所得额 × 预扣率 − 速算扣除数) − 累计已预扣预缴税额
 * When the cumulative tax falls below what was already withheld (a lower month, a deduction claimed late), nothing
 * is withheld that month and nothing refunded: the excess stays withheld and counts against later months; whatever
 * is left over at the year's end comes back through the annual settlement.
 *
 * Not modelled: joining an employer mid-year (国家税务总局公告2020年第13号, basic deduction counted from the month
 * of joining), the 60,000-from-January rule for low earners (公告2020年第19号), and 累计减免税额.
 */
export function withholdCumulatively(months: readonly PayMonth[]): WithheldMonth[] {
  if (months.length < 1 || months.length > 12) throw new DomainError('invalid', '月份数必须在 1 到 12 之间');
  const withheld: WithheldMonth[] = [];
  let cumulativeNet: Cents = 0;
  let alreadyWithheld: Cents = 0;
  months.forEach((pay, index) => {
    cumulativeNet +=
      pay.income -
      BASIC_DEDUCTION_PER_MONTH -
      pay.specialDeduction -
      pay.specialAdditionalDeduction -
      pay.otherDeduction;
    const cumulativeTaxable = Math.max(0, cumulativeNet);
    const { tax: cumulativeTax, ratePercent } = taxByTable(ANNUAL_COMPREHENSIVE_INCOME_TABLE, cumulativeTaxable);
    const tax = Math.max(0, cumulativeTax - alreadyWithheld);
    alreadyWithheld += tax;
    withheld.push({ month: index + 1, cumulativeTaxable, ratePercent, cumulativeTax, tax });
  });
  return withheld;
}

/** The same pay slip every month, for `months` months from January: the common case and the public endpoint. */
export function withholdSameEveryMonth(pay: PayMonth, months: number): WithheldMonth[] {
  if (!Number.isInteger(months)) throw new DomainError('invalid', '月份数必须是整数');
  return withholdCumulatively(Array.from({ length: Math.max(0, months) }, () => pay));
}

/** What was withheld over the months computed. */
export function totalWithheld(months: readonly WithheldMonth[]): Cents {
  return months.reduce((sum, month) => sum + month.tax, 0);
}
