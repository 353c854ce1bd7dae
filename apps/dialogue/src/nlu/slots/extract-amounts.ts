import { parseNumber } from './chinese-number';
import { Clause, subjectBefore } from './message-clauses';
import type { AmountBound, AmountRole, Amounts } from './slots';

const ROLE_KEYWORDS: ReadonlyArray<[keyword: string, role: AmountRole]> = [
  ...words('perCapitaMonthlyIncome', '家庭人均月收入 家庭人均收入 人均月收入 人均收入 人均'),
  ...words('familyMonthlyIncome', '家庭月收入 家庭总收入 家庭收入 家里月收入 家里收入 全家月收入 全家收入 夫妻收入'),
  ...words('annualIncome', '年总收入 全年收入 一年收入 年收入 年薪 年入 一年工资 年工资 一年挣 一年赚 一年能拿 一年拿'),
  ...words('annualBonus', '年终奖 年底奖金 奖金'),
  ...words('monthlyRent', '房租 租金 月租'),
  ...words(
    'monthlyIncome',
    '每个月收入 一个月收入 每月收入 月收入 月工资 月薪 月入 每个月挣 一个月挣 每月挣 每个月赚 一个月赚 每月赚 ' +
      '每个月拿 一个月拿 每月拿 每月到手 到手 实发 工资 薪水 薪资 收入 退休金 养老金 税前 税后',
  ),
];
const ROLE_OF = new Map(ROLE_KEYWORDS);
const OWED = /(?:欠|扣|克扣|补发|结算|讨要|追讨)(?:了|我)?(?:的)?$/;
const BASIS_KEYWORD = /^(?:税前|税后|到手|实发)$/;
const ROLE_KEYWORD = new RegExp([...ROLE_OF.keys()].sort((a, b) => b.length - a.length).join('|'), 'g');
// 一个月8000 is an income when the clause speaks of earning, not of paying (社保一个月交800).
const PER_MONTH = /(?:一个月|每个月|每月)(?:能|可以)?(?:有|挣|赚|拿)?$/;
const EARNING = /挣|赚|拿|收入|工资|薪/;
const PAYING = /社保|公积金|房租|房贷|租金|交|缴|花|费|扣|还/;

// 1.5万, 15,000, 1万5, 1w2, 15k; or 一万五, 三千五百, 一点五万 (an Arabic number is not continued by Chinese digits).
const NUMBER_RUN =
  /(?<![A-Za-z0-9.])(?:\d+(?:,\d{3})*(?:\.\d+)?(?:[万千wWkK](?:\d+[千百]?)?)?|[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿点]*)/g;
const YUAN = /^(?:元|块钱|块(?![地田砖石板牌表])|圆|人民币)/;
// A number with one of these after it counts something else: 3个月, 2026年, 4口人, 70岁, 90平, 3.5%.
const COUNTS_SOMETHING_ELSE =
  /^(?:个|年|月|日|号|岁|周|天|口|人|户|名|位|平|亩|次|套|间|层|楼|栋|%|分|倍|级|小时|公里|米|斤|克|度|步|字|条|件|张|份|辆|台|只|家|所|胎|孩|娃|室|单元|期|届|批|页|章|节|款|项|路|弄|排|组|班|站|线|厂|寸|码)/;

const BOUND_BEFORE: ReadonlyArray<[RegExp, AmountBound]> = [
  [/(?:不到|不足|低于|少于|不超过|最多|没到|没有)$/, 'atMost'],
  [/(?:超过|高于|多于|至少|过)$/, 'atLeast'],
  [/(?:大概|大约|约|差不多|将近|接近|估计)(?:是|有|在)?$/, 'about'],
];
const BOUND_AFTER: ReadonlyArray<[RegExp, AmountBound]> = [
  [/^(?:以下|以内|之内)/, 'atMost'],
  [/^(?:以上|多)/, 'atLeast'],
  [/^(?:左右|上下|来块)/, 'about'],
];
// 我现在没有收入, 没收入; not 罚没收入 (confiscations) nor 加班无工资 (unpaid overtime, a complaint).
const NO_INCOME =
  /(?:^|我|本人|现在|目前|暂时|家里)(?:没有|没|无)(?:任何|固定)?(?:收入|工资)(?![条卡单])|零收入|收入为?[0零](?![0-9.])/;

/**
 * Money in yuan, with the role the words around it give: 月收入1.5万, 月薪15000元, 年收入20万, 税前一万二, 家庭人均
 * 月收入不到3000, 房租2500. A figure with a money unit (元, 块, 万, w, k) but no role goes to `other`; a bare
 * number with neither (2套房, 70岁) is not money. 没有收入 is a monthly income of 0.
 */
