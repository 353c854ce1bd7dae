import { DomainError } from '@libs/common/errors/domain-error';
import { Cents } from './money';

/** 住房租金 city tiers of 《个人所得税专项附加扣除暂行办法》 (the main working city). */
export type RentCityTier =
  /** 直辖市、省会（首府）城市、计划单列市以及国务院确定的其他城市 */
  | 'municipalityOrCapital'
  /** 其他城市中，市辖区户籍人口超过100万的城市 */
  | 'populationOver1M'
  /** 市辖区户籍人口不超过100万的城市 */
  | 'populationUpTo1M';

/** One set of standards, in force from a date until the next one. Amounts in cents. */
export interface DeductionStandards {
  /** The documents that set these amounts. */
  basis: string;
  effectiveFrom: string;
  childEducationPerChildMonthly: Cents;
  /** null before 3岁以下婴幼儿照护 existed (it started on 2022-01-01). */
  infantCarePerChildMonthly: Cents | null;
  elderlySupportMonthly: Cents;
  /** The most a child with siblings may take of the elderly-support amount. */
  elderlySupportShareCapMonthly: Cents;
  housingLoanInterestMonthly: Cents;
  housingRentMonthly: Record<RentCityTier, Cents>;
  degreeEducationMonthly: Cents;
  degreeEducationMaxMonths: number;
  /** 职业资格继续教育, once, in the year the certificate is obtained. */
  certificateEducationYearly: Cents;
  /** 大病医疗: the year's self-paid costs above the threshold count, up to the cap. */
  seriousIllnessThreshold: Cents;
  seriousIllnessCap: Cents;
}

const yuan = (amount: number): Cents => amount * 100;

const STANDARDS_2019: DeductionStandards = {
  basis: '国发〔2018〕41号《个人所得税专项附加扣除暂行办法》',
  effectiveFrom: '2019-01-01',
  childEducationPerChildMonthly: yuan(1_000),
  infantCarePerChildMonthly: null,
  elderlySupportMonthly: yuan(2_000),
  elderlySupportShareCapMonthly: yuan(1_000),
  housingLoanInterestMonthly: yuan(1_000),
  housingRentMonthly: {
    municipalityOrCapital: yuan(1_500),
    populationOver1M: yuan(1_100),
    populationUpTo1M: yuan(800),
  },
  degreeEducationMonthly: yuan(400),
  degreeEducationMaxMonths: 48,
  certificateEducationYearly: yuan(3_600),
  seriousIllnessThreshold: yuan(15_000),
  seriousIllnessCap: yuan(80_000),
};

const STANDARDS_2022: DeductionStandards = {
  ...STANDARDS_2019,
  basis: '国发〔2018〕41号；国发〔2022〕8号（设立3岁以下婴幼儿照护专项附加扣除）',
  effectiveFrom: '2022-01-01',
  infantCarePerChildMonthly: yuan(1_000),
};

/**
 * 国发〔2023〕13号《国务院关于提高个人所得税有关专项附加扣除标准的通知》: 婴幼儿照护 and 子女教育 from 1,000 to 2,000
 * per child a month; 赡养老人 from 2,000 to 3,000, siblings sharing it at most 1,500 each; from 2023-01-01.
 * Source: https://www.gov.cn/zhengce/content/202308/content_6901206.htm
 */
const STANDARDS_2023: DeductionStandards = {
  ...STANDARDS_2022,
  basis: '国发〔2018〕41号；国发〔2022〕8号；国发〔2023〕13号（提高专项附加扣除标准）',
  effectiveFrom: '2023-01-01',
  childEducationPerChildMonthly: yuan(2_000),
  infantCarePerChildMonthly: yuan(2_000),
  elderlySupportMonthly: yuan(3_000),
  elderlySupportShareCapMonthly: yuan(1_500),
};

/** Every version, oldest first. A new notice is a new entry here, never an edit of a past one. */
export const DEDUCTION_STANDARDS: readonly DeductionStandards[] = [STANDARDS_2019, STANDARDS_2022, STANDARDS_2023];

/** The standards in force on a date (YYYY-MM-DD, Beijing time). */
export function deductionStandardsOn(date: string): DeductionStandards {
  const inForce = DEDUCTION_STANDARDS.filter((standards) => standards.effectiveFrom <= date);
  const latest = inForce[inForce.length - 1];
  if (!latest) throw new DomainError('unprocessable', '专项附加扣除自2019年1月1日起实施，此前没有专项附加扣除');
  return latest;
}

/** The standards for a whole tax year: each change so far took effect on 1 January of its year. */
export function deductionStandardsForTaxYear(taxYear: number): DeductionStandards {
  return deductionStandardsOn(`${taxYear}-01-01`);
}

/** A parent takes a child's deduction in full, or each parent half (子女教育 and 婴幼儿照护 alike). */
export type ParentSharePercent = 100 | 50;

