import { NUMBER_CHARS, parseNumber } from './chinese-number';
import { Clause, lastPersonBefore } from './message-clauses';
import type { Children, ChildStage } from './slots';

export interface Family {
  familySize?: number;
  children?: Children;
  parentsOver60?: boolean;
  isOnlyChild?: boolean;
}

const N = `[${NUMBER_CHARS}]{1,2}`;
const CHILD = '孩子|小孩|娃|宝宝|子女|小朋友';
const SPOUSE = '老婆|老公|妻子|丈夫|爱人|媳妇|对象|太太|先生';

const FAMILY_SIZE: readonly RegExp[] = [
  new RegExp(`一家(${N})口`),
  new RegExp(`(${N})口之家`),
  new RegExp(
    `(?:家里|家中|我家|我们家|全家|家庭成员|家庭人口|户内|户口本上)(?:一共|总共|共|有|是|就)*(${N})(?:口人|口|个人|人)(?!在|上班|工作|打工|退休|失业|要|需要)`,
  ),
  new RegExp(`(?<![0-9])(${N})口人`),
];
// 我一个人住; not 独居老人 (someone else) nor 我一个人带孩子.
const LIVES_ALONE = /就我一个人|一个人住|独居(?!老人|的)|一个人生活|一个人过/;
// 我和老婆两个孩子, 我跟爸妈还有一个女儿: the citizen and the members listed.
const WITH_MEMBERS = /(?:我和|我跟|我与|我们家有我、?|家里有我、?)/g;
const MEMBER_SEPARATOR = /^(?:和|跟|与|、|还有|加上|加|带着|带|以及|及|,)/;
const MEMBERS: ReadonlyArray<[RegExp, (match: RegExpExecArray) => number | undefined]> = [
  [new RegExp(`^(?:我)?(?:${SPOUSE})`), () => 1],
  [/^(?:我)?(?:父母|爸妈|公婆|岳父母|爸爸妈妈)/, () => 2],
  [/^(?:我)?(?:爸爸|妈妈|爸|妈|父亲|母亲|公公|婆婆|岳父|岳母|爷爷|奶奶|外公|外婆)/, () => 1],
  [new RegExp(`^(${N})个(?:${CHILD}|儿子|女儿|闺女)`), (m) => parseNumber(m[1])],
  [/^(?:一儿一女|一子一女|儿女双全|龙凤胎|双胞胎)/, () => 2],
  [/^(?:一个)?(?:儿子|女儿|闺女)/, () => 1],
];
const COUPLE_WITH_CHILDREN = new RegExp(
  `(?:夫妻俩|夫妻两个|夫妻二人|两口子|我们俩|我们两个)(?:带着?|加上?|和|还有|有)(${N})个(?:${CHILD}|儿子|女儿)`,
);

const STARTS_WITH_CHILD = new RegExp(`^(?:${CHILD})`);
const CHILD_COUNT = new RegExp(`(?<![0-9])(${N})(?:个)?(?:${CHILD})`, 'g');
const SON_DAUGHTER_COUNT = new RegExp(`(?<![0-9])(${N})个(儿子|女儿|闺女)`, 'g');
const TWO_CHILDREN = /一儿一女|一子一女|儿女双全|龙凤胎|双胞胎/;
const NO_CHILDREN = new RegExp(`(?:没有|没|还没有?|无)(?:${CHILD})|丁克`);
// The children of someone else: 我哥两个孩子.
const OTHER_HOUSEHOLD = new Set([
  '哥哥',
  '姐姐',
  '弟弟',
  '妹妹',
  '哥',
  '姐',
  '弟',
  '妹',
  '朋友',
  '同事',
  '邻居',
  '亲戚',
  '他',
  '她',
  '他们',
  '她们',
]);
const CHILD_WORD = new RegExp(`${CHILD}|儿子|女儿|闺女|老大|老二|大宝|二宝`);
// 两个孩子,一个上小学,一个3岁: a clause that goes on about the children just named.
const GOES_ON_ABOUT_CHILD = /^(?:一个|另一个|还有一个|老大|老二|大的|小的)/;
const STAGES: ReadonlyArray<[ChildStage, RegExp]> = [
  [
    'infant',
    /刚出生|新生儿|婴儿(?!照护)|(?:还)?没上幼儿园|(?:才|刚)[0-9一二两三四五六七八九十]{1,2}个月|[0-9一二两三四五六七八九十]{1,2}个月大/,
  ],
  ['preschool', /(?<!没)(?:上|读|在)?幼儿园/],
  ['primary', /小学|(?<![初高大])[一二三四五六1-6]年级/],
  ['juniorHigh', /初中|初[一二三]|[七八九]年级/],
  ['seniorHigh', /高中|高[一二三](?!岁)|中专|中职|职高|技校/],
  ['higherEducation', /大学|大专|本科|研究生|读研|硕士|博士|大[一二三四](?!岁)/],
];
const CHILD_AGE = new RegExp(
  `(?:${CHILD}|儿子|女儿|闺女|老大|老二|大宝|二宝|大的|小的|一个|另一个)(?:今年|才|刚|已经|都)*(${N})(?:周)?岁(半)?`,
  'g',
);