export function extractAmounts(clauses: readonly Clause[]): Amounts | undefined {
  const amounts: Amounts = {};
  const bounds: Partial<Record<AmountRole, AmountBound>> = {};
  const other: number[] = [];
  for (const clause of clauses) {
    const noIncome = NO_INCOME.exec(clause.text);
    if (noIncome && amounts.monthlyIncome === undefined && subjectBefore(clause.text, noIncome.index) !== 'other') {
      amounts.monthlyIncome = 0;
    }
    for (const match of clause.text.matchAll(NUMBER_RUN)) {
      const written = match[0].replace(/[.,]+$/, '');
      const start = match.index;
      const end = start + written.length;
      const found = readAmount(clause, written, start, end);
      if (!found) continue;
      const { value, role, bound, basis } = found;
      if (!role) {
        other.push(value);
        continue;
      }
      if (amounts[role] !== undefined) continue;
      amounts[role] = value;
      if (bound) bounds[role] = bound;
      if (basis && !amounts.incomeBasis && isIncome(role)) amounts.incomeBasis = basis;
    }
  }
  if (Object.keys(bounds).length > 0) amounts.bounds = bounds;
  if (other.length > 0) amounts.other = other;
  return Object.keys(amounts).length > 0 ? amounts : undefined;
}

interface FoundAmount {
  value: number;
  role?: AmountRole;
  bound?: AmountBound;
  basis?: 'preTax' | 'afterTax';
}

function readAmount(clause: Clause, written: string, start: number, end: number): FoundAmount | undefined {
  const text = clause.text;
  let after = text.slice(end, end + 4);
  const isMore = after.startsWith('多');
  if (isMore) after = after.slice(1);
  if (COUNTS_SOMETHING_ELSE.test(after)) return undefined;
  if (/^\d{8,}$/.test(written)) return undefined; // a telephone, ID or ticket number
  const value = parseNumber(written);
  if (value === undefined) return undefined;
  const hasMoneyUnit = /[万千wWkK]/.test(written) || YUAN.test(after);
  const before = text.slice(Math.max(0, start - 12), start);
  const role = roleBefore(before, text);
  if (!hasMoneyUnit && (!role || value < 100)) return undefined;
  // A bare number after 月薪 is written in full (15000); six digits and more are an id or a total, not a month's pay.
  if (!hasMoneyUnit && role !== 'annualIncome' && value >= 100_000) return undefined;
  // 八五三一厂, 几十万: a name written in digits, or a figure nobody stated.
  if (/^[零〇一二两三四五六七八九]{2,}$/.test(written) || text.charAt(start - 1) === '几' || after.startsWith('几')) {
    return undefined;
  }
  const bound = boundOf(before, isMore ? `多${after}` : after);
  // 月收入5000以下能申请吗 asks about a threshold; it does not say what the citizen earns.
  if (clause.isQuestion && bound && bound !== 'about') return undefined;
  return { value, role, bound, basis: basisOf(before, after) };
}

function roleBefore(before: string, clause: string): AmountRole | undefined {
  // 年薪税前30万: the role comes from 年薪; 税前 alone (税前一万二) speaks of a salary, so a monthly income.
  let named: RegExpExecArray | undefined;
  let basisOnly: RegExpExecArray | undefined;
  for (const match of before.matchAll(ROLE_KEYWORD)) {
    if (BASIS_KEYWORD.test(match[0])) basisOnly = match;
    else named = match;
  }
  const last = named ?? basisOnly;
  if (last) {
    const gap = before.slice(last.index + last[0].length).replace(/一个月|每个月|每月|税前|税后/g, '');
    if (/[0-9零一二两三四五六七八九十]/.test(gap) || gap.length > 8) return undefined;
    const role = ROLE_OF.get(last[0]);
    // 拖欠工资2万, 补发工资3000: money owed or paid back, not what the citizen earns a month.
    if (OWED.test(before.slice(0, last.index))) return undefined;
    if (
      role === 'monthlyIncome' &&
      /(?:家庭|家里|家里面|全家|我家|我们家|我们家里)$/.test(before.slice(0, last.index))
    ) {
      return 'familyMonthlyIncome';
    }
    return role;
  }
  if (PER_MONTH.test(before) && EARNING.test(clause) && !PAYING.test(clause)) return 'monthlyIncome';
  return undefined;
}

function boundOf(before: string, after: string): AmountBound | undefined {
  const trimmed = before.replace(/(?:税前|税后|是|有|在|能拿|拿|就)+$/, '');
  for (const [pattern, bound] of BOUND_BEFORE) if (pattern.test(trimmed)) return bound;
  for (const [pattern, bound] of BOUND_AFTER) if (pattern.test(after.replace(YUAN, ''))) return bound;
  return undefined;
}

function basisOf(before: string, after: string): 'preTax' | 'afterTax' | undefined {
  const near = before.slice(-6) + '|' + after;
  if (/税前/.test(near)) return 'preTax';
  if (/税后|到手|实发/.test(near)) return 'afterTax';
  return undefined;
}

function isIncome(role: AmountRole): boolean {
  return role !== 'monthlyRent';
}

function words(role: AmountRole, list: string): Array<[string, AmountRole]> {
  return list.split(' ').map((keyword) => [keyword, role]);
}
