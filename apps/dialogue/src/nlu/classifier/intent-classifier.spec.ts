import { IntentClassifier } from './intent-classifier';
import { LinearTextModel } from './linear-text-model';
import { encodeInt16, encodeUint16, MODEL_FORMAT, ModelFile } from './model-file';
import { TextClassifier } from './text-classifier';

/** " 人工" votes handoff strongly, " 你好" votes greeting weakly; anything else is a coin toss. */
function classifierWith(labels: string[]): TextClassifier {
  const file = ModelFile.parse({
    format: MODEL_FORMAT,
    name: 'tiny-intents',
    labels,
    features: { charNgramMax: 1, wordBigrams: false, dropStopWords: false, foldDigits: false, leadCharacters: 0 },
    vocabulary: ' 人工\n 你好',
    idfScale: 1 / 4096,
    idf: encodeUint16([4096, 4096]),
    weightScale: 1 / 1000,
    weights: encodeInt16([-3000, 3000, 300, -300]),
    bias: [0, 0],
    temperature: 1,
  });
  return new TextClassifier(LinearTextModel.fromFile(file), (text) => text.split(' ').filter((word) => word !== ''));
}

describe('reading the intent of a message', () => {
  const intents = new IntentClassifier(classifierWith(['greeting', 'handoff']), 0.7);

  it('answers with the best intent and its calibrated confidence', () => {
    const reading = intents.classify('转 人工');
    expect(reading.intent).toBe('handoff');
    expect(reading.confidence).toBeCloseTo(1 / (1 + Math.exp(-6)), 10);
    expect(reading.scores.greeting + reading.scores.handoff).toBeCloseTo(1, 12);
  });

  it('says unknown when no intent is sure enough, and still gives the confidence', () => {
    const reading = intents.classify('你好');
    expect(reading.intent).toBe('unknown');
    expect(reading.confidence).toBeCloseTo(1 / (1 + Math.exp(-0.6)), 6);
    expect(intents.classify('').intent).toBe('unknown');
  });

  it('refuses a model whose labels are not intents', () => {
    expect(() => new IntentClassifier(classifierWith(['greeting', '城乡建设']))).toThrow(/城乡建设/);
  });
});
