import { argmax, report } from './metrics';

describe('classification report', () => {
  it('gives accuracy, per-class precision, recall and F1, and their macro average', () => {
    const result = report(['a', 'b', 'c'], [0, 0, 1, 1, 2], [0, 1, 1, 1, 0]);
    expect(result.accuracy).toBeCloseTo(3 / 5, 12);
    const [a, b, c] = result.perClass;
    expect([a.precision, a.recall, a.f1]).toEqual([0.5, 0.5, 0.5]);
    expect(b.precision).toBeCloseTo(2 / 3, 12);
    expect(b.recall).toBe(1);
    expect(c.f1).toBe(0);
    expect(result.macroF1).toBeCloseTo((0.5 + 0.8 + 0) / 3, 12);
  });

  it('leaves classes with no example out of the macro average', () => {
    expect(report(['a', 'b'], [0, 0], [0, 0]).macroF1).toBe(1);
  });

  it('takes the first of equal scores as the best', () => {
    expect(argmax([1, 3, 3])).toBe(1);
  });
});
