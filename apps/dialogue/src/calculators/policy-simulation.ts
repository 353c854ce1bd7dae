import { AnnualComprehensiveIncome, annualTax, annualTaxableIncome } from './annual-settlement';
import { TaxOnAmount } from './iit-rate-tables';
import { Cents, formatYuan } from './money';
import {
  ChildStage,
  childDeduction,
  continuingEducationYearly,
  DeductionStandards,
  deductionStandardsForTaxYear,
  elderlySupportMonthly,
  HousingFacts,
  housingDeduction,
  ParentSharePercent,
  seriousIllnessYearly,
} from './special-additional-deductions';

/** What a citizen tells us about a year: monthly pay and family facts. Amounts in cents. */
export interface SimulationFacts {
  taxYear: number;
  /** 每月工资薪金收入（税前）. */
  monthlyIncome: Cents;
  /** 每月个人缴付的三险一金. */
  monthlySpecialDeduction: Cents;
  /** 每月其他扣除 (企业年金, 个人养老金 and the like). */
  monthlyOtherDeduction: Cents;
  children: ReadonlyArray<{ stage: ChildStage; sharePercent: ParentSharePercent }>;
  /** Present when at least one parent is aged 60 or over. */
  parents?: { isOnlyChild: boolean; monthlyShare?: Cents };
  housing?: HousingFacts;
  continuingEducation?: { degreeMonthsThisYear?: number; obtainedCertificateThisYear?: boolean };
  /** The year's self-paid medical costs within the basic medical insurance list (医保目录内自付部分). */
  selfPaidMedicalCosts?: Cents;
}

export type DeductionItem =
  | 'childEducation'
  | 'infantCare'
  | 'elderlySupport'
  | 'housingLoanInterest'
  | 'housingRent'
  | 'continuingEducation'
  | 'seriousIllness';

export const DEDUCTION_NAMES: Record<DeductionItem, string> = {
  childEducation: '子女教育',
  infantCare: '3岁以下婴幼儿照护',
  elderlySupport: '赡养老人',
  housingLoanInterest: '住房贷款利息',
  housingRent: '住房租金',
  continuingEducation: '继续教育',
  seriousIllness: '大病医疗',
};

export interface SimulatedDeduction {
  item: DeductionItem;
  name: string;
  /** The monthly amount, or null for a deduction counted by the year (职业资格证书, 大病医疗). */
  monthlyAmount: Cents | null;
  yearlyAmount: Cents;
  /** Annual tax with every other deduction but not this one, less annual tax with all of them. */
  yearlySaving: Cents;
  notes: string[];
}

export interface Simulation {
  taxYear: number;
  standards: { basis: string; effectiveFrom: string };
  annualIncome: Cents;
  /** 应纳税所得额 before and after the special additional deductions, never below zero. */
  taxableIncomeWithoutDeductions: Cents;
  taxableIncome: Cents;
  taxWithoutDeductions: TaxOnAmount;
  taxWithDeductions: TaxOnAmount;
  deductions: SimulatedDeduction[];
  /**
   * All deductions together. The total saving is the tax without any of them less the tax with all of them; it can
   * differ from the sum of the items' savings when the deductions together cross a bracket boundary, because each
   * item's saving is measured at the margin the others leave.
   */
  total: { yearlyAmount: Cents; yearlySaving: Cents };
}

interface Claim {
  item: DeductionItem;
  monthlyAmount: Cents | null;
  yearlyAmount: Cents;
  notes: string[];
}

/**
 * 政策模拟: which special additional deductions a person's facts give, and what each saves in a year's tax. The tax
 * is the annual settlement's (年度汇算), which for the same pay every month is also what cumulative withholding takes
 * by December; 大病医疗 is only ever taken at the settlement. Every deduction is assumed for the whole year.
 * The seed article's "月收入1.5万元、一个上小学的孩子，每月扣除1000元，全年少缴1200元" is the 2019–2022 standard; from
 * 2023 (国发〔2023〕13号) the same family deducts 2,000 a month and saves 2,400 a year at the 10% margin.
 */
export function simulateDeductions(facts: SimulationFacts): Simulation {
  const standards = deductionStandardsForTaxYear(facts.taxYear);
  const claims = claimsFor(facts, standards);
  const year = (specialAdditionalDeduction: Cents): AnnualComprehensiveIncome => ({
    income: 12 * facts.monthlyIncome,
    specialDeduction: 12 * facts.monthlySpecialDeduction,
    specialAdditionalDeduction,
    otherDeduction: 12 * facts.monthlyOtherDeduction,
  });
  const taxWith = (deducted: Cents) => annualTax(annualTaxableIncome(year(deducted)));
  const allDeducted = claims.reduce((sum, claim) => sum + claim.yearlyAmount, 0);
  const taxWithDeductions = taxWith(allDeducted);
  const taxWithoutDeductions = taxWith(0);
  return {
    taxYear: facts.taxYear,
    standards: { basis: standards.basis, effectiveFrom: standards.effectiveFrom },
    annualIncome: 12 * facts.monthlyIncome,
    taxableIncomeWithoutDeductions: Math.max(0, annualTaxableIncome(year(0))),
    taxableIncome: Math.max(0, annualTaxableIncome(year(allDeducted))),
    taxWithoutDeductions,
    taxWithDeductions,
    deductions: claims.map((claim) => ({
      item: claim.item,
      name: DEDUCTION_NAMES[claim.item],
      monthlyAmount: claim.monthlyAmount,
      yearlyAmount: claim.yearlyAmount,
      yearlySaving: taxWith(allDeducted - claim.yearlyAmount).tax - taxWithDeductions.tax,
      notes: claim.notes,
    })),
    total: { yearlyAmount: allDeducted, yearlySaving: taxWithoutDeductions.tax - taxWithDeductions.tax },
  };
}

