import { annualTax, annualTaxableIncome } from './annual-settlement';

const yuan = (amount: number) => Math.round(amount * 100);

describe('the annual settlement (年度汇算)', () => {
  it('taxes the year of 例1 (公告2018年第61号 解读) at 900 yuan: 30,000 taxable, all at 3%', () => {
    const taxable = annualTaxableIncome({
      income: yuan(120_000),
      specialDeduction: yuan(18_000),
      specialAdditionalDeduction: yuan(12_000),
      otherDeduction: 0,
    });
    expect(taxable).toBe(yuan(30_000));
    expect(annualTax(taxable)).toEqual({ tax: yuan(900), ratePercent: 3 });
  });

  it('keeps a negative taxable income negative, and taxes it nil', () => {
    const taxable = annualTaxableIncome({
      income: yuan(50_000),
      specialDeduction: yuan(5_000),
      specialAdditionalDeduction: yuan(24_000),
      otherDeduction: yuan(2_400),
    });
    expect(taxable).toBe(yuan(-41_400));
    expect(annualTax(taxable)).toEqual({ tax: 0, ratePercent: 0 });
  });

  it.each([
    [0.01, 0, 3], // 0.0003 rounds to nothing
    [0.17, 0.01, 3], // 0.0051 rounds half up to a cent
    [36_000, 1_080, 3],
    [36_000.01, 1_080, 10],
    [36_010, 1_081, 10],
    [144_000.01, 11_880, 20],
    [222_000, 27_480, 20], // 例2's year: 12 × 18,500
    [300_000.01, 43_080, 25],
    [420_000.01, 73_080, 30],
    [660_000.01, 145_080, 35],
    [960_000.01, 250_080, 45],
  ])('taxes %d yuan at %d yuan', (taxable, tax, ratePercent) => {
    expect(annualTax(yuan(taxable))).toEqual({ tax: yuan(tax), ratePercent });
  });
});
