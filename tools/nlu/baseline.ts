import { meaningfulCharacters, normaliseText } from '../../apps/dialogue/src/nlu/segmentation/text-normaliser';
import { decisionScores, type LinearModel } from './linear-model';
import { trainLinearSvm } from './linear-svm';
import { fitVocabulary, vectorise, type Vocabulary } from './tf-idf';

/**
 * The baseline our category model must beat, as a data scientist would first try it: scikit-learn's
 * TfidfVectorizer(analyzer='char', ngram_range=(1, 3)) — raw counts, smooth idf, L2 — and LinearSVC() (squared
 * hinge, C = 1, one-vs-rest), on the same training messages and without our extras (words, lead, stop words,
 * truncated copies, class weights). Punctuation is dropped as in our model; the training texts have none.
 */
export interface Baseline {
  vocabulary: Vocabulary;
  model: LinearModel;
}

function characterNgrams(text: string): Map<string, number> {
  const characters = Array.from(meaningfulCharacters(normaliseText(text)));
  const counts = new Map<string, number>();
  for (let start = 0; start < characters.length; start += 1) {
    let gram = '';
    for (let length = 1; length <= 3 && start + length <= characters.length; length += 1) {
      gram += characters[start + length - 1];
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
  }
  return counts;
}

export function trainBaseline(texts: readonly string[], classes: readonly number[], classCount: number): Baseline {
  const counts = texts.map(characterNgrams);
  const vocabulary = fitVocabulary(counts, { minDocumentFrequency: 1 });
  const rows = counts.map((features) => vectorise(features, vocabulary, 'raw'));
  return {
    vocabulary,
    model: trainLinearSvm(rows, classes, classCount, vocabulary.features.length, { C: 1, seed: 1 }),
  };
}

export function baselineScores(baseline: Baseline, text: string): Float64Array {
  return decisionScores(baseline.model, vectorise(characterNgrams(text), baseline.vocabulary, 'raw'));
}
