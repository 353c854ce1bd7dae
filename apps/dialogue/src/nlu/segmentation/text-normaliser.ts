/**
 * The one normal form every NLU step sees: full-width letters, digits and punctuation become half-width (NFKC does
 * that, and folds other compatibility forms such as ① → 1), Latin is lower-cased and runs of white space become one
 * space. Citizens type on phones in every input mode; the models must not care which one.
 */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** Punctuation, symbols (emoji included) and white space: nothing a word or a character feature should be made of. */
const NOT_A_WORD = /^[\p{P}\p{S}\p{Z}\p{C}\s]*$/u;

export function isWordToken(token: string): boolean {
  return !NOT_A_WORD.test(token);
}

/** The characters of a text that carry meaning: punctuation, symbols and white space dropped. */
export function meaningfulCharacters(normalisedText: string): string {
  return normalisedText.replace(/[\p{P}\p{S}\p{Z}\p{C}\s]+/gu, '');
}
