/**
 * Strong anger or distress in a message: the moment to bring in a person rather than try another answer. A short
 * list of phrases citizens use when they are fed up, matched on the normalised text; mild words (不满意, 有点慢) are not
 * enough on their own. Deliberately simple and explainable; it errs towards not firing.
 */
const STRONG = [
  /(气死|烦死|急死)(我|人)了?/u,
  /(垃圾|废物|没用)的?(机器人|系统|客服|东西)/u,
  /(你们|政府|部门).{0,6}(不作为|推诿|踢皮球|敷衍|不管不问)/u,
  /(太|真|非常)(差劲|恶心|过分|离谱)/u,
  /(忍无可忍|欺人太甚|走投无路|活不下去|没法活)/u,
  /(再|还)(不|没)(解决|处理).{0,8}(曝光|上访|投诉到|找媒体|12345)/u,
  /[!！]{3,}/u,
];

export function isStronglyNegative(text: string): boolean {
  const normalised = text.replace(/\s+/gu, '');
  return STRONG.some((pattern) => pattern.test(normalised));
}
