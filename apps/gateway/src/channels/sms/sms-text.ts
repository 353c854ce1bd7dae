/**
 * How a reply becomes template parameters. Both vendors only send registered templates to mainland numbers, so a reply
 * goes out as the value of the template's one parameter ({1} at Tencent, ${content} at Aliyun). Both vendors join a
 * message longer than one SMS into a long SMS on the phone (up to 500 characters with the sign) and bill it in parts
 * of 67: we send each piece as one long SMS and split only where a parameter would be too long for the vendor.
 */

/** A single SMS holds 70 characters (sign and its brackets included); a long SMS is billed per 67-character part. */
export const SINGLE_SMS_CHARS = 70;
export const LONG_SMS_PART_CHARS = 67;
/** The longest long SMS either vendor sends: sign, template text and parameters together. */
export const MAX_LONG_SMS_CHARS = 500;
/** What the registered template may add around the parameter (see docs/runbook.md for the template to register). */
export const TEMPLATE_TEXT_ALLOWANCE = 20;

/** Characters as the vendors count them: every Chinese character, letter, digit, punctuation mark or space is one. */
export function smsLength(text: string): number {
  return [...text].length;
}

/** Parts the vendor bills for a message of this many characters. */
export function billedParts(chars: number): number {
  if (chars <= SINGLE_SMS_CHARS) return 1;
  return Math.ceil(chars / LONG_SMS_PART_CHARS);
}

/**
 * The reply as one line of parameter text: choices appended as numbered items (SMS has no buttons), line breaks and
 * runs of spaces folded (template variables are one line), and 【】 replaced, since vendors read them as a sign.
 */
export function smsReplyText(text: string, quickReplies: readonly string[] = []): string {
  const choices = quickReplies.map((choice, index) => `${index + 1}. ${choice}`);
  const full = choices.length > 0 ? `${text}\n可回复：${choices.join(' ')}` : text;
  return full.replace(/【/g, '「').replace(/】/g, '」').replace(/\s+/g, ' ').trim();
}

/** How many characters of parameter text fit in one send under this sign, for a vendor allowing `paramMaxChars`. */
export function parameterBudget(signName: string, paramMaxChars: number): number {
  const signChars = smsLength(signName) + 2; // 【sign】
  return Math.max(1, Math.min(paramMaxChars, MAX_LONG_SMS_CHARS - signChars - TEMPLATE_TEXT_ALLOWANCE));
}

const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?', ';', '…']);
const CLAUSE_END = new Set(['，', '、', '：', ',', ':', '）', ')', '」']);

/**
 * The next parameter of at most `maxChars` characters from `text`, cut after the last sentence end in the second half
 * of the window, else after a clause end or a space there, else at the limit (never inside a surrogate pair).
 * `consumed` counts the characters taken from `text`, spaces at the cut included, so the caller can resume after it.
 */
export function nextParameter(text: string, maxChars: number): { parameter: string; consumed: number } {
  const chars = [...text];
  if (chars.length <= maxChars) return { parameter: text.trim(), consumed: chars.length };
  const window = chars.slice(0, maxChars);
  const lastIndexWhere = (accept: (char: string) => boolean) => {
    for (let index = window.length - 1; index >= Math.floor(maxChars / 2); index -= 1) {
      if (accept(window[index])) return index;
    }
    return -1;
  };
  let cut = lastIndexWhere((char) => SENTENCE_END.has(char));
  if (cut < 0) cut = lastIndexWhere((char) => CLAUSE_END.has(char) || char === ' ');
  const taken = cut < 0 ? maxChars : cut + 1;
  let consumed = taken;
  while (chars[consumed] === ' ') consumed += 1;
  return { parameter: chars.slice(0, taken).join('').trim(), consumed };
}

/** Every parameter of a reply under this budget, in order (what the sender sends when nothing fails). */
export function splitIntoParameters(text: string, maxChars: number): string[] {
  const parameters: string[] = [];
  let rest = text;
  while (smsLength(rest) > 0) {
    const { parameter, consumed } = nextParameter(rest, maxChars);
    if (parameter !== '') parameters.push(parameter);
    rest = [...rest].slice(consumed).join('');
  }
  return parameters;
}

/** Words with which a citizen unsubscribes from SMS (the vendor blacklists the number itself): no reply to them. */
export function isUnsubscribeRequest(text: string): boolean {
  return /^(td|t|退订|取消订阅|n)$/i.test(text.trim());
}
