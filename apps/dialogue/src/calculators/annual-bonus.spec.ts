import { DomainError } from '@libs/common/errors/domain-error';
import { compareBonusTaxation, separateBonusTaxationPolicyFor, taxBonusSeparately } from './annual-bonus';

const yuan = (amount: number) => Math.round(amount * 100);
const salaryYear = (income: number, specialDeduction = 0, specialAdditionalDeduction = 0) => ({
  income: yuan(income),
  specialDeduction: yuan(specialDeduction),
  specialAdditionalDeduction: yuan(specialAdditionalDeduction),
  otherDeduction: 0,
});

describe('a 全年一次性奖金 taxed on its own (财政部 税务总局公告2023年第30号)', () => {
  it('taxes 36,000 at 3%: 36,000 ÷ 12 = 3,000, 36,000 × 3% = 1,080 (the 12366 / 广东省税务局 worked example)', () => {
    expect(taxBonusSeparately(yuan(36_000), 2026)).toMatchObject({
      tax: yuan(1_080),
      ratePercent: 3,
      afterTax: yuan(34_920),
    });
  });

  it('puts one cent more in the 10% row: the whole bonus at 10% less 210', () => {
    expect(taxBonusSeparately(yuan(36_000.01), 2026)).toMatchObject({ tax: yuan(3_390), ratePercent: 10 });
    expect(taxBonusSeparately(yuan(36_001), 2026)).toMatchObject({ tax: yuan(3_390.1), ratePercent: 10 });
  });

  it.each([
    [144_000, 10, 14_190],
    [144_000.01, 20, 27_390],
    [300_000, 20, 58_590],
    [300_000.01, 25, 72_340],
    [420_000, 25, 102_340],
    [420_000.01, 30, 121_590],
    [660_000, 30, 193_590],
    [660_000.01, 35, 223_840],
    [960_000, 35, 328_840],
    [960_000.01, 45, 416_840], // 432,000.0045 rounds to 432,000.00,
  ])('taxes a bonus of %d at %d%%: %d yuan', (bonus, ratePercent, tax) => {
    expect(taxBonusSeparately(yuan(bonus), 2027)).toMatchObject({ tax: yuan(tax), ratePercent });
  });

  it('taxes a nil bonus nil', () => {
    expect(taxBonusSeparately(0, 2026)).toMatchObject({ tax: 0, ratePercent: 0, afterTax: 0 });
  });

  it('cites the notice in force for each year, and has none after 2027', () => {
    expect(separateBonusTaxationPolicyFor(2019)?.document).toBe('财税〔2018〕164号');
    expect(separateBonusTaxationPolicyFor(2023)?.document).toBe('财政部 税务总局公告2021年第42号');
    expect(separateBonusTaxationPolicyFor(2027)?.document).toBe('财政部 税务总局公告2023年第30号');
    expect(separateBonusTaxationPolicyFor(2028)).toBeNull();
    expect(() => taxBonusSeparately(yuan(36_000), 2028)).toThrow(DomainError);
    expect(() => taxBonusSeparately(yuan(36_000), 2028)).toThrow(/执行期为2019年至2027年/);
  });
});

describe('a bonus taxed on its own or combined: which is cheaper', () => {
  it('keeps a 36,000 bonus apart from a 10,000-a-month salary: 4,560 against 7,080', () => {
    const comparison = compareBonusTaxation(yuan(36_000), salaryYear(120_000), 2026);
    // Apart: 1,080 on the bonus + (120,000 − 60,000) × 10% − 2,520 = 3,480. Combined: 96,000 × 10% − 2,520 = 7,080.
    expect(comparison.separate).toEqual({ bonusTax: yuan(1_080), otherIncomeTax: yuan(3_480), totalTax: yuan(4_560) });
    expect(comparison.combined).toEqual({ taxableIncome: yuan(96_000), totalTax: yuan(7_080), ratePercent: 10 });
    expect(comparison).toMatchObject({ cheaper: 'separate', saving: yuan(2_520) });
  });

  it('combines when the rest of the year is below its deductions: the shortfall absorbs part of the bonus', () => {
    // Rest of the year: 50,000 − 60,000 = −10,000. Apart: 20,000 × 3% = 600. Combined: 10,000 × 3% = 300.
    const comparison = compareBonusTaxation(yuan(20_000), salaryYear(50_000), 2026);
    expect(comparison.separate.totalTax).toBe(yuan(600));
    expect(comparison.combined).toEqual({ taxableIncome: yuan(10_000), totalTax: yuan(300), ratePercent: 3 });
    expect(comparison).toMatchObject({ cheaper: 'combined', saving: yuan(300) });
  });

  it('finds both equal when everything stays in the 3% band', () => {
    // Rest of the year 10,000 taxable, bonus 6,000: 300 + 180 apart, 16,000 × 3% = 480 combined.
    const comparison = compareBonusTaxation(yuan(6_000), salaryYear(70_000), 2026);
    expect(comparison).toMatchObject({ cheaper: 'equal', saving: 0 });
    expect(comparison.combined.totalTax).toBe(yuan(480));
  });

  it('refuses to compare for a year with no separate taxation', () => {
    expect(() => compareBonusTaxation(yuan(36_000), salaryYear(120_000), 2028)).toThrow(DomainError);
  });
});
