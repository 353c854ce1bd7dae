import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { toJiebaDictionary } from './government-terms';
import { isWordToken, normaliseText } from './text-normaliser';

export const GOVERNMENT_TERMS_FILE = join(__dirname, 'government-terms.txt');

/**
 * Chinese word segmentation for the whole dialogue app (classifier features, slot extraction, retrieval): jieba with
 * its standard dictionary plus our government-terms dictionary, on normalised text. Building one takes about 0.2 s
 * (jieba's dictionary), so an app makes one at start and shares it; `tokens` itself takes microseconds.
 */
export class Segmenter {
  private constructor(private readonly jieba: Jieba) {}

  /** Jieba's dictionary plus the terms file (ours by default). */
  static load(termsFile: string = GOVERNMENT_TERMS_FILE): Segmenter {
    const jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(toJiebaDictionary(readFileSync(termsFile, 'utf8'))));
    return new Segmenter(jieba);
  }

  /** The words of a text, normalised (half-width, lower-case Latin), without punctuation, symbols or spaces. */
  tokens(text: string): string[] {
    return this.jieba.cut(normaliseText(text), true).filter(isWordToken);
  }
}
