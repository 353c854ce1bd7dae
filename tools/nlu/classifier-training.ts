import type { FeatureOptions, Tokenize } from '../../apps/dialogue/src/nlu/classifier/text-features';
import { extractFeatures } from '../../apps/dialogue/src/nlu/classifier/text-features';
import { decisionScores, type LinearModel } from './linear-model';
import { trainLinearSvm, type SvmOptions } from './linear-svm';
import { fitVocabulary, vectorise, type Vocabulary } from './tf-idf';

export interface TrainingExample {
  text: string;
  label: string;
  /** Multiplies the cost of getting it wrong; 1 unless said (augmented copies count less). */
  weight?: number;
}

/** Everything that decides a model besides its data. */
export interface Recipe {
  features: FeatureOptions;
  minDocumentFrequency: number;
  svm: SvmOptions;
  /**
   * Class weights (n / (K · n_k))^classBalance: 0 leaves the data's proportions, 1 gives every class the same total
   * weight, in between leans towards the small classes without trusting their few examples too much.
   */
  classBalance: number;
}

export interface TrainedClassifier {
  labels: readonly string[];
  features: FeatureOptions;
  vocabulary: Vocabulary;
  model: LinearModel;
}

/** A recipe as plain data, for the `about` of a model file (cues by name). */
export function describeRecipe(recipe: Recipe): Record<string, unknown> {
  return { ...recipe, features: { ...recipe.features, cues: recipe.features.cues.map((cue) => cue.name) } };
}

export type FeatureCache = Map<string, Map<string, number>>;

/** Features of a text, remembered: cross-validation featurises the same texts many times. */
export function featuresOf(
  text: string,
  tokenize: Tokenize,
  features: FeatureOptions,
  cache?: FeatureCache,
): Map<string, number> {
  const known = cache?.get(text);
  if (known !== undefined) return known;
  const counts = extractFeatures(text, tokenize, features);
  cache?.set(text, counts);
  return counts;
}

/**
 * Fits the vocabulary (on the examples of weight 1: augmented copies add no feature of their own) and the SVM.
 */
export function trainClassifier(
  examples: readonly TrainingExample[],
  labels: readonly string[],
  recipe: Recipe,
  tokenize: Tokenize,
  cache?: FeatureCache,
): TrainedClassifier {
  const counts = examples.map((example) => featuresOf(example.text, tokenize, recipe.features, cache));
  const vocabulary = fitVocabulary(
    counts.filter((_, i) => (examples[i].weight ?? 1) >= 1),
    { minDocumentFrequency: recipe.minDocumentFrequency },
  );
  const rows = counts.map((features) => vectorise(features, vocabulary));
  const classOf = examples.map((example) => labelIndex(labels, example.label));
  const classWeights = balancedWeights(examples, classOf, labels.length).map((weight) => weight ** recipe.classBalance);
  const model = trainLinearSvm(rows, classOf, labels.length, vocabulary.features.length, {
    ...recipe.svm,
    classWeights,
    exampleWeights: examples.map((example) => example.weight ?? 1),
  });
  return { labels, features: recipe.features, vocabulary, model };
}

export function scoreText(
  classifier: TrainedClassifier,
  text: string,
  tokenize: Tokenize,
  cache?: FeatureCache,
): Float64Array {
  return decisionScores(
    classifier.model,
    vectorise(featuresOf(text, tokenize, classifier.features, cache), classifier.vocabulary),
  );
}

export function labelIndex(labels: readonly string[], label: string): number {
  const index = labels.indexOf(label);
  if (index < 0) throw new Error(`unknown label ${label}`);
  return index;
}

/** Weight n / (K · n_k) per class, n_k summed over example weights. */
function balancedWeights(examples: readonly TrainingExample[], classOf: readonly number[], classes: number): number[] {
  const totals = new Array<number>(classes).fill(0);
  examples.forEach((example, i) => {
    totals[classOf[i]] += example.weight ?? 1;
  });
  const sum = totals.reduce((a, b) => a + b, 0);
  return totals.map((total) => (total > 0 ? sum / (classes * total) : 1));
}
