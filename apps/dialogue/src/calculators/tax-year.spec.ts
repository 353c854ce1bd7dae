import { taxYearAt } from './tax-year';

describe('the tax year', () => {
  it('turns at midnight in Beijing, not in UTC', () => {
    expect(taxYearAt(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(taxYearAt(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
  });
});
