import { emptyModel, type LinearModel } from './linear-model';
import type { SparseVector } from './tf-idf';

export interface SvmOptions {
  /** Inverse regularisation strength, as in liblinear. */
  C: number;
  /** Multiplies C per class (e.g. inverse frequency for balanced classes). */
  classWeights?: ArrayLike<number>;
  /** Multiplies C per example (e.g. less for augmented copies). */
  exampleWeights?: ArrayLike<number>;
  maxEpochs?: number;
  tolerance?: number;
  /** Seed of the shuffling, for reproducible models. */
  seed?: number;
  /** Squared hinge (liblinear's default, smooth) or hinge (less pulled by mislabelled examples). */
  loss?: 'squared-hinge' | 'hinge';
}

/** One-vs-rest linear SVM over shared features (see trainBinarySvm). */
export function trainLinearSvm(
  rows: readonly SparseVector[],
  labels: ArrayLike<number>,
  classes: number,
  features: number,
  options: SvmOptions,
): LinearModel {
  const model = emptyModel(classes, features);
  const costs = rows.map(
    (_, i) => options.C * (options.classWeights?.[labels[i]] ?? 1) * (options.exampleWeights?.[i] ?? 1),
  );
  for (let k = 0; k < classes; k += 1) {
    const signs = Int8Array.from(rows, (_, i) => (labels[i] === k ? 1 : -1));
    const { weights, bias } = trainBinarySvm(rows, signs, features, costs, options);
    for (let f = 0; f < features; f += 1) model.weights[f * classes + k] = weights[f];
    model.bias[k] = bias;
  }
  return model;
}

/**
 * Binary linear SVM, L2-regularised squared hinge loss, by dual coordinate descent (Hsieh et al. 2008, liblinear's
 * default solver for text). The bias is the weight of a constant feature 1, as in liblinear.
 */
export function trainBinarySvm(
  rows: readonly SparseVector[],
  signs: ArrayLike<number>,
  features: number,
  costs: ArrayLike<number>,
  options: Pick<SvmOptions, 'maxEpochs' | 'tolerance' | 'seed' | 'loss'>,
): { weights: Float64Array; bias: number } {
  const random = seededRandom(options.seed ?? 1);
  const weights = new Float64Array(features);
  let bias = 0;
  const alpha = new Float64Array(rows.length);
  const isHinge = options.loss === 'hinge';
  // Dual of the squared hinge: a diagonal term and no upper bound; of the hinge: no diagonal, α ≤ C.
  const diagonal = Float64Array.from(rows, (_, i) => (isHinge ? 0 : 1 / (2 * costs[i])));
  const upper = Float64Array.from(rows, (_, i) => (isHinge ? costs[i] : Infinity));
  const squaredNorms = Float64Array.from(rows, (row) => row.values.reduce((sum, value) => sum + value * value, 1));
  const order = rows.map((_, i) => i);
  for (let epoch = 0; epoch < (options.maxEpochs ?? 200); epoch += 1) {
    shuffle(order, random);
    let largestGradient = 0;
    for (const i of order) {
      const row = rows[i];
      const y = signs[i];
      let margin = bias;
      for (let j = 0; j < row.indices.length; j += 1) margin += weights[row.indices[j]] * row.values[j];
      const gradient = y * margin - 1 + diagonal[i] * alpha[i];
      const projected =
        alpha[i] === 0 ? Math.min(gradient, 0) : alpha[i] === upper[i] ? Math.max(gradient, 0) : gradient;
      if (Math.abs(projected) < 1e-12) continue;
      const previous = alpha[i];
      alpha[i] = Math.min(Math.max(previous - gradient / (squaredNorms[i] + diagonal[i]), 0), upper[i]);
      const step = (alpha[i] - previous) * y;
      for (let j = 0; j < row.indices.length; j += 1) weights[row.indices[j]] += step * row.values[j];
      bias += step;
      largestGradient = Math.max(largestGradient, Math.abs(projected));
    }
    if (largestGradient < (options.tolerance ?? 0.01)) break;
  }
  return { weights, bias };
}

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    // xorshift32: fast, and the same sequence on every machine.
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x100000000;
  };
}

function shuffle(values: number[], random: () => number): void {
  for (let i = values.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [values[i], values[j]] = [values[j], values[i]];
  }
}
