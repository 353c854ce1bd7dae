import { DomainError } from '@libs/common/errors/domain-error';
import { annualTax } from './annual-settlement';
import { PayMonth, totalWithheld, withholdCumulatively, withholdSameEveryMonth } from './cumulative-withholding';

const yuan = (amount: number) => Math.round(amount * 100);
const pay = (income: number, specialDeduction = 0, specialAdditionalDeduction = 0, otherDeduction = 0): PayMonth => ({
  income: yuan(income),
  specialDeduction: yuan(specialDeduction),
  specialAdditionalDeduction: yuan(specialAdditionalDeduction),
  otherDeduction: yuan(otherDeduction),
});

/**
 * The tax authority's own worked examples: 国家税务总局《关于发布〈个人所得税扣缴申报管理办法（试行）〉的公告》
 * （国家税务总局公告2018年第61号）解读, 例1 and 例2 of 居民个人工资、薪金所得预扣预缴 (2019 standards; the figures
 * are the examples' own, whatever the later deduction amounts).
 */
describe('cumulative withholding on the tax authority examples (公告2018年第61号 解读)', () => {
  it('例1: 10,000 a month, 三险一金 1,500, 子女教育 1,000: 75 yuan every month, 30,000 taxable over the year', () => {
    // 1月: (10000−5000−1500−1000)×3% = 75; 2月: (10000×2−5000×2−1500×2−1000×2)×3% − 75 = 75; 3月 likewise.
    const months = withholdSameEveryMonth(pay(10_000, 1_500, 1_000), 12);
    expect(months.slice(0, 3).map((month) => month.tax)).toEqual([yuan(75), yuan(75), yuan(75)]);
    expect(months.every((month) => month.tax === yuan(75) && month.ratePercent === 3)).toBe(true);
    expect(months[11].cumulativeTaxable).toBe(yuan(30_000));
    expect(totalWithheld(months)).toBe(yuan(900));
  });

  it('例2: 30,000 a month, 三险一金 4,500, two deductions 2,000: 555, 625, 1,850, the 10% rate from February', () => {
    // 1月: (30000−5000−4500−2000)×3% = 555; 2月: 37,000 × 10% − 2520 − 555 = 625; 3月: 55,500 × 10% − 2520 − 555 − 625 = 1850.
    const months = withholdSameEveryMonth(pay(30_000, 4_500, 2_000), 3);
    expect(months.map((month) => month.tax)).toEqual([yuan(555), yuan(625), yuan(1_850)]);
    expect(months.map((month) => month.cumulativeTaxable)).toEqual([yuan(18_500), yuan(37_000), yuan(55_500)]);
    expect(months.map((month) => month.ratePercent)).toEqual([3, 10, 10]);
  });
});

describe('cumulative withholding', () => {
  it('withholds over the year exactly the annual tax on the year, for the same pay every month', () => {
    for (const income of [5_000, 8_000.01, 12_345.67, 30_000, 62_500, 100_000, 1_234_567.89]) {
      const monthly = pay(income, income * 0.105, 2_000);
      const months = withholdSameEveryMonth(monthly, 12);
      const yearTaxable =
        12 * (monthly.income - 5_000_00 - monthly.specialDeduction - monthly.specialAdditionalDeduction);
      expect(totalWithheld(months)).toBe(annualTax(yearTaxable).tax);
    }
  });

  it('rounds each cumulative tax to the cent, half up', () => {
    // 5,000.33 × 3% = 150.0099 → 150.01; then 10,000.66 × 3% = 300.0198 → 300.02, less 150.01 = 150.01.
    const months = withholdSameEveryMonth(pay(10_000.33), 2);
    expect(months.map((month) => month.tax)).toEqual([15_001, 15_001]);
  });

  it('withholds nothing below the 5,000 basic deduction and shows no rate', () => {
    const months = withholdSameEveryMonth(pay(4_800, 500), 2);
    expect(months.map((month) => [month.tax, month.cumulativeTaxable, month.ratePercent])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('never withholds a negative amount: what was over-withheld is carried to later months', () => {
    // January 20,000 (15,000 taxable, 450 withheld), then 1,000: 11,000 cumulative, 330 due, below the 450 withheld.
    const months = withholdCumulatively([pay(20_000), pay(1_000), pay(10_000), pay(10_000)]);
    expect(months[1].cumulativeTax).toBe(yuan(330));
    // March: 16,000 → 480 due, 450 withheld → 30; April: 21,000 → 630 due, 480 withheld → 150.
    expect(months.map((month) => month.tax)).toEqual([yuan(450), 0, yuan(30), yuan(150)]);
    expect(months[3].cumulativeTax).toBe(yuan(630));
    expect(totalWithheld(months)).toBe(yuan(630));
  });

  it('reaches the 10% rate in the month the cumulative taxable income passes 36,000', () => {
    const months = withholdSameEveryMonth(pay(14_000), 12);
    expect(months[3].cumulativeTaxable).toBe(yuan(36_000));
    expect(months[3].ratePercent).toBe(3);
    expect(months[4].ratePercent).toBe(10);
    expect(months[4].tax).toBe(yuan(45_000 * 0.1 - 2_520 - 1_080));
  });

  it('computes between 1 and 12 months only', () => {
    expect(() => withholdSameEveryMonth(pay(10_000), 0)).toThrow(DomainError);
    expect(() => withholdSameEveryMonth(pay(10_000), 13)).toThrow(DomainError);
    expect(() => withholdSameEveryMonth(pay(10_000), 1.5)).toThrow(DomainError);
  });
});
