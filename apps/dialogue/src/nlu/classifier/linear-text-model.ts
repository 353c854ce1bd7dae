import { DomainError } from '@libs/common/errors/domain-error';
import { decodeInt16, decodeUint16, loadFeatureOptions, type ModelFile } from './model-file';
import type { FeatureOptions } from './text-features';

/**
 * A linear model over sublinear TF-IDF features, L2-normalised: score_k = bias_k + Σ_f x_f · W[f, k], and
 * probabilities softmax(score / temperature). Unknown features are ignored, as in training.
 */
export class LinearTextModel {
  private constructor(
    readonly labels: readonly string[],
    readonly features: FeatureOptions,
    private readonly index: ReadonlyMap<string, number>,
    private readonly idf: Float32Array,
    private readonly weights: Float32Array,
    private readonly bias: Float64Array,
    readonly temperature: number,
  ) {}

  static fromFile(file: ModelFile): LinearTextModel {
    const vocabulary = file.vocabulary === '' ? [] : file.vocabulary.split('\n');
    const classes = file.labels.length;
    const idf = Float32Array.from(decodeUint16(file.idf), (value) => value * file.idfScale);
    const weights = Float32Array.from(decodeInt16(file.weights), (value) => value * file.weightScale);
    if (idf.length !== vocabulary.length || weights.length !== vocabulary.length * classes) {
      throw new DomainError('invalid', `model ${file.name}: vocabulary, idf and weights do not match in size`);
    }
    if (file.bias.length !== classes) throw new DomainError('invalid', `model ${file.name}: one bias per label`);
    const index = new Map(vocabulary.map((feature, position) => [feature, position]));
    return new LinearTextModel(
      file.labels,
      loadFeatureOptions(file.features),
      index,
      idf,
      weights,
      Float64Array.from(file.bias),
      file.temperature,
    );
  }

  /** Raw scores (before temperature) of each label for these feature counts. */
  scores(counts: ReadonlyMap<string, number>): Float64Array {
    const classes = this.labels.length;
    const scores = Float64Array.from(this.bias);
    const positions: number[] = [];
    const values: number[] = [];
    let squaredNorm = 0;
    // forEach and plain arrays: this loop is most of the time of a classification.
    counts.forEach((count, feature) => {
      const position = this.index.get(feature);
      if (position === undefined) return;
      const value = (count === 1 ? 1 : 1 + Math.log(count)) * this.idf[position];
      positions.push(position);
      values.push(value);
      squaredNorm += value * value;
    });
    if (squaredNorm === 0) return scores;
    const norm = Math.sqrt(squaredNorm);
    for (let i = 0; i < positions.length; i += 1) {
      const value = values[i] / norm;
      const row = positions[i] * classes;
      for (let k = 0; k < classes; k += 1) scores[k] += value * this.weights[row + k];
    }
    return scores;
  }

  /** Calibrated probabilities of each label. */
  probabilities(counts: ReadonlyMap<string, number>): Float64Array {
    return softmax(this.scores(counts), this.temperature);
  }
}

export function softmax(scores: ArrayLike<number>, temperature: number): Float64Array {
  let highest = -Infinity;
  for (let k = 0; k < scores.length; k += 1) highest = Math.max(highest, scores[k] / temperature);
  const exps = Float64Array.from({ length: scores.length }, (_, k) => Math.exp(scores[k] / temperature - highest));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return exps.map((value) => value / total);
}
