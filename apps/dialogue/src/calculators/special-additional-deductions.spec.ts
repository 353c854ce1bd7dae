import { DomainError } from '@libs/common/errors/domain-error';
import {
  childDeduction,
  continuingEducationYearly,
  deductionStandardsForTaxYear,
  deductionStandardsOn,
  elderlySupportMonthly,
  housingDeduction,
  seriousIllnessYearly,
} from './special-additional-deductions';

const yuan = (amount: number) => Math.round(amount * 100);
const standards2023 = deductionStandardsForTaxYear(2026);

describe('which standards apply on a date', () => {
  it('has no special additional deductions before 2019', () => {
    expect(() => deductionStandardsOn('2018-12-31')).toThrow(DomainError);
  });

  it('applies the 2019 amounts until 2021: 子女教育 1,000, 赡养老人 2,000, no 婴幼儿照护', () => {
    const standards = deductionStandardsOn('2021-12-31');
    expect(standards.effectiveFrom).toBe('2019-01-01');
    expect(standards.childEducationPerChildMonthly).toBe(yuan(1_000));
    expect(standards.elderlySupportMonthly).toBe(yuan(2_000));
    expect(standards.infantCarePerChildMonthly).toBeNull();
  });

  it('adds 婴幼儿照护 at 1,000 from 2022 (国发〔2022〕8号)', () => {
    expect(deductionStandardsOn('2022-01-01').infantCarePerChildMonthly).toBe(yuan(1_000));
    expect(deductionStandardsForTaxYear(2022).childEducationPerChildMonthly).toBe(yuan(1_000));
  });

  it('raises 子女教育 and 婴幼儿照护 to 2,000 and 赡养老人 to 3,000 from 2023-01-01 (国发〔2023〕13号)', () => {
    expect(deductionStandardsOn('2022-12-31').childEducationPerChildMonthly).toBe(yuan(1_000));
    const standards = deductionStandardsOn('2023-01-01');
    expect(standards.basis).toContain('国发〔2023〕13号');
    expect(standards.childEducationPerChildMonthly).toBe(yuan(2_000));
    expect(standards.infantCarePerChildMonthly).toBe(yuan(2_000));
    expect(standards.elderlySupportMonthly).toBe(yuan(3_000));
    expect(standards.elderlySupportShareCapMonthly).toBe(yuan(1_500));
    expect(deductionStandardsForTaxYear(2026)).toBe(standards);
  });

  it('keeps the amounts the 2023 notice did not change', () => {
    expect(standards2023.housingLoanInterestMonthly).toBe(yuan(1_000));
    expect(standards2023.housingRentMonthly).toEqual({
      municipalityOrCapital: yuan(1_500),
      populationOver1M: yuan(1_100),
      populationUpTo1M: yuan(800),
    });
    expect(standards2023.degreeEducationMonthly).toBe(yuan(400));
    expect(standards2023.certificateEducationYearly).toBe(yuan(3_600));
  });
});

describe('each deduction', () => {
  it('gives a child 2,000 a month to one parent, or 1,000 to each', () => {
    expect(childDeduction(standards2023, 'school', 100)).toEqual({ item: 'childEducation', monthly: yuan(2_000) });
    expect(childDeduction(standards2023, 'preschool', 50)).toEqual({ item: 'childEducation', monthly: yuan(1_000) });
    expect(childDeduction(standards2023, 'infant', 100)).toEqual({ item: 'infantCare', monthly: yuan(2_000) });
  });

  it('refuses 婴幼儿照护 for a year before it existed', () => {
    expect(() => childDeduction(deductionStandardsForTaxYear(2021), 'infant', 100)).toThrow(DomainError);
  });

  it('gives an only child the whole 3,000 for parents aged 60 or over, and a sibling at most 1,500', () => {
    expect(elderlySupportMonthly(standards2023, true)).toBe(yuan(3_000));
    expect(elderlySupportMonthly(standards2023, false)).toBe(yuan(1_500));
    expect(elderlySupportMonthly(standards2023, false, yuan(1_000))).toBe(yuan(1_000));
    expect(() => elderlySupportMonthly(standards2023, false, yuan(1_500.01))).toThrow(/不能超过 1500 元/);
    expect(() => elderlySupportMonthly(deductionStandardsForTaxYear(2022), false, yuan(1_500))).toThrow(DomainError);
  });

  it('takes the housing rent or the first-home loan interest, never both', () => {
    expect(housingDeduction(standards2023, { rentCityTier: 'populationUpTo1M' })).toEqual({
      item: 'housingRent',
      monthly: yuan(800),
      isChosenOverTheOther: false,
    });
    expect(housingDeduction(standards2023, { hasFirstHomeLoan: true })).toEqual({
      item: 'housingLoanInterest',
      monthly: yuan(1_000),
      isChosenOverTheOther: false,
    });
    // Both: 1,500 rent beats 1,000 interest; 1,000 interest beats 800 rent.
    expect(housingDeduction(standards2023, { rentCityTier: 'municipalityOrCapital', hasFirstHomeLoan: true })).toEqual({
      item: 'housingRent',
      monthly: yuan(1_500),
      isChosenOverTheOther: true,
    });
    expect(housingDeduction(standards2023, { rentCityTier: 'populationUpTo1M', hasFirstHomeLoan: true })).toMatchObject(
      {
        item: 'housingLoanInterest',
        isChosenOverTheOther: true,
      },
    );
    expect(housingDeduction(standards2023, { hasFirstHomeLoan: true, loanSharePercent: 50 })?.monthly).toBe(yuan(500));
    expect(housingDeduction(standards2023, {})).toBeNull();
  });

  it('counts continuing education by the month for a degree and once for a certificate', () => {
    expect(continuingEducationYearly(standards2023, { degreeMonthsThisYear: 12 })).toBe(yuan(4_800));
    expect(continuingEducationYearly(standards2023, { obtainedCertificateThisYear: true })).toBe(yuan(3_600));
    expect(
      continuingEducationYearly(standards2023, { degreeMonthsThisYear: 4, obtainedCertificateThisYear: true }),
    ).toBe(yuan(5_200));
    expect(() => continuingEducationYearly(standards2023, { degreeMonthsThisYear: 13 })).toThrow(DomainError);
  });

  it.each([
    [15_000, 0],
    [15_000.01, 0.01],
    [20_000, 5_000],
    [95_000, 80_000],
    [200_000, 80_000],
  ])('deducts for serious illness on %d self-paid: %d', (costs, deduction) => {
    expect(seriousIllnessYearly(standards2023, yuan(costs))).toBe(yuan(deduction));
  });
});
