import { LinearTextModel, softmax } from './linear-text-model';
import { encodeInt16, encodeUint16, MODEL_FORMAT, ModelFile } from './model-file';

/** Two words, two labels: " 噪音" votes noise (+2 / −2), " 工资" votes wages; both idf 1. */
function tinyFile(overrides: Partial<ModelFile> = {}): ModelFile {
  return ModelFile.parse({
    format: MODEL_FORMAT,
    name: 'tiny',
    labels: ['noise', 'wages'],
    features: { charNgramMax: 1, wordBigrams: false, dropStopWords: false, foldDigits: false, leadCharacters: 0 },
    vocabulary: ' 噪音\n 工资',
    idfScale: 1 / 4096,
    idf: encodeUint16([4096, 4096]),
    weightScale: 1 / 1000,
    weights: encodeInt16([2000, -2000, -2000, 2000]),
    bias: [0.5, 0],
    temperature: 2,
    ...overrides,
  });
}

describe('scoring with a linear model', () => {
  const model = LinearTextModel.fromFile(tinyFile());

  it('adds the weights of the known features, L2-normalised, to the bias', () => {
    expect(Array.from(model.scores(new Map([[' 噪音', 1]])))).toEqual([2.5, -2]);
    // Two features of equal weight: each counts 1/√2.
    const both = model.scores(
      new Map([
        [' 噪音', 1],
        [' 工资', 1],
      ]),
    );
    expect(both[0]).toBeCloseTo(0.5, 10);
    expect(both[1]).toBeCloseTo(0, 10);
  });

  it('uses sublinear term frequency: a word said three times is not three times the evidence', () => {
    const once = model.scores(
      new Map([
        [' 噪音', 1],
        [' 工资', 1],
      ]),
    );
    const thrice = model.scores(
      new Map([
        [' 噪音', 3],
        [' 工资', 1],
      ]),
    );
    const weight = 1 + Math.log(3);
    expect(thrice[0]).toBeCloseTo(0.5 + (2 * weight - 2) / Math.sqrt(weight * weight + 1), 10);
    expect(thrice[0]).toBeGreaterThan(once[0]);
  });

  it('ignores features it does not know, and falls back to the bias with none', () => {
    expect(Array.from(model.scores(new Map([['天气', 5]])))).toEqual([0.5, 0]);
  });

  it('turns scores into probabilities with its temperature', () => {
    const probabilities = model.probabilities(new Map([[' 噪音', 1]]));
    expect(probabilities[0]).toBeCloseTo(1 / (1 + Math.exp(-4.5 / 2)), 10);
    expect(probabilities[0] + probabilities[1]).toBeCloseTo(1, 12);
  });

  it('refuses a file whose parts do not match in size', () => {
    expect(() => LinearTextModel.fromFile(tinyFile({ weights: encodeInt16([1, 2, 3]) }))).toThrow(/size/);
    expect(() => LinearTextModel.fromFile(tinyFile({ bias: [0] }))).toThrow(/bias/);
  });
});

describe('softmax', () => {
  it('is steadier with a higher temperature and safe with large scores', () => {
    expect(softmax([1000, 0], 1)[0]).toBeCloseTo(1, 12);
    expect(softmax([2, 0], 10)[0]).toBeLessThan(softmax([2, 0], 1)[0]);
    expect(Array.from(softmax([3, 3, 3], 0.5))).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });
});
