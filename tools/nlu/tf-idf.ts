/** A document as sparse TF-IDF features, L2-normalised: what every model here trains on and scores. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

export interface Vocabulary {
  features: string[];
  index: Map<string, number>;
  idf: Float32Array;
}

export interface VocabularyOptions {
  /** A feature must occur in at least this many training documents. */
  minDocumentFrequency: number;
  /** A multiplier of a feature's idf, e.g. to weigh words against character n-grams. */
  weightOf?: (feature: string) => number;
}

/** Smooth idf as in scikit-learn: ln((1 + n) / (1 + df)) + 1. */
export function fitVocabulary(
  documents: ReadonlyArray<ReadonlyMap<string, number>>,
  options: VocabularyOptions,
): Vocabulary {
  const documentFrequency = new Map<string, number>();
  for (const counts of documents) {
    for (const feature of counts.keys()) documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
  }
  const features = [...documentFrequency.entries()]
    .filter(([, frequency]) => frequency >= options.minDocumentFrequency)
    .map(([feature]) => feature)
    .sort();
  const weightOf = options.weightOf ?? (() => 1);
  const idf = Float32Array.from(
    features,
    (feature) =>
      (Math.log((1 + documents.length) / (1 + (documentFrequency.get(feature) ?? 0))) + 1) * weightOf(feature),
  );
  return { features, index: new Map(features.map((feature, position) => [feature, position])), idf };
}

/**
 * Sublinear TF (1 + ln tf) × idf, L2-normalised, over the vocabulary's features only (as the served model does).
 * Raw TF only for the baseline, which copies scikit-learn's defaults.
 */
export function vectorise(
  counts: ReadonlyMap<string, number>,
  vocabulary: Vocabulary,
  termFrequency: 'sublinear' | 'raw' = 'sublinear',
): SparseVector {
  const found: Array<[number, number]> = [];
  let squaredNorm = 0;
  for (const [feature, count] of counts) {
    const position = vocabulary.index.get(feature);
    if (position === undefined) continue;
    const value = (termFrequency === 'sublinear' ? 1 + Math.log(count) : count) * vocabulary.idf[position];
    found.push([position, value]);
    squaredNorm += value * value;
  }
  found.sort((a, b) => a[0] - b[0]);
  const norm = squaredNorm > 0 ? Math.sqrt(squaredNorm) : 1;
  return {
    indices: Int32Array.from(found, ([position]) => position),
    values: Float32Array.from(found, ([, value]) => value / norm),
  };
}
