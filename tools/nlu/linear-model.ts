import type { SparseVector } from './tf-idf';

/** Weights feature-major (W[f·K + k]) and one bias per class, the layout the served model reads. */
export interface LinearModel {
  classes: number;
  features: number;
  weights: Float64Array;
  bias: Float64Array;
}

export function emptyModel(classes: number, features: number): LinearModel {
  return { classes, features, weights: new Float64Array(classes * features), bias: new Float64Array(classes) };
}

export function decisionScores(model: LinearModel, row: SparseVector): Float64Array {
  const scores = Float64Array.from(model.bias);
  for (let i = 0; i < row.indices.length; i += 1) {
    const offset = row.indices[i] * model.classes;
    const value = row.values[i];
    for (let k = 0; k < model.classes; k += 1) scores[k] += value * model.weights[offset + k];
  }
  return scores;
}
