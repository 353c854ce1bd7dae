/** Frequency given to a term that names none: high enough that jieba keeps a three-character term whole. */
export const DEFAULT_TERM_FREQUENCY = 3000;

/**
 * Turns our terms file (one term a line, optionally "term frequency", # comments) into jieba's dictionary format
 * ("term frequency tag"), which refuses lines without a frequency.
 */
export function toJiebaDictionary(termsFile: string): string {
  return termsFile
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [term, frequency] = line.split(/\s+/u);
      const count = frequency !== undefined && /^\d+$/u.test(frequency) ? Number(frequency) : DEFAULT_TERM_FREQUENCY;
      return `${term} ${count} n`;
    })
    .join('\n');
}
