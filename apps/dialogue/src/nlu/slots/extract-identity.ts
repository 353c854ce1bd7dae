import { NUMBER_CHARS, parseNumber } from './chinese-number';
import { Clause, subjectBefore } from './message-clauses';
import type { IdentityTag } from './slots';

export interface Identity {
  tags: IdentityTag[];
  denied: IdentityTag[];
  age?: number;
}

/**
 * Words that place someone in a group. A statement (我刚毕业, 开了个小店) needs the citizen as its subject or no
 * subject at all; a group named as a topic (退休人员能办吗, 残疾人补贴) counts as the group asked about.
 */
const TAG_WORDS: ReadonlyArray<[IdentityTag, RegExp]> = [
  [
    'freshGraduate',
    /应届(?:毕业)?生|应届|(?:刚刚?|才|今年刚?)毕业|(?<!往届)毕业生|毕业(?:不到|没满|还没到?)?(?:一|1|两|2|半)年/g,
  ],
  [
    'retiree',
    /退休(?:人员|职工|干部|教师|老人|金|工资)|(?<!没|没有|未|还没|还没有|快|快要|准备|要)退休(?:了|啦)|已经?退休|(?:在|已经?|我|开始)(?:领|拿)(?:取)?养老金/g,
  ],
  [
    'smallBusinessOwner',
    /小微企业主?|个体户|个体工商户|(?:开了|开着|在开)(?:个|一个|一家|家|间)?(?:小)?(?:店|铺|公司|餐馆|饭店|超市|工作室|厂|门面|档口)|小老板|自己做(?:点)?(?:小)?生意|做(?:点)?(?:小)?生意的|自己(?:开|经营)(?:的)?(?:店|公司)/g,
  ],
  ['disabled', /残疾|残障|肢残|盲人|聋哑|视障|听障|伤残/g],
  ['elderly', /老年人|老年(?:卡|证|优待)|长者|高龄|(?:我是|我们|咱们|我这样的|我这种)老人/g],
];

// Every tag word holds one of these characters: most clauses are passed over with one test.
const GROUP_HINT = /[届毕退养小个老开生营残障盲聋视听伤长高]/;
// 我不是应届生, 我也不算残疾人: the citizen says they are not in the group.
const DENIAL = /(?:不是|不算|不属于|并非|非)$/;
// 算不算应届生, 是不是退休人员: the citizen asks whether they are; that is not a statement either way.
const UNSURE = /(?:算不算|是不是|属不属于|属于不属于|能不能算|可以算)$/;
// 我今年70岁, 我都70了; not 我82岁母亲, an age said of someone after it.
const AGE = new RegExp(
  `(?:我|本人|俺)(?:今年|已经|都)*([${NUMBER_CHARS}]{1,3})(?:多)?(?:岁|周岁|了|$)(?!的?(?:母亲|父亲|老母亲|老父亲|妈|爸|老人|儿子|女儿|孩子|老伴))`,
);

/** 应届毕业生, 退休人员, 小微企业主, 残疾人, 老年人, said or inferred (我今年70岁 → 老年人), for the citizen. */
export function extractIdentity(clauses: readonly Clause[]): Identity {
  const tags = new Set<IdentityTag>();
  const denied = new Set<IdentityTag>();
  let age: number | undefined;
  for (const { text, isQuestion } of clauses) {
    const mayNameAGroup = GROUP_HINT.test(text);
    for (const [tag, pattern] of mayNameAGroup ? TAG_WORDS : []) {
      for (const match of text.matchAll(pattern)) {
        if (subjectBefore(text, match.index) === 'other') continue;
        const before = text.slice(Math.max(0, match.index - 6), match.index).replace(/(?:一名|一个|一位|个|名)+$/, '');
        if (UNSURE.test(before)) continue;
        if (DENIAL.test(before)) {
          denied.add(tag);
          continue;
        }
        const after = text.slice(match.index + match[0].length);
        if (/(?:没有?|未|还没)$/.test(before)) continue;
        if (isQuestion && /(?:是|算)$/.test(before) && /^(?:人|人员|人士)?(?:吗|么|嘛|呢)?$/.test(after)) continue; // 我是残疾人吗?
        tags.add(tag);
      }
    }
    const stated = AGE.exec(text);
    if (stated && age === undefined) {
      const years = parseNumber(stated[1]);
      if (years !== undefined && years >= 16 && years <= 120) age = years;
    }
  }
  if (age !== undefined && age >= 60 && !denied.has('elderly')) tags.add('elderly');
  for (const tag of denied) tags.delete(tag);
  return { tags: [...tags], denied: [...denied], age };
}