const PARENTS = '父母亲|父母|爸妈|双亲|公婆|岳父母';
const PARENT = '我爸|我妈|爸爸|妈妈|父亲|母亲|老爸|老妈|公公|婆婆|岳父|岳母';
const PARENT_AGE = new RegExp(
  `(${PARENTS}|${PARENT})(?:都|均|也|今年|已经|已|年纪|年龄|都已经)*(快|将近|接近)?(?:年满|满|超过|过了|年过|有)?(${N})(?:多|几)?(?:岁|周岁)?`,
  'g',
);
const BOTH_PARENTS = new RegExp(`^(?:${PARENTS})$`);
const PARENT_YOUNGER = new RegExp(`(${PARENTS})(?:都|均|也|今年)*(?:不到|没到|未满|没满|还没到|还不到)(${N})`);

const ONLY_CHILD = /(?:我|本人|俺)(?:是|属于|也是|算|就是)?(非)?独生(?:子女|子|女)/;
const NOT_ONLY_CHILD = new RegExp(
  `(?:我|本人)(?:不是|并非|不属于|不算)独生|我(?:还)?有(?:个|一个|${N}个)?(?:哥哥|姐姐|弟弟|妹妹|兄弟|姐妹|兄弟姐妹)|(?:兄弟姐妹|兄妹|姐弟|姐妹|兄弟)(?:有|共|一共)?(${N})个`,
);

/**
 * The household the tax simulation and eligibility rules need: 一家三口 / 家里4口人 / 我和老婆两个孩子 → 3 / 4 / 4;
 * children (一个孩子上小学, 两个孩子一个3岁); 父母都60多了 → parentsOver60; 我是独生子女 → isOnlyChild.
 */
export function extractFamily(clauses: readonly Clause[]): Family {
  const family: Family = {};
  const text = clauses.map((clause) => clause.text).join(',');
  family.familySize = familySizeOf(text);
  const children = childrenOf(clauses);
  if (children) family.children = children;
  family.parentsOver60 = parentsOver60(text);
  family.isOnlyChild = onlyChild(text);
  return family;
}

function familySizeOf(text: string): number | undefined {
  for (const pattern of FAMILY_SIZE) {
    const match = pattern.exec(text);
    const size = match ? parseNumber(match[1]) : undefined;
    if (size !== undefined && size >= 1 && size <= 30) return size;
  }
  const couple = COUPLE_WITH_CHILDREN.exec(text);
  if (couple) {
    const children = parseNumber(couple[1]);
    if (children !== undefined) return 2 + children;
  }
  for (const match of text.matchAll(WITH_MEMBERS)) {
    const others = countMembers(text.slice(match.index + match[0].length));
    // 我和老婆 alone does not say the household ends there; a list with children or parents does.
    if (others !== undefined && others >= 2) return 1 + others;
  }
  return LIVES_ALONE.test(text) ? 1 : undefined;
}

