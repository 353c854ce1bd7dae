import { decisionScores } from './linear-model';
import { seededRandom, trainLinearSvm } from './linear-svm';
import type { SparseVector } from './tf-idf';
import { argmax } from './metrics';

/** Three classes, each marked by its own feature plus a shared noisy one. */
function toyData(count: number): { rows: SparseVector[]; labels: number[] } {
  const random = seededRandom(3);
  const rows: SparseVector[] = [];
  const labels: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const label = i % 3;
    const noise = 0.3 + random() * 0.3;
    const norm = Math.hypot(1, noise);
    rows.push({ indices: Int32Array.from([label, 3]), values: Float32Array.from([1 / norm, noise / norm]) });
    labels.push(label);
  }
  return { rows, labels };
}

describe('one-vs-rest linear SVM', () => {
  const { rows, labels } = toyData(60);

  it.each(['squared-hinge', 'hinge'] as const)('separates separable classes (%s loss)', (loss) => {
    const model = trainLinearSvm(rows, labels, 3, 4, { C: 1, loss });
    const predicted = rows.map((row) => argmax(decisionScores(model, row)));
    expect(predicted).toEqual(labels);
    // Each class's own feature carries positive weight for it and negative for the others.
    expect(model.weights[0 * 3 + 0]).toBeGreaterThan(0);
    expect(model.weights[0 * 3 + 1]).toBeLessThan(0);
  });

  it('is reproducible with the same seed', () => {
    const first = trainLinearSvm(rows, labels, 3, 4, { C: 1, seed: 5 });
    const second = trainLinearSvm(rows, labels, 3, 4, { C: 1, seed: 5 });
    expect(Array.from(first.weights)).toEqual(Array.from(second.weights));
  });

  it('lets a heavier class weight pull the boundary towards the other classes', () => {
    const ambiguous: SparseVector = {
      indices: Int32Array.from([0, 1]),
      values: Float32Array.from([Math.SQRT1_2, Math.SQRT1_2]),
    };
    const favourFirst = trainLinearSvm(rows, labels, 3, 4, { C: 0.05, classWeights: [10, 1, 1] });
    const favourSecond = trainLinearSvm(rows, labels, 3, 4, { C: 0.05, classWeights: [1, 10, 1] });
    expect(argmax(decisionScores(favourFirst, ambiguous))).toBe(0);
    expect(argmax(decisionScores(favourSecond, ambiguous))).toBe(1);
  });
});
