import { NUMBER_CHARS, parseNumber } from '../nlu/slots/chinese-number';
import { Fact, FactValue } from './eligibility-rules';

const YES = /^(有|是|是的|对|对的|嗯|有的|有房|有住房|yes|y)([，,。.!！]|$)/iu;
const NO = /^(没有|没|无|不是|否|没房|没有房|没有住房|不|no|n)([，,。.!！]|$)/iu;
const LOCAL = /(本地|本市|广州户|广州户口|广州户籍|本地户口|本市户口)/u;
const NOT_LOCAL = /(非本地|非本市|外地|外省|不是本地|不是本市|不是广州|来穗|农村户口在老家)/u;
const NUMBER = new RegExp(`[${NUMBER_CHARS}]+(?:[.点][${NUMBER_CHARS}]+)?[wWkK]?`, 'u');

/**
 * Reads the citizen's answer to the fact just asked: an option (in their words: 外地户口 → 非本地户籍), yes or no,
 * or a number (3年, 四千五, 1.2万). Undefined when the answer does not say it, so the question is asked again.
 */
export function readFactAnswer(fact: Fact, answer: string): FactValue | undefined {
  const text = answer.trim();
  if (fact.type === 'yes_no') return YES.test(text) ? true : NO.test(text) ? false : undefined;
  if (fact.type === 'choice') {
    // Longest first: 非本地户籍 contains 本地户籍.
    const exact = [...fact.options].sort((a, b) => b.length - a.length).find((option) => text.includes(option));
    if (exact) return exact;
    if (NOT_LOCAL.test(text)) return fact.options.find((option) => option.startsWith('非'));
    if (LOCAL.test(text)) return fact.options.find((option) => !option.startsWith('非'));
    return undefined;
  }
  const written = NUMBER.exec(text)?.[0];
  const value = written === undefined ? undefined : parseNumber(written.replace('点', '.'));
  if (value === undefined || value < fact.min || value > fact.max) return undefined;
  return value;
}
