import { softmax } from '../../apps/dialogue/src/nlu/classifier/linear-text-model';
import { argmax } from './metrics';

/** Mean negative log-likelihood of the true labels under softmax(scores / temperature). */
export function negativeLogLikelihood(
  scores: readonly Float64Array[],
  labels: ArrayLike<number>,
  temperature: number,
): number {
  let total = 0;
  scores.forEach((row, i) => {
    total -= Math.log(Math.max(softmax(row, temperature)[labels[i]], 1e-300));
  });
  return total / Math.max(scores.length, 1);
}

/**
 * Temperature scaling (Guo et al. 2017): the one number T that makes softmax(scores / T) fit held-back labels best.
 * It changes no prediction, only how sure each one claims to be. Golden-section search on log T.
 */
export function fitTemperature(scores: readonly Float64Array[], labels: ArrayLike<number>): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let low = Math.log(0.01);
  let high = Math.log(100);
  const loss = (logT: number): number => negativeLogLikelihood(scores, labels, Math.exp(logT));
  let a = high - ratio * (high - low);
  let b = low + ratio * (high - low);
  let lossA = loss(a);
  let lossB = loss(b);
  for (let iteration = 0; iteration < 60; iteration += 1) {
    if (lossA < lossB) {
      high = b;
      b = a;
      lossB = lossA;
      a = high - ratio * (high - low);
      lossA = loss(a);
    } else {
      low = a;
      a = b;
      lossA = lossB;
      b = low + ratio * (high - low);
      lossB = loss(b);
    }
  }
  return Math.exp((low + high) / 2);
}

export interface CalibrationReport {
  /** Expected calibration error over equal-width confidence bins: Σ (n_b / n) |accuracy_b − confidence_b|. */
  ece: number;
  bins: Array<{ from: number; to: number; count: number; accuracy: number; confidence: number }>;
}

export function calibrationReport(
  probabilities: readonly ArrayLike<number>[],
  labels: ArrayLike<number>,
  binCount = 10,
): CalibrationReport {
  const bins = Array.from({ length: binCount }, (_, b) => ({
    from: b / binCount,
    to: (b + 1) / binCount,
    count: 0,
    correct: 0,
    confidenceSum: 0,
  }));
  probabilities.forEach((row, i) => {
    const best = argmax(row);
    const bin = bins[Math.min(Math.floor(row[best] * binCount), binCount - 1)];
    bin.count += 1;
    bin.confidenceSum += row[best];
    if (best === labels[i]) bin.correct += 1;
  });
  const total = Math.max(probabilities.length, 1);
  return {
    ece: bins.reduce(
      (sum, bin) => sum + ((bin.count / total) * Math.abs(bin.correct - bin.confidenceSum)) / Math.max(bin.count, 1),
      0,
    ),
    bins: bins.map((bin) => ({
      from: bin.from,
      to: bin.to,
      count: bin.count,
      accuracy: bin.count > 0 ? bin.correct / bin.count : 0,
      confidence: bin.count > 0 ? bin.confidenceSum / bin.count : 0,
    })),
  };
}

/** Accuracy over the messages at or above a confidence, and the share of messages that is. */
export function accuracyAtThreshold(
  probabilities: readonly ArrayLike<number>[],
  labels: ArrayLike<number>,
  threshold: number,
): { coverage: number; accuracy: number } {
  let kept = 0;
  let correct = 0;
  probabilities.forEach((row, i) => {
    const best = argmax(row);
    if (row[best] < threshold) return;
    kept += 1;
    if (best === labels[i]) correct += 1;
  });
  return { coverage: kept / Math.max(probabilities.length, 1), accuracy: kept > 0 ? correct / kept : 0 };
}