function countMembers(list: string): number | undefined {
  let rest = list;
  let count = 0;
  for (;;) {
    const member = MEMBERS.map(([pattern, size]) => ({ match: pattern.exec(rest), size })).find(({ match }) => match);
    if (!member?.match) break;
    const size = member.size(member.match);
    if (size === undefined) return undefined;
    count += size;
    rest = rest.slice(member.match[0].length);
    const separator = MEMBER_SEPARATOR.exec(rest);
    if (separator) rest = rest.slice(separator[0].length);
  }
  // 我和老婆还有孩子: a member without a number; the size is not said.
  if (STARTS_WITH_CHILD.test(rest)) return undefined;
  return count > 0 ? count : undefined;
}

function childrenOf(clauses: readonly Clause[]): Children | undefined {
  let count: number | undefined;
  const stages = new Set<ChildStage>();
  const ages: number[] = [];
  let sons = 0;
  let childContext = false;
  for (const { text } of clauses) {
    if (NO_CHILDREN.test(text) && count === undefined) count = 0;
    if (TWO_CHILDREN.test(text) && count === undefined) count = 2;
    for (const match of text.matchAll(CHILD_COUNT)) {
      if (isSomeoneElses(text, match.index)) continue;
      const value = parseNumber(match[1]);
      if (value !== undefined && value <= 12 && count === undefined) count = value;
    }
    for (const match of text.matchAll(SON_DAUGHTER_COUNT)) {
      if (isSomeoneElses(text, match.index)) continue;
      sons += parseNumber(match[1]) ?? 0;
    }
    // Stages and ages are read in a clause about a child, or in the clauses going on about it (两个孩子,一个上小学).
    const childIndex = text.search(CHILD_WORD);
    const aboutChild = childIndex >= 0 && !isSomeoneElses(text, childIndex);
    childContext = aboutChild || (childContext && GOES_ON_ABOUT_CHILD.test(text));
    if (!childContext) continue;
    for (const [stage, pattern] of STAGES) {
      if (pattern.test(text)) stages.add(stage);
    }
    for (const match of text.matchAll(CHILD_AGE)) {
      const age = parseNumber(match[1]);
      if (age !== undefined && age <= 40) ages.push(age + (match[2] ? 0.5 : 0));
    }
  }
  if (stages.has('infant')) stages.delete('preschool');
  if (count === undefined && sons > 0) count = sons;
  const children: Children = {};
  if (count !== undefined) children.count = count;
  if (stages.size > 0) children.stages = [...stages];
  if (ages.length > 0) children.ages = ages;
  return Object.keys(children).length > 0 ? children : undefined;
}

function isSomeoneElses(text: string, index: number): boolean {
  const person = lastPersonBefore(text, index);
  return person !== undefined && OTHER_HOUSEHOLD.has(person);
}

function parentsOver60(text: string): boolean | undefined {
  const younger = PARENT_YOUNGER.exec(text);
  if (younger) {
    const limit = parseNumber(younger[2]);
    if (limit !== undefined && limit <= 60) return false;
  }
  let answer: boolean | undefined;
  for (const match of text.matchAll(PARENT_AGE)) {
    const age = parseNumber(match[3]);
    if (age === undefined || age < 30 || age > 120) continue;
    if (match[2] && age <= 60) continue; // 快60了: not yet
    if (age >= 60) return true;
    // Both parents under 60; one parent under 60 says nothing about the other.
    if (BOTH_PARENTS.test(match[1])) answer = false;
  }
  return answer;
}

function onlyChild(text: string): boolean | undefined {
  if (NOT_ONLY_CHILD.test(text)) {
    const siblings = NOT_ONLY_CHILD.exec(text)?.[1];
    if (siblings === undefined || (parseNumber(siblings) ?? 0) >= 2) return false;
  }
  const said = ONLY_CHILD.exec(text);
  if (!said) return undefined;
  return said[1] !== '非';
}
