import { NUMBER_CHARS, parseNumber } from './chinese-number';
import type { Clause } from './message-clauses';

const INSURANCE = /社保(?!卡)|社会保险|养老保险|五险/;
const DURATION = new RegExp(`(?<![0-9年])([${NUMBER_CHARS}]{1,3}|半)(个月|年)(半|多)?`, 'g');
// The duration is the time paid so far: 交了3年, 缴纳满五年, 社保36个月, 缴费年限8年, 累计12个月.
const PAID_BEFORE =
  /(?:交|缴|缴纳|缴费|买|上|续)(?:了|过|满|够|足)?(?:社保|社会保险|养老保险|五险一金|五险)?(?:已经|一共|总共|累计|连续)?(?:有|满|够|足)?$/;
const INSURANCE_BEFORE =
  /(?:社保|社会保险|养老保险|五险一金|五险|年限|累计|连续|一共|总共|已经|满|够)(?:有|是|为|满|了)?$/;
const PAID_AFTER = /^(?:的)?(?:社保|社会保险|养老保险|五险)/;
// 社保一个月交多少, 交满15年才能领: a rate or a requirement, not what the citizen has paid.
const NOT_PAID_SO_FAR = /^(?:交|缴|扣|要|多少|才|以上|以后|后|内)/;
const REQUIREMENT_BEFORE = /(?:需要|要求|必须|要|得|应该)(?:交|缴|缴纳)?(?:满|够|足)?$/;
const ALMOST = /(?:快|将近|接近|不到|差不多|差|近)(?:有)?$/;
// 没交满5年: fewer than five, not how many.
// 断缴了半年, 补缴了3个月: a gap or a catch-up, not the time paid.
const GAP = /(?:断|停|欠|补|漏|少|中断)(?:缴|交)?(?:了)?$/;
const NOT_YET = /(?:没|未|不)(?:有)?(?:交|缴|缴纳)?(?:满|够|足)$/;
const NEVER_PAID =
  /(?:没有?|未|从来没有?|从没|不曾)(?:给我)?(?:交|缴|缴纳|缴过|交过|买|买过|上|参加|参保)(?:过)?(?:任何)?(?:社保|社会保险|养老保险|五险)|(?:社保|社会保险)(?:一直|从来)?(?:没有?|未)(?:交|缴|缴纳|买)(?:过)?(?!满|够|足)|没有社保|(?:没|未)参保/;

/**
 * Years of social insurance paid so far: 社保交了3年 → 3, 缴纳社保满五年 → 5, 社保36个月 → 3, 交了三年半社保 → 3.5,
 * 一年多 → 1 (the whole years said), 没有交社保 → 0. 快5年, 不到5年 are left out: the number said is not the number
 * paid, and eligibility turns on exactly that.
 */
export function extractSocialInsuranceYears(clauses: readonly Clause[]): number | undefined {
  let previousSpokeOfIt = false;
  for (const { text } of clauses) {
    // 社保的话，交了3年: the clause after the one naming it may carry the figure.
    const speaksOfIt = INSURANCE.test(text);
    const continuesIt = previousSpokeOfIt && /交|缴/.test(text);
    previousSpokeOfIt = speaksOfIt;
    if (!speaksOfIt && !continuesIt) continue;
    if (NEVER_PAID.test(text)) return 0;
    for (const match of text.matchAll(DURATION)) {
      const before = text.slice(Math.max(0, match.index - 12), match.index);
      const after = text.slice(match.index + match[0].length);
      const isPaid = PAID_BEFORE.test(before) || INSURANCE_BEFORE.test(before) || PAID_AFTER.test(after);
      if (
        !isPaid ||
        NOT_PAID_SO_FAR.test(after) ||
        REQUIREMENT_BEFORE.test(before) ||
        ALMOST.test(before) ||
        GAP.test(before) ||
        NOT_YET.test(before)
      ) {
        continue;
      }
      const count = match[1] === '半' ? 0.5 : parseNumber(match[1]);
      if (count === undefined) continue;
      const years = (match[2] === '年' ? count : count / 12) + (match[3] === '半' ? 0.5 : 0);
      if (years > 0 && years <= 60) return Math.round(years * 100) / 100;
    }
  }
  return undefined;
}
