import { Lang } from '@libs/common/contracts/common-fields';

const ARABIC_SCRIPT = /\p{Script=Arabic}/gu;
const HAN = /\p{Script=Han}/gu;
const LATIN = /[A-Za-z]/g;

/**
 * The language of a message, from its script: Uyghur is written in Arabic script, English in Latin letters with no
 * Chinese characters. Undefined when the text does not tell (digits, emoji, a word or two): keep what was known.
 * Older Uyghur keyboards and text copied from PDFs send Arabic presentation forms (ﺋﺎ for ئا); NFKC folds them.
 */
export function languageOf(text: string): Lang | undefined {
  const normal = text.normalize('NFKC');
  const arabic = normal.match(ARABIC_SCRIPT)?.length ?? 0;
  const han = normal.match(HAN)?.length ?? 0;
  const latin = normal.match(LATIN)?.length ?? 0;
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

/**
 * 我要投诉, "I want to make a complaint", ئەرز-شىكايەت قىلىمەن: the wish to complain in each language, matched on the
 * text without spaces and punctuation.
 */
const COMPLAINT_OPENING: readonly RegExp[] = [
  /^(我|我们)?(要|想|来)?(投诉|举报|反映|建议)(一下|个事|件事)?/u,
  /^(please)?(i|we)?(want|wish|wouldlike|dlike|need)?(to)?(make|file|lodge|submit|raise|have)?(a|an)?(complaint|complain|report|suggestion)(aproblem|something|please)?/iu,
  /^(مەن|بىز|مېنىڭ)?(ئەرزشىكايەت|شىكايىتىم|شىكايەت|ئەرزىم|ئەرز|ئىنكاس|تەكلىپ)(قىلىمەن|قىلماقچىمەن|قىلماقچى|قىلاي|قىلىش|بار|بېرىمەن)?/u,
];

/**
 * Whether a complaint says nothing yet of what happened, where or when (the menu's first choice, in any of the
 * three languages), so that the assistant asks for the details before a work order is opened.
 */
export function isBareComplaint(text: string): boolean {
  const compact = text.normalize('NFKC').replace(/[\s\p{P}]/gu, '');
  const rest = COMPLAINT_OPENING.reduce((left, opening) => left.replace(opening, ''), compact);
  return [...rest].length < 4;
}
