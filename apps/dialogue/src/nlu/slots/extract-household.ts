import { regionContains } from '@libs/common/regions/region-code';
import { subjectBefore } from './message-clauses';
import type { RegionMention } from './region-gazetteer';
import type { Household } from './slots';

/** One-character names of cities, as in 我是来穗人员 (come to Guangzhou from elsewhere). */
const CITY_ABBREVIATION: Record<string, string> = { '440100': '穗', '440300': '深', '310000': '沪', '110000': '京' };

const LOCAL_WORDS = '(?<![非外])(?:本地户口|本地户籍|本市户口|本市户籍|本地户|本市户|本地人户口)';
const NON_LOCAL_WORDS =
  '非本地户口|非本地户籍|非本市户口|非本市户籍|非本地|非本市|外地户口|外地户籍|外省户口|外省户籍|外市户口|外市户籍|' +
  '老家户口|(?:户口|户籍)(?:还)?在老家|(?<!没)(?:持有?|有|办了|拿了|领了)居住证|' +
  // Groups of people, said of oneself: 我是外地人, 我们是外来务工人员 (外来人员随意进出 is about strangers).
  '(?:我是|本人是|我们是|我属于|我也是|我们都是)(?:外地(?:的|人)?|外来务工|新市民)';

// 我不是本地户口, 没有广州户口: the opposite of what the words say.
const NEGATED = /(?:不是|没有|没|不属于|并非|不算)$/;
// 需要本地户口吗, 只有本地户籍才能申请: a requirement asked about, not the citizen's own hukou.
const REQUIREMENT_BEFORE = /(?:需要|要求|必须|只有|只限|仅限|限|仅|只要|非得|要)(?:是|有)?$/;
const REQUIREMENT_AFTER = /^(?:的人?)?(?:才|优先|限定)/;
// Said of a place: 广州户口, 天河区的农村户口, 户口在湖南, 落户广州.
const HUKOU_AFTER_PLACE = /^(?:市|省)?(?:的)?(?:农村|农业|城镇|集体|非农)?(?:户口|户籍)/;
const HUKOU_BEFORE_PLACE =
  /(?:(?:户口|户籍|户籍地|户口所在地)(?:也|还|都)?(?:在|是|为|落在|迁到了|迁到)|落户(?:到|在)?|落了户在)$/;
const HUKOU_NOT_AT_PLACE = /(?:户口|户籍)(?:也|还|都)?(?:不在|没在|不是)$/;

const patternsByHome = new Map<string, { local: RegExp; nonLocal: RegExp }>();

/**
 * Whether the citizen's hukou is in the service's city (`homeCityCode`, Guangzhou for the demo): 本地户口, 广州户口,
 * 户口在天河 → local; 外地户口, 我是来穗人员, 户口在湖南, 我不是本地户口 → non-local. 农村户口 alone says nothing about
 * where; a question about a requirement (需要本地户口吗) says nothing about the citizen; conflicting statements give
 * nothing.
 */
export function extractHousehold(
  text: string,
  mentions: readonly RegionMention[],
  homeCityCode: string,
): Household | undefined {
  const said = new Set<Household>();
  const { local, nonLocal } = patternsFor(homeCityCode);
  for (const [pattern, meaning] of [
    [local, 'local'],
    [nonLocal, 'nonLocal'],
  ] as const) {
    for (const match of text.matchAll(pattern)) {
      const reading = readStatement(text, match.index, match.index + match[0].length, meaning);
      if (reading) said.add(reading);
    }
  }
  for (const mention of mentions) {
    const place = placeMeaning(mention, homeCityCode);
    if (!place) continue;
    const before = text.slice(Math.max(0, mention.start - 8), mention.start);
    const after = text.slice(mention.end, mention.end + 8);
    if (HUKOU_AFTER_PLACE.test(after)) {
      const end = mention.end + (HUKOU_AFTER_PLACE.exec(after)?.[0].length ?? 0);
      const reading = readStatement(text, mention.start, end, place);
      if (reading) said.add(reading);
    } else if (HUKOU_NOT_AT_PLACE.test(before)) {
      said.add(opposite(place));
    } else if (
      HUKOU_BEFORE_PLACE.test(before) &&
      subjectBefore(clauseBefore(text, mention.start), Infinity) !== 'other'
    ) {
      said.add(place);
    }
  }
  return said.size === 1 ? [...said][0] : undefined;
}

function readStatement(text: string, start: number, end: number, meaning: Household): Household | undefined {
  const clause = clauseBefore(text, start);
  if (subjectBefore(clause, clause.length) === 'other') return undefined;
  const before = clause.slice(-6);
  if (REQUIREMENT_BEFORE.test(before) || REQUIREMENT_AFTER.test(text.slice(end, end + 4))) return undefined;
  return NEGATED.test(before) ? opposite(meaning) : meaning;
}

/** A place's hukou is local when the place lies in the home city; a province containing it (广东户口) says neither. */
function placeMeaning(mention: RegionMention, homeCityCode: string): Household | undefined {
  const codes = mention.candidates.map((candidate) => candidate.code);
  if (codes.every((code) => regionContains(homeCityCode, code))) return 'local';
  if (codes.every((code) => !regionContains(homeCityCode, code) && !regionContains(code, homeCityCode)))
    return 'nonLocal';
  return undefined;
}

function clauseBefore(text: string, index: number): string {
  const head = text.slice(0, index);
  const boundary = Math.max(...[',', ';', '!', '?', '。', '\n'].map((mark) => head.lastIndexOf(mark)));
  return head.slice(boundary + 1);
}

function opposite(household: Household): Household {
  return household === 'local' ? 'nonLocal' : 'local';
}

function patternsFor(homeCityCode: string): { local: RegExp; nonLocal: RegExp } {
  const cached = patternsByHome.get(homeCityCode);
  if (cached) return cached;
  const abbreviation = CITY_ABBREVIATION[homeCityCode];
  const comeHere = abbreviation ? `|(?:我是|本人是|我们是|我属于|我也是|刚)来${abbreviation}` : '';
  const patterns = { local: new RegExp(LOCAL_WORDS, 'g'), nonLocal: new RegExp(NON_LOCAL_WORDS + comeHere, 'g') };
  patternsByHome.set(homeCityCode, patterns);
  return patterns;
}
