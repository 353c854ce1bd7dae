import { DomainError } from '@libs/common/errors/domain-error';
import { centsToYuan, formatYuan, hasAtMostTwoDecimals, percentOf, yuanToCents } from './money';

describe('money in cents', () => {
  it('reads yuan as exact cents, including amounts a float cannot hold exactly', () => {
    expect(yuanToCents(10000.55)).toBe(1000055);
    expect(yuanToCents(0.29)).toBe(29); // 0.29 × 100 is 28.999999999999996 as a float
    expect(yuanToCents(1.1)).toBe(110);
    expect(yuanToCents(0)).toBe(0);
    expect(yuanToCents(1_000_000_000)).toBe(100_000_000_000);
  });

  it.each([
    ['a third decimal', 1.005],
    ['a negative amount', -1],
    ['NaN', Number.NaN],
    ['infinity', Number.POSITIVE_INFINITY],
    ['a tiny amount written with an exponent', 1e-7],
    ['more than 1 billion yuan', 1_000_000_000.01],
  ])('refuses %s', (_case, value) => {
    expect(() => yuanToCents(value)).toThrow(DomainError);
    expect(hasAtMostTwoDecimals(value) && value >= 0 && value <= 1e9).toBe(false);
  });

  it('rounds a percentage to the cent, half up', () => {
    expect(percentOf(50, 3)).toBe(2); // 1.5 cents → 2
    expect(percentOf(49, 3)).toBe(1); // 1.47 cents → 1
    expect(percentOf(3600001, 10)).toBe(360000); // 360,000.1 cents → 360,000
    expect(percentOf(15, 10)).toBe(2); // 1.5 → 2
    expect(percentOf(-15, 10)).toBe(-2);
  });

  it('writes amounts for people and for JSON', () => {
    expect(formatYuan(123456780)).toBe('1,234,567.80');
    expect(formatYuan(150000)).toBe('1,500');
    expect(formatYuan(5)).toBe('0.05');
    expect(centsToYuan(339010)).toBe(3390.1);
  });
});