function claimsFor(facts: SimulationFacts, standards: DeductionStandards): Claim[] {
  return [
    ...childClaims(facts.children, standards),
    ...elderlyClaim(facts.parents, standards),
    ...housingClaim(facts.housing, standards),
    ...continuingEducationClaim(facts.continuingEducation, standards),
    ...seriousIllnessClaim(facts.selfPaidMedicalCosts, standards),
  ];
}

function monthlyClaim(item: DeductionItem, monthlyAmount: Cents, notes: string[]): Claim {
  return { item, monthlyAmount, yearlyAmount: 12 * monthlyAmount, notes };
}

function childClaims(children: SimulationFacts['children'], standards: DeductionStandards): Claim[] {
  const byItem = new Map<DeductionItem, { monthly: Cents; count: number; isHalf: boolean }>();
  for (const child of children) {
    const deduction = childDeduction(standards, child.stage, child.sharePercent);
    const sum = byItem.get(deduction.item) ?? { monthly: 0, count: 0, isHalf: false };
    byItem.set(deduction.item, {
      monthly: sum.monthly + deduction.monthly,
      count: sum.count + 1,
      isHalf: sum.isHalf || child.sharePercent === 50,
    });
  }
  return [...byItem].map(([item, sum]) => {
    const perChild =
      item === 'infantCare' ? standards.infantCarePerChildMonthly : standards.childEducationPerChildMonthly;
    const notes = [`${sum.count}个孩子，每个孩子每月 ${formatYuan(perChild ?? 0)} 元`];
    if (sum.isHalf) notes.push('父母双方各按50%扣除的孩子，按一半计算');
    return monthlyClaim(item, sum.monthly, notes);
  });
}

function elderlyClaim(parents: SimulationFacts['parents'], standards: DeductionStandards): Claim[] {
  if (!parents) return [];
  const monthly = elderlySupportMonthly(standards, parents.isOnlyChild, parents.monthlyShare);
  const note = parents.isOnlyChild
    ? '独生子女，全额扣除'
    : `非独生子女，与兄弟姐妹分摊，本人每月 ${formatYuan(monthly)} 元（每人不超过 ${formatYuan(standards.elderlySupportShareCapMonthly)} 元）`;
  return [monthlyClaim('elderlySupport', monthly, [note])];
}

function housingClaim(housing: HousingFacts | undefined, standards: DeductionStandards): Claim[] {
  const deduction = housing ? housingDeduction(standards, housing) : null;
  if (!deduction) return [];
  const notes = deduction.isChosenOverTheOther
    ? [`住房贷款利息和住房租金不能同时享受，已按扣除额较大的${DEDUCTION_NAMES[deduction.item]}计算`]
    : [];
  return [monthlyClaim(deduction.item, deduction.monthly, notes)];
}

function continuingEducationClaim(
  education: SimulationFacts['continuingEducation'],
  standards: DeductionStandards,
): Claim[] {
  const yearly = education ? continuingEducationYearly(standards, education) : 0;
  if (!education || yearly === 0) return [];
  const notes: string[] = [];
  const months = education.degreeMonthsThisYear ?? 0;
  if (months > 0) {
    notes.push(
      `学历（学位）继续教育每月 ${formatYuan(standards.degreeEducationMonthly)} 元，本年 ${months} 个月；同一学历最长扣除 ${standards.degreeEducationMaxMonths} 个月`,
    );
  }
  if (education.obtainedCertificateThisYear) {
    notes.push(`取得职业资格证书的当年扣除 ${formatYuan(standards.certificateEducationYearly)} 元`);
  }
  const isMonthlyOnly = months === 12 && !education.obtainedCertificateThisYear;
  return [
    {
      item: 'continuingEducation',
      monthlyAmount: isMonthlyOnly ? standards.degreeEducationMonthly : null,
      yearlyAmount: yearly,
      notes,
    },
  ];
}

function seriousIllnessClaim(costs: Cents | undefined, standards: DeductionStandards): Claim[] {
  const yearly = costs === undefined ? 0 : seriousIllnessYearly(standards, costs);
  if (yearly === 0) return [];
  const note = `医保目录内自付部分超过 ${formatYuan(standards.seriousIllnessThreshold)} 元的部分，在 ${formatYuan(standards.seriousIllnessCap)} 元限额内，于次年办理年度汇算时扣除`;
  return [{ item: 'seriousIllness', monthlyAmount: null, yearlyAmount: yearly, notes: [note] }];
}
