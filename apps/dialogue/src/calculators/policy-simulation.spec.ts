import { DomainError } from '@libs/common/errors/domain-error';
import { simulateDeductions, SimulationFacts } from './policy-simulation';

const yuan = (amount: number) => Math.round(amount * 100);
const facts = (overrides: Partial<SimulationFacts>): SimulationFacts => ({
  taxYear: 2026,
  monthlyIncome: yuan(15_000),
  monthlySpecialDeduction: 0,
  monthlyOtherDeduction: 0,
  children: [],
  ...overrides,
});

describe("政策模拟: the seed article's example, 月收入1.5万元、一个上小学的孩子", () => {
  it('saves 2,400 a year under the 2023 standard: 2,000 a month at the 10% margin', () => {
    const simulation = simulateDeductions(facts({ children: [{ stage: 'school', sharePercent: 100 }] }));
    expect(simulation.deductions).toEqual([
      expect.objectContaining({
        item: 'childEducation',
        monthlyAmount: yuan(2_000),
        yearlyAmount: yuan(24_000),
        yearlySaving: yuan(2_400),
      }),
    ]);
    // 180,000 − 60,000 = 120,000 → 9,480; less 24,000 = 96,000 → 7,080.
    expect(simulation.taxWithoutDeductions).toEqual({ tax: yuan(9_480), ratePercent: 10 });
    expect(simulation.taxWithDeductions).toEqual({ tax: yuan(7_080), ratePercent: 10 });
    expect(simulation.total).toEqual({ yearlyAmount: yuan(24_000), yearlySaving: yuan(2_400) });
  });

  it("gives the article's 1,000 a month and 1,200 a year only under the pre-2023 standard", () => {
    // The article (written as "2024年新政") quotes the 2019–2022 amount; from 2023-01-01 it is 2,000 (国发〔2023〕13号).
    const simulation = simulateDeductions(facts({ taxYear: 2022, children: [{ stage: 'school', sharePercent: 100 }] }));
    expect(simulation.deductions[0]).toMatchObject({ monthlyAmount: yuan(1_000), yearlySaving: yuan(1_200) });
  });

  it('stays at 2,400 with a usual 三险一金, which leaves the income in the 10% band', () => {
    const simulation = simulateDeductions(
      facts({ monthlySpecialDeduction: yuan(3_375), children: [{ stage: 'school', sharePercent: 100 }] }),
    );
    expect(simulation.total.yearlySaving).toBe(yuan(2_400));
  });
});

describe('政策模拟', () => {
  it('measures the saving at the real margin when a deduction crosses into the 3% band', () => {
    // 8,500 a month: 102,000 − 60,000 = 42,000 → 1,680; less 24,000 = 18,000 → 540. Saving 1,140, not 2,400 nor 720.
    const simulation = simulateDeductions(
      facts({ monthlyIncome: yuan(8_500), children: [{ stage: 'school', sharePercent: 100 }] }),
    );
    expect(simulation.deductions[0].yearlySaving).toBe(yuan(1_140));
  });

  it('saves nothing for someone below the threshold', () => {
    const simulation = simulateDeductions(
      facts({ monthlyIncome: yuan(4_500), children: [{ stage: 'infant', sharePercent: 100 }] }),
    );
    expect(simulation.deductions[0]).toMatchObject({ item: 'infantCare', yearlyAmount: yuan(24_000), yearlySaving: 0 });
    expect(simulation.taxableIncomeWithoutDeductions).toBe(0);
  });

  it('gives each deduction its own saving and a total that can exceed their sum across a bracket', () => {
    // 20,000 a month: 180,000 taxable → 19,080 (20%). Child 24,000, only-child parents 36,000, capital rent 18,000.
    const simulation = simulateDeductions(
      facts({
        monthlyIncome: yuan(20_000),
        children: [{ stage: 'school', sharePercent: 100 }],
        parents: { isOnlyChild: true },
        housing: { rentCityTier: 'municipalityOrCapital' },
      }),
    );
    expect(
      simulation.deductions.map((deduction) => [deduction.item, deduction.yearlyAmount, deduction.yearlySaving]),
    ).toEqual([
      ['childEducation', yuan(24_000), yuan(2_400)], // 126,000 → 10,080 against 7,680
      ['elderlySupport', yuan(36_000), yuan(3_600)], // 138,000 → 11,280
      ['housingRent', yuan(18_000), yuan(1_800)], // 120,000 → 9,480
    ]);
    // Together: 102,000 → 7,680; the first 36,000 off came off at 20%, so 11,400 > 2,400 + 3,600 + 1,800.
    expect(simulation.total).toEqual({ yearlyAmount: yuan(78_000), yearlySaving: yuan(11_400) });
  });

  it('adds up children by kind and halves a shared child', () => {
    const simulation = simulateDeductions(
      facts({
        children: [
          { stage: 'school', sharePercent: 100 },
          { stage: 'preschool', sharePercent: 50 },
          { stage: 'infant', sharePercent: 100 },
        ],
      }),
    );
    expect(simulation.deductions.map((deduction) => [deduction.item, deduction.monthlyAmount])).toEqual([
      ['childEducation', yuan(3_000)],
      ['infantCare', yuan(2_000)],
    ]);
    expect(simulation.deductions[0].notes.join('')).toContain('50%');
  });

  it('takes the larger of rent and loan interest and says why', () => {
    const simulation = simulateDeductions(
      facts({ housing: { rentCityTier: 'populationOver1M', hasFirstHomeLoan: true } }),
    );
    expect(simulation.deductions).toEqual([
      expect.objectContaining({
        item: 'housingRent',
        monthlyAmount: yuan(1_100),
        notes: [expect.stringContaining('不能同时享受')],
      }),
    ]);
  });

  it('counts serious illness and a certificate by the year, with no monthly amount', () => {
    const simulation = simulateDeductions(
      facts({ selfPaidMedicalCosts: yuan(35_000), continuingEducation: { obtainedCertificateThisYear: true } }),
    );
    expect(
      simulation.deductions.map((deduction) => [deduction.item, deduction.monthlyAmount, deduction.yearlyAmount]),
    ).toEqual([
      ['continuingEducation', null, yuan(3_600)],
      ['seriousIllness', null, yuan(20_000)],
    ]);
  });

  it('refuses a sibling share above the cap, and 婴幼儿照护 before 2022', () => {
    expect(() => simulateDeductions(facts({ parents: { isOnlyChild: false, monthlyShare: yuan(2_000) } }))).toThrow(
      DomainError,
    );
    expect(() =>
      simulateDeductions(facts({ taxYear: 2021, children: [{ stage: 'infant', sharePercent: 100 }] })),
    ).toThrow(DomainError);
  });

  it('has nothing to deduct without family facts', () => {
    const simulation = simulateDeductions(facts({}));
    expect(simulation.deductions).toEqual([]);
    expect(simulation.total).toEqual({ yearlyAmount: 0, yearlySaving: 0 });
    expect(simulation.standards.effectiveFrom).toBe('2023-01-01');
  });
});
