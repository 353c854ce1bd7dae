import { bareNumber } from './tax-flow';

describe('a reply that is only the monthly income', () => {
  it.each([
    ['15000', 15_000],
    [' 15000 ', 15_000],
    ['15,000元', 15_000],
    ['1.5万', 15_000],
    ['一万五', 15_000],
    ['8000块', 8_000],
    ['12000。', 12_000],
  ])('reads %s as %d', (text, value) => {
    expect(bareNumber(text)).toBe(value);
  });

  it.each(['我月薪15000', '不知道', '0', '', '3个月', '13812345678901'])('does not read %s', (text) => {
    expect(bareNumber(text)).toBeUndefined();
  });

  it('reads nothing when there is no text (an image, a location)', () => {
    expect(bareNumber(undefined)).toBeUndefined();
  });
});
