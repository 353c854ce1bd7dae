import { softmax } from '../../apps/dialogue/src/nlu/classifier/linear-text-model';
import { accuracyAtThreshold, calibrationReport, fitTemperature } from './calibration';
import { seededRandom } from './linear-svm';

/** Labels drawn from softmax(scores / 2): the temperature that fits them best is 2. */
function drawnAtTemperature(temperature: number, count: number): { scores: Float64Array[]; labels: number[] } {
  const random = seededRandom(9);
  const scores: Float64Array[] = [];
  const labels: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const row = Float64Array.from([random() * 6, random() * 6, random() * 6]);
    const probabilities = softmax(row, temperature);
    const draw = random();
    labels.push(draw < probabilities[0] ? 0 : draw < probabilities[0] + probabilities[1] ? 1 : 2);
    scores.push(row);
  }
  return { scores, labels };
}

describe('temperature scaling', () => {
  it('recovers the temperature the labels were drawn at', () => {
    const { scores, labels } = drawnAtTemperature(2, 4000);
    expect(fitTemperature(scores, labels)).toBeGreaterThan(1.8);
    expect(fitTemperature(scores, labels)).toBeLessThan(2.2);
  });

  it('leaves a calibrated model with a small expected calibration error, an overconfident one with a large one', () => {
    const { scores, labels } = drawnAtTemperature(2, 4000);
    const calibrated = calibrationReport(
      scores.map((row) => softmax(row, 2)),
      labels,
    );
    const overconfident = calibrationReport(
      scores.map((row) => softmax(row, 0.3)),
      labels,
    );
    expect(calibrated.ece).toBeLessThan(0.03);
    expect(overconfident.ece).toBeGreaterThan(0.1);
  });
});

describe('accuracy at a confidence threshold', () => {
  it('counts only the messages at or above it', () => {
    const probabilities = [
      [0.9, 0.1],
      [0.6, 0.4],
      [0.45, 0.55],
    ];
    expect(accuracyAtThreshold(probabilities, [0, 1, 1], 0.6)).toEqual({ coverage: 2 / 3, accuracy: 0.5 });
    expect(accuracyAtThreshold(probabilities, [0, 1, 1], 0.95)).toEqual({ coverage: 0, accuracy: 0 });
  });
});
