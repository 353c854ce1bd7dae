/**
 * Okapi BM25 over documents given as token lists. Built once per knowledge-base load; searching scores only the
 * documents that share a token with the query (an inverted index), so it stays fast as the base grows.
 */
export interface Bm25Hit {
  doc: number;
  score: number;
}

export class Bm25Index {
  private readonly postings = new Map<string, Array<{ doc: number; count: number }>>();
  private readonly lengths: number[];
  private readonly averageLength: number;

  constructor(
    documents: string[][],
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {
    this.lengths = documents.map((tokens) => tokens.length);
    this.averageLength = this.lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, documents.length);
    documents.forEach((tokens, doc) => {
      const counts = new Map<string, number>();
      for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
      for (const [token, count] of counts) {
        const list = this.postings.get(token);
        if (list) list.push({ doc, count });
        else this.postings.set(token, [{ doc, count }]);
      }
    });
  }

  get size(): number {
    return this.lengths.length;
  }

  /** Inverse document frequency, BM25+ style (never negative). */
  idf(token: string): number {
    const frequency = this.postings.get(token)?.length ?? 0;
    return Math.log(1 + (this.size - frequency + 0.5) / (frequency + 0.5));
  }

  /** Documents sharing a token with the query, best first; `accept` filters documents (e.g. by date). */
  search(query: string[], limit: number, accept: (doc: number) => boolean = () => true): Bm25Hit[] {
    const scores = new Map<number, number>();
    for (const token of new Set(query)) {
      const list = this.postings.get(token);
      if (!list) continue;
      const idf = this.idf(token);
      for (const { doc, count } of list) {
        const norm = count + this.k1 * (1 - this.b + (this.b * this.lengths[doc]) / this.averageLength);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * count * (this.k1 + 1)) / norm);
      }
    }
    return [...scores]
      .filter(([doc]) => accept(doc))
      .map(([doc, score]) => ({ doc, score }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }

  /**
   * The best score a query could reach: each of its tokens matched once in an average-length document. Tokens no
   * document has count at the weight of the rarest, so a question about things the base does not know scores low.
   */
  ceiling(query: string[]): number {
    return [...new Set(query)].reduce((sum, token) => sum + this.idf(token), 0);
  }
}
