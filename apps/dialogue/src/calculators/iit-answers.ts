import { BonusComparison, SeparateBonusTax } from './annual-bonus';
import { totalWithheld, WithheldMonth } from './cumulative-withholding';
import { TaxOnAmount } from './iit-rate-tables';
import { centsToYuan } from './money';
import { Simulation } from './policy-simulation';

/**
 * The JSON other systems rely on: amounts in yuan as numbers with at most two decimals, rates in whole percent.
 * Field names here are a public contract; add fields, never rename or drop one.
 */

export function withholdingAnswer(months: readonly WithheldMonth[]) {
  return {
    months: months.map((month) => ({
      month: month.month,
      tax: centsToYuan(month.tax),
      cumulativeTaxable: centsToYuan(month.cumulativeTaxable),
      ratePercent: month.ratePercent,
    })),
    total: centsToYuan(totalWithheld(months)),
  };
}

export function separateBonusAnswer(bonus: SeparateBonusTax) {
  return {
    tax: centsToYuan(bonus.tax),
    ratePercent: bonus.ratePercent,
    afterTax: centsToYuan(bonus.afterTax),
    policy: { document: bonus.policy.document, untilYear: bonus.policy.untilYear },
  };
}

export function bonusComparisonAnswer(comparison: BonusComparison) {
  return {
    separate: {
      bonusTax: centsToYuan(comparison.separate.bonusTax),
      otherIncomeTax: centsToYuan(comparison.separate.otherIncomeTax),
      totalTax: centsToYuan(comparison.separate.totalTax),
    },
    combined: {
      taxableIncome: centsToYuan(comparison.combined.taxableIncome),
      totalTax: centsToYuan(comparison.combined.totalTax),
      ratePercent: comparison.combined.ratePercent,
    },
    cheaper: comparison.cheaper,
    saving: centsToYuan(comparison.saving),
  };
}

export function annualAnswer(tax: TaxOnAmount) {
  return { tax: centsToYuan(tax.tax), ratePercent: tax.ratePercent };
}

export function simulationAnswer(simulation: Simulation) {
  return {
    taxYear: simulation.taxYear,
    standards: simulation.standards,
    annualIncome: centsToYuan(simulation.annualIncome),
    taxableIncomeWithoutDeductions: centsToYuan(simulation.taxableIncomeWithoutDeductions),
    taxableIncome: centsToYuan(simulation.taxableIncome),
    taxWithoutDeductions: annualAnswer(simulation.taxWithoutDeductions),
    taxWithDeductions: annualAnswer(simulation.taxWithDeductions),
    deductions: simulation.deductions.map((deduction) => ({
      item: deduction.item,
      name: deduction.name,
      monthlyAmount: deduction.monthlyAmount === null ? null : centsToYuan(deduction.monthlyAmount),
      yearlyAmount: centsToYuan(deduction.yearlyAmount),
      yearlySaving: centsToYuan(deduction.yearlySaving),
      notes: deduction.notes,
    })),
    total: {
      yearlyAmount: centsToYuan(simulation.total.yearlyAmount),
      yearlySaving: centsToYuan(simulation.total.yearlySaving),
    },
  };
}
