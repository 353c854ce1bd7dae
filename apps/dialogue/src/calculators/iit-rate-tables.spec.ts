import { ANNUAL_COMPREHENSIVE_INCOME_TABLE, MONTHLY_CONVERTED_TABLE, TaxBracket, taxByTable } from './iit-rate-tables';

/** Tax by slices, the way the law states the table ("超过…至…的部分"), with no quick deduction: the independent check. */
function taxBySlices(table: readonly TaxBracket[], amount: number): number {
  let tax = 0;
  let lower = 0;
  for (const bracket of table) {
    const upper = bracket.upTo ?? Number.POSITIVE_INFINITY;
    if (amount > lower) tax += ((Math.min(amount, upper) - lower) * bracket.ratePercent) / 100;
    lower = upper;
  }
  return tax;
}

describe.each([
  ['综合所得税率表 (annual)', ANNUAL_COMPREHENSIVE_INCOME_TABLE, [3, 10, 20, 25, 30, 35, 45]],
  ['按月换算后的综合所得税率表', MONTHLY_CONVERTED_TABLE, [3, 10, 20, 25, 30, 35, 45]],
])('%s', (_name, table, rates) => {
  it('has the seven published rates', () => {
    expect(table.map((bracket) => bracket.ratePercent)).toEqual(rates);
  });

  it('has quick deductions that agree with taxing each slice at its own rate', () => {
    for (const bracket of table) {
      const at = bracket.upTo ?? 2_000_000_00;
      expect(taxByTable(table, at).tax).toBe(Math.round(taxBySlices(table, at)));
    }
  });

  it('applies the lower rate at a bound ("不超过") and the next one a cent above it, without a jump in tax', () => {
    table.forEach((bracket, index) => {
      if (bracket.upTo === null) return;
      const atBound = taxByTable(table, bracket.upTo);
      const justAbove = taxByTable(table, bracket.upTo + 1);
      expect(atBound.ratePercent).toBe(bracket.ratePercent);
      expect(justAbove.ratePercent).toBe(table[index + 1].ratePercent);
      expect(justAbove.tax - atBound.tax).toBeLessThanOrEqual(1);
      expect(justAbove.tax).toBeGreaterThanOrEqual(atBound.tax);
    });
  });
});

describe('the annual table at its bounds', () => {
  it.each([
    [36_000, 3, 1_080],
    [144_000, 10, 11_880],
    [300_000, 20, 43_080],
    [420_000, 25, 73_080],
    [660_000, 30, 145_080],
    [960_000, 35, 250_080],
    [1_000_000, 45, 268_080],
  ])('taxes %d yuan at %d%%: %d yuan', (yuan, ratePercent, tax) => {
    expect(taxByTable(ANNUAL_COMPREHENSIVE_INCOME_TABLE, yuan * 100)).toEqual({ tax: tax * 100, ratePercent });
  });

  it('taxes nothing, at no rate, on zero or a negative amount', () => {
    expect(taxByTable(ANNUAL_COMPREHENSIVE_INCOME_TABLE, 0)).toEqual({ tax: 0, ratePercent: 0 });
    expect(taxByTable(ANNUAL_COMPREHENSIVE_INCOME_TABLE, -100)).toEqual({ tax: 0, ratePercent: 0 });
  });
});

describe('the monthly converted table placed by amount ÷ 12', () => {
  it('places each bound × 12 in its own row and one cent more in the next', () => {
    MONTHLY_CONVERTED_TABLE.forEach((bracket, index) => {
      if (bracket.upTo === null) return;
      expect(taxByTable(MONTHLY_CONVERTED_TABLE, bracket.upTo * 12, 12).ratePercent).toBe(bracket.ratePercent);
      expect(taxByTable(MONTHLY_CONVERTED_TABLE, bracket.upTo * 12 + 1, 12).ratePercent).toBe(
        MONTHLY_CONVERTED_TABLE[index + 1].ratePercent,
      );
    });
  });
});
