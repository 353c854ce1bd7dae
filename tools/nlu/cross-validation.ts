import type { Tokenize } from '../../apps/dialogue/src/nlu/classifier/text-features';
import {
  scoreText,
  trainClassifier,
  type FeatureCache,
  type Recipe,
  type TrainingExample,
} from './classifier-training';
import { stableBucket } from './held-out-split';

export interface ScoredVariant<T> {
  item: T;
  /** Which of the item's evaluation texts (e.g. 0 the whole message, 1 its first characters). */
  variant: number;
  scores: Float64Array;
}

/**
 * Scores of every item from a model that did not see it: items go to k folds by a hash of their group key (near
 * duplicates stay together), each fold scored by a model trained on the others. What calibration is fitted on.
 */
export function outOfFoldScores<T>(
  items: readonly T[],
  groupOf: (item: T) => string,
  folds: number,
  examplesFrom: (training: readonly T[]) => TrainingExample[],
  evaluationTextsOf: (item: T) => string[],
  labels: readonly string[],
  recipe: Recipe,
  tokenize: Tokenize,
  cache?: FeatureCache,
): Array<ScoredVariant<T>> {
  const scored: Array<ScoredVariant<T>> = [];
  const foldOf = (item: T): number => stableBucket(groupOf(item), 'fold:') % folds;
  for (let fold = 0; fold < folds; fold += 1) {
    const classifier = trainClassifier(
      examplesFrom(items.filter((item) => foldOf(item) !== fold)),
      labels,
      recipe,
      tokenize,
      cache,
    );
    for (const item of items.filter((candidate) => foldOf(candidate) === fold)) {
      evaluationTextsOf(item).forEach((text, variant) => {
        scored.push({ item, variant, scores: scoreText(classifier, text, tokenize, cache) });
      });
    }
  }
  return scored;
}
