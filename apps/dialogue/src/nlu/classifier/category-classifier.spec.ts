import { CategoryClassifier } from './category-classifier';
import { LinearTextModel } from './linear-text-model';
import { encodeInt16, encodeUint16, MODEL_FORMAT, ModelFile } from './model-file';
import { TextClassifier } from './text-classifier';

function classifierWith(labels: string[]): TextClassifier {
  const file = ModelFile.parse({
    format: MODEL_FORMAT,
    name: 'tiny-categories',
    labels,
    features: { charNgramMax: 1, wordBigrams: false, dropStopWords: true, foldDigits: false, leadCharacters: 0 },
    vocabulary: ' 工资\n 噪音',
    idfScale: 1 / 4096,
    idf: encodeUint16([4096, 4096]),
    weightScale: 1 / 1000,
    weights: encodeInt16([2000, -2000, -2000, 2000]),
    bias: [0, 0],
    temperature: 1,
  });
  return new TextClassifier(LinearTextModel.fromFile(file), (text) => text.split(' ').filter((word) => word !== ''));
}

describe('reading the department category of a complaint', () => {
  it('names the category with its confidence and the probability of each', () => {
    const reading = new CategoryClassifier(classifierWith(['劳动和社会保障', '环境保护'])).classify(
      '拖欠 工资 的 问题',
    );
    expect(reading.category).toBe('劳动和社会保障');
    expect(reading.confidence).toBeCloseTo(1 / (1 + Math.exp(-4)), 10);
    expect(Object.keys(reading.scores)).toEqual(['劳动和社会保障', '环境保护']);
  });

  it('refuses a model whose labels are not categories', () => {
    expect(() => new CategoryClassifier(classifierWith(['劳动和社会保障', 'greeting']))).toThrow(/greeting/);
  });
});