export type ChildStage =
  /** 出生当月至年满3周岁前一个月: 3岁以下婴幼儿照护 */
  | 'infant'
  /** 年满3岁至小学入学前: 学前教育, counted as 子女教育 */
  | 'preschool'
  /** 全日制学历教育, 小学 to 博士研究生: 子女教育 */
  | 'school';

export interface ChildDeduction {
  item: 'infantCare' | 'childEducation';
  monthly: Cents;
}

export function childDeduction(
  standards: DeductionStandards,
  stage: ChildStage,
  sharePercent: ParentSharePercent,
): ChildDeduction {
  if (stage === 'infant') {
    if (standards.infantCarePerChildMonthly === null) {
      throw new DomainError('unprocessable', '3岁以下婴幼儿照护专项附加扣除自2022年1月1日起实施，此前年度不能享受');
    }
    return { item: 'infantCare', monthly: (standards.infantCarePerChildMonthly * sharePercent) / 100 };
  }
  return { item: 'childEducation', monthly: (standards.childEducationPerChildMonthly * sharePercent) / 100 };
}

/**
 * 赡养老人, for a parent aged 60 or over: an only child takes the whole amount; siblings share it, by agreement or the
 * parents' designation, each at most the cap (1,500 a month from 2023). Without a share given, the cap is assumed.
 */
export function elderlySupportMonthly(
  standards: DeductionStandards,
  isOnlyChild: boolean,
  agreedShareMonthly?: Cents,
): Cents {
  if (isOnlyChild) return standards.elderlySupportMonthly;
  const share = agreedShareMonthly ?? standards.elderlySupportShareCapMonthly;
  if (share > standards.elderlySupportShareCapMonthly) {
    throw new DomainError(
      'invalid',
      `非独生子女分摊赡养老人扣除，每人每月不能超过 ${standards.elderlySupportShareCapMonthly / 100} 元`,
    );
  }
  return share;
}

export interface HousingFacts {
  /** Renting in the main working city, and its tier. */
  rentCityTier?: RentCityTier;
  /** Paying interest on a first-home loan (首套住房贷款). */
  hasFirstHomeLoan?: boolean;
  /** 100 when one spouse takes it all (the usual agreement), 50 each when each bought a home before marriage. */
  loanSharePercent?: ParentSharePercent;
}

export interface HousingDeduction {
  item: 'housingRent' | 'housingLoanInterest';
  monthly: Cents;
  /** Both applied: the rule allows one only, and this is the larger. */
  isChosenOverTheOther: boolean;
}

/**
 * 住房贷款利息 and 住房租金 cannot both be taken in the same tax year (暂行办法: 纳税人及其配偶在一个纳税年度内不能同时
 * 分别享受住房贷款利息和住房租金专项附加扣除). When both apply, the larger is taken, and the answer says a choice was made.
 */
export function housingDeduction(standards: DeductionStandards, facts: HousingFacts): HousingDeduction | null {
  const rent = facts.rentCityTier ? standards.housingRentMonthly[facts.rentCityTier] : null;
  const loan = facts.hasFirstHomeLoan
    ? (standards.housingLoanInterestMonthly * (facts.loanSharePercent ?? 100)) / 100
    : null;
  const isBoth = rent !== null && loan !== null;
  if (rent !== null && (loan === null || rent >= loan)) {
    return { item: 'housingRent', monthly: rent, isChosenOverTheOther: isBoth };
  }
  if (loan !== null) return { item: 'housingLoanInterest', monthly: loan, isChosenOverTheOther: isBoth };
  return null;
}

/**
 * 继续教育 for the year: 学历（学位）继续教育 400 a month for the months studied (at most 48 months for one degree in
 * all), plus 3,600 in the year a 职业资格 certificate is obtained. Both may be taken in the same year.
 */
export function continuingEducationYearly(
  standards: DeductionStandards,
  facts: { degreeMonthsThisYear?: number; obtainedCertificateThisYear?: boolean },
): Cents {
  const months = facts.degreeMonthsThisYear ?? 0;
  if (!Number.isInteger(months) || months < 0 || months > 12) {
    throw new DomainError('invalid', '学历继续教育的月份数必须是 0 到 12 之间的整数');
  }
  return (
    months * standards.degreeEducationMonthly +
    (facts.obtainedCertificateThisYear ? standards.certificateEducationYearly : 0)
  );
}

/** 大病医疗, at the annual settlement: the year's self-paid costs (医保目录内自付部分) above 15,000, at most 80,000. */
export function seriousIllnessYearly(standards: DeductionStandards, selfPaidMedicalCosts: Cents): Cents {
  return Math.min(Math.max(0, selfPaidMedicalCosts - standards.seriousIllnessThreshold), standards.seriousIllnessCap);
}
