import { normaliseText } from '../segmentation/text-normaliser';
import { STOP_WORDS } from './stop-words';

/** Words of a text, normalised and without punctuation: `Segmenter.tokens` in the app, anything alike in a spec. */
export type Tokenize = (text: string) => string[];

/** A named pattern whose presence in the normalised text is a feature ("#name"). */
export interface Cue {
  name: string;
  /** Tested once per text: no `g` or `y` flag. */
  pattern: RegExp;
}

/** How a text becomes features; stored in the model file so that training and serving cannot drift apart. */
export interface FeatureOptions {
  /** Character n-grams of lengths 1..charNgramMax over the text's words run together. */
  charNgramMax: number;
  /** Word pairs as well as single words. */
  wordBigrams: boolean;
  /** Leave out STOP_WORDS, for a model trained on text that had them removed. */
  dropStopWords: boolean;
  /** Every digit becomes 0: "3月" and "12月" look alike, phone and ticket numbers stop being features of their own. */
  foldDigits: boolean;
  /**
   * The first this many characters count twice, once more as features of their own ("^…"): a message's title
   * and first sentence say what it is about, the rest is detail. 0 for none.
   */
  leadCharacters: number;
  cues: readonly Cue[];
}

/**
 * Feature keys: a character n-gram is its characters; a word is " word" and a word pair " word word"; a feature
 * of the lead has "^" in front; a cue is "#name". Spaces, "^" and "#" never occur inside a word (punctuation is
 * dropped), so the kinds cannot collide, and no key contains a newline (the model file separates keys with one).
 */
const WORD = ' ';
const LEAD = '^';
const CUE = '#';

/** The features of a text, with their counts. */
export function extractFeatures(text: string, tokenize: Tokenize, options: FeatureOptions): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (feature: string): void => {
    counts.set(feature, (counts.get(feature) ?? 0) + 1);
  };
  const words = contentWords(text, tokenize, options);
  const joined = words.join('');
  // Indexing a string is faster than an array of its characters, and right unless it has surrogate pairs (emoji).
  const characters: ArrayLike<string> & { slice(start: number, end: number): ArrayLike<string> } =
    /[\uD800-\uDFFF]/.test(joined) ? Array.from(joined) : joined;
  addCharacterNgrams(characters, options.charNgramMax, add);
  words.forEach((word, index) => {
    add(WORD + word);
    if (options.wordBigrams && index > 0) add(WORD + words[index - 1] + WORD + word);
  });
  if (options.leadCharacters > 0) {
    const addLead = (feature: string): void => add(LEAD + feature);
    addCharacterNgrams(characters.slice(0, options.leadCharacters), options.charNgramMax, addLead);
    let offset = 0;
    for (const word of words) {
      if (offset >= options.leadCharacters) break;
      addLead(WORD + word);
      offset += word.length;
    }
  }
  if (options.cues.length > 0) {
    const normalised = normaliseText(text);
    for (const cue of options.cues) if (cue.pattern.test(normalised)) add(CUE + cue.name);
  }
  return counts;
}

function addCharacterNgrams(characters: ArrayLike<string>, longest: number, add: (feature: string) => void): void {
  for (let start = 0; start < characters.length; start += 1) {
    let gram = '';
    for (let length = 1; length <= longest && start + length <= characters.length; length += 1) {
      gram += characters[start + length - 1];
      add(gram);
    }
  }
}

function contentWords(text: string, tokenize: Tokenize, options: FeatureOptions): string[] {
  const words = tokenize(text).filter((word) => !(options.dropStopWords && STOP_WORDS.has(word)));
  return options.foldDigits ? words.map((word) => word.replace(/\d/gu, '0')) : words;
}
