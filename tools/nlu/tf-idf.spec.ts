import { fitVocabulary, vectorise } from './tf-idf';

const documents = [
  new Map([
    ['噪音', 2],
    ['扰民', 1],
  ]),
  new Map([['噪音', 1]]),
  new Map([['工资', 1]]),
];

describe('TF-IDF', () => {
  it('keeps features found in enough documents, with smooth idf', () => {
    const vocabulary = fitVocabulary(documents, { minDocumentFrequency: 1 });
    expect(vocabulary.features).toEqual(['噪音', '工资', '扰民']);
    expect(vocabulary.idf[0]).toBeCloseTo(Math.log(4 / 3) + 1, 6);
    expect(vocabulary.idf[1]).toBeCloseTo(Math.log(4 / 2) + 1, 6);
    expect(fitVocabulary(documents, { minDocumentFrequency: 2 }).features).toEqual(['噪音']);
  });

  it('weighs a feature group with weightOf', () => {
    const vocabulary = fitVocabulary(documents, { minDocumentFrequency: 1, weightOf: (f) => (f === '工资' ? 2 : 1) });
    expect(vocabulary.idf[1]).toBeCloseTo(2 * (Math.log(2) + 1), 5);
  });

  it('vectorises with sublinear or raw term frequency, L2-normalised, ignoring unknown features', () => {
    const vocabulary = fitVocabulary(documents, { minDocumentFrequency: 1 });
    const counts = new Map([
      ['噪音', 2],
      ['天气', 3],
    ]);
    const sublinear = vectorise(counts, vocabulary);
    expect(Array.from(sublinear.indices)).toEqual([0]);
    expect(sublinear.values[0]).toBeCloseTo(1, 6);
    const mixed = vectorise(
      new Map([
        ['噪音', 2],
        ['工资', 1],
      ]),
      vocabulary,
      'raw',
    );
    const norm = Math.hypot(2 * vocabulary.idf[0], vocabulary.idf[1]);
    expect(mixed.values[0]).toBeCloseTo((2 * vocabulary.idf[0]) / norm, 6);
    expect(vectorise(new Map(), vocabulary).indices.length).toBe(0);
  });
});
