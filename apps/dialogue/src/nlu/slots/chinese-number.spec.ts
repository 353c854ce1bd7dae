import { parseNumber } from './chinese-number';

describe('numbers as citizens write them', () => {
  it.each([
    ['15000', 15000],
    ['15,000', 15000],
    ['1.5万', 15000],
    ['1万5', 15000],
    ['1w2', 12000],
    ['1.2W', 12000],
    ['3k', 3000],
    ['15K', 15000],
    ['一万五', 15000],
    ['一万二千', 12000],
    ['三千五', 3500],
    ['三千五百', 3500],
    ['两千八', 2800],
    ['两百五', 250],
    ['一万零五百', 10500],
    ['一百零五', 105],
    ['十二万', 120000],
    ['二十', 20],
    ['三十一', 31],
    ['十', 10],
    ['一点五万', 15000],
    ['二〇二六', 2026],
    ['两', 2],
    ['俩', 2],
  ])('reads %s as %d', (written, value) => {
    expect(parseNumber(written)).toBe(value);
  });

  it.each(['', '三四千', '五六', '千', '万', '多少'])('does not read %s as one number', (written) => {
    expect(parseNumber(written)).toBeUndefined();
  });
});
