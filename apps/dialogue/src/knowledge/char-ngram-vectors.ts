import { normaliseText } from '../nlu/segmentation/text-normaliser';

/** Runs of characters that carry meaning: n-grams never span punctuation, symbols or spaces. */
const SEPARATORS = /[\p{P}\p{S}\p{Z}\p{C}\s]+/u;

/** Character n-grams of a normalised text, shortest first within each run: 租房子 → 租 房 子 租房 房子. */
export function characterNgrams(text: string, minLength = 1, maxLength = 2): string[] {
  const grams: string[] = [];
  for (const run of normaliseText(text).split(SEPARATORS)) {
    const chars = [...run];
    for (let length = minLength; length <= maxLength; length += 1) {
      for (let start = 0; start + length <= chars.length; start += 1) {
        grams.push(chars.slice(start, start + length).join(''));
      }
    }
  }
  return grams;
}

/**
 * Character n-gram TF-IDF vectors (sublinear tf, smoothed idf, L2 length) and their cosine. Citizens' words rarely
 * match an item's word for word (租房子 / 住房租金, 便宜房子 / 公租房 share no jieba token), but they often share
 * characters, so this finds items that word-level BM25 misses; it cannot relate words that share none (娃 / 孩子).
 * An inverted index keeps a search to the documents sharing an n-gram with the text.
 */
export class CharNgramVectors {
  private readonly postings = new Map<string, Array<{ doc: number; weight: number }>>();
  private readonly idf = new Map<string, number>();
  /** The weight of an n-gram no document has: that of the rarest one. */
  private readonly unseenIdf: number;

  constructor(
    documents: string[],
    private readonly minLength = 1,
    private readonly maxLength = 2,
  ) {
    const counts = documents.map((text) => countOf(characterNgrams(text, minLength, maxLength)));
    const frequency = new Map<string, number>();
    for (const count of counts) for (const gram of count.keys()) frequency.set(gram, (frequency.get(gram) ?? 0) + 1);
    for (const [gram, documentCount] of frequency) this.idf.set(gram, smoothIdf(documents.length, documentCount));
    this.unseenIdf = smoothIdf(documents.length, 1);
    counts.forEach((count, doc) => {
      for (const [gram, weight] of this.weigh(count)) {
        const list = this.postings.get(gram);
        if (list) list.push({ doc, weight });
        else this.postings.set(gram, [{ doc, weight }]);
      }
    });
  }

  /**
   * The cosine of the text with each document sharing an n-gram with it. N-grams that no document has still count
   * in the text's length, so a question about something the documents never mention scores low.
   */
  similarities(text: string): Map<number, number> {
    const scores = new Map<number, number>();
    for (const [gram, weight] of this.weigh(countOf(characterNgrams(text, this.minLength, this.maxLength)))) {
      for (const { doc, weight: docWeight } of this.postings.get(gram) ?? []) {
        scores.set(doc, (scores.get(doc) ?? 0) + weight * docWeight);
      }
    }
    return scores;
  }

  /** Unit-length TF-IDF weights of the n-grams the documents have; the others only lengthen the vector. */
  private weigh(count: Map<string, number>): Map<string, number> {
    const weights = new Map<string, number>();
    let squares = 0;
    for (const [gram, times] of count) {
      const idf = this.idf.get(gram);
      const weight = (1 + Math.log(times)) * (idf ?? this.unseenIdf);
      squares += weight * weight;
      if (idf !== undefined) weights.set(gram, weight);
    }
    const length = Math.sqrt(squares);
    for (const [gram, weight] of weights) weights.set(gram, weight / length);
    return weights;
  }
}

function countOf(grams: string[]): Map<string, number> {
  const count = new Map<string, number>();
  for (const gram of grams) count.set(gram, (count.get(gram) ?? 0) + 1);
  return count;
}

function smoothIdf(documents: number, documentCount: number): number {
  return Math.log((1 + documents) / (1 + documentCount)) + 1;
}
