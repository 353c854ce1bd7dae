import { LinearTextModel } from '../../apps/dialogue/src/nlu/classifier/linear-text-model';
import { ModelFile } from '../../apps/dialogue/src/nlu/classifier/model-file';
import { extractFeatures } from '../../apps/dialogue/src/nlu/classifier/text-features';
import { scoreText, trainClassifier, type Recipe } from './classifier-training';
import { toModelFile } from './model-export';

const bySpaces = (text: string): string[] => text.split(' ').filter((word) => word !== '');

const recipe: Recipe = {
  features: {
    charNgramMax: 2,
    wordBigrams: true,
    dropStopWords: false,
    foldDigits: false,
    leadCharacters: 2,
    cues: [{ name: 'person', pattern: /人工/u }],
  },
  minDocumentFrequency: 1,
  svm: { C: 1 },
  classBalance: 0.5,
};

const examples = [
  { text: '楼下 工地 噪音 扰民', label: 'noise' },
  { text: '晚上 装修 噪音 太 大', label: 'noise' },
  { text: '公司 拖欠 工资', label: 'wages' },
  { text: '老板 不 发 工资 转 人工', label: 'wages' },
  { text: '工资 拖欠 三 个 月', label: 'wages', weight: 0.5 },
];

describe('exporting a trained classifier', () => {
  const trained = trainClassifier(examples, ['noise', 'wages'], recipe, bySpaces);
  const file = ModelFile.parse(JSON.parse(JSON.stringify(toModelFile('toy', trained, 0.5, { note: 'spec' }))));
  const served = LinearTextModel.fromFile(file);

  it('scores in serving as it scored in training, to within the 16-bit packing', () => {
    for (const text of ['噪音 扰民', '拖欠 工资 转 人工', '你好', '']) {
      const expected = scoreText(trained, text, bySpaces);
      const actual = served.scores(extractFeatures(text, bySpaces, served.features));
      expected.forEach((score, k) => expect(actual[k]).toBeCloseTo(score, 3));
    }
  });

  it('tells the classes apart', () => {
    expect(served.probabilities(extractFeatures('噪音 扰民', bySpaces, served.features))[0]).toBeGreaterThan(0.8);
    expect(served.probabilities(extractFeatures('拖欠 工资', bySpaces, served.features))[1]).toBeGreaterThan(0.8);
  });

  it('keeps its labels, temperature and feature options, cues included', () => {
    expect(served.labels).toEqual(['noise', 'wages']);
    expect(served.temperature).toBe(0.5);
    expect(served.features.cues.map((cue) => cue.name)).toEqual(['person']);
    expect(served.features.leadCharacters).toBe(2);
  });
});
