const DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  俩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10_000, 亿: 100_000_000 };

/** Characters a number may be written with, Arabic or Chinese, for building patterns. */
export const NUMBER_CHARS = '0-9零〇一二两俩三四五六七八九十百千万亿';

/**
 * A number as citizens write it: 15000, 1.5万, 1万5, 1w2, 3k, 一万五 (15,000: a digit after the last unit counts in
 * the next unit down), 三千五百, 两千八, 一万零五百, 十二万, 一点五万, 二〇二六. Undefined when it is not one number.
 */
export function parseNumber(written: string): number | undefined {
  const text = written
    .replace(/[wW]/g, '万')
    .replace(/[kK]/g, '千')
    .replace(/,(?=\d{3})/g, '');
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  if (/^[零〇一二两俩三四五六七八九]+$/.test(text)) {
    // 二〇二六 is read digit by digit; two digits in a row (五六千, 三四) are a range, not a number.
    if (text.length === 1) return DIGIT[text];
    return text.length >= 3 ? Number([...text].map((char) => DIGIT[char]).join('')) : undefined;
  }
  const decimal = /^([零〇一二两三四五六七八九十]+)点([零〇一二三四五六七八九]+)(.*)$/.exec(text);
  if (decimal) {
    const whole = parseNumber(decimal[1]);
    if (whole === undefined) return undefined;
    return parseNumber(`${whole}.${[...decimal[2]].map((char) => DIGIT[char]).join('')}${decimal[3]}`);
  }
  return parseWithUnits(text);
}

function parseWithUnits(text: string): number | undefined {
  const tokens = text.match(/\d+(?:\.\d+)?|[零〇一二两俩三四五六七八九]|[十百千万亿]|./g) ?? [];
  let total = 0; // sum of completed 万 / 亿 sections
  let section = 0; // below 万
  let pending: number | undefined; // a digit not yet given a unit
  let lastUnit = 0;
  let afterZero = false;
  for (const token of tokens) {
    if (/^\d/.test(token) || token in DIGIT) {
      if (pending !== undefined) return undefined; // two numbers in a row: 三四千 is a range, not one figure
      pending = /^\d/.test(token) ? Number(token) : DIGIT[token];
      if (pending === 0) {
        afterZero = true;
        pending = undefined;
      }
      continue;
    }
    const unit = UNIT[token];
    if (unit === undefined) return undefined;
    if (unit >= 10_000) {
      const value = (section + (pending ?? 0)) * unit;
      if (value === 0 && pending === undefined && section === 0) return undefined;
      total = total * (unit > 10_000 ? unit : 1) + value;
      section = 0;
    } else {
      if (pending === undefined && unit !== 10) return undefined; // 百 or 千 alone
      section += (pending ?? 1) * unit;
    }
    pending = undefined;
    lastUnit = unit;
    afterZero = false;
  }
  if (pending !== undefined) {
    // 一万五 = 15000, 三千五 = 3500; but 一万零五 = 10005 and a bare 5 is 5.
    const scale = lastUnit > 10 && !afterZero ? lastUnit / 10 : 1;
    section += pending * scale;
  }
  const value = total + section;
  return Number.isFinite(value) ? value : undefined;
}
