import { Lang } from '@libs/common/contracts/common-fields';

const ARABIC_SCRIPT = /[\u0600-\u06ff]/gu;
const HAN = /\p{Script=Han}/gu;
const LATIN = /[A-Za-z]/g;

/**
 * The language of a message, from its script: Uyghur is written in Arabic script, English in Latin letters with no
 * Chinese characters. Undefined when the text does not tell (digits, emoji, a word or two): keep what was known.
 */
export function languageOf(text: string): Lang | undefined {
  const arabic = text.match(ARABIC_SCRIPT)?.length ?? 0;
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (arabic >= 2 && arabic >= han) return 'ug';
  if (han > 0) return 'zh';
  if (latin >= 4) return 'en';
  return undefined;
}

/** A bare number picks one of the choices offered with the last reply; anything else is the text as written. */
export function resolveChoice(text: string, choices: string[]): string {
  const number = /^\s*([1-9])\s*[.。、]?\s*$/u.exec(text)?.[1];
  return number && choices[Number(number) - 1] ? choices[Number(number) - 1] : text;
}
