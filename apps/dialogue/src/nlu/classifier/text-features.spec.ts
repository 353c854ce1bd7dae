import { extractFeatures, type FeatureOptions } from './text-features';

// Words split on spaces: the features, not jieba, are under test here.
const bySpaces = (text: string): string[] => text.split(' ').filter((word) => word !== '');

const plain: FeatureOptions = {
  charNgramMax: 2,
  wordBigrams: false,
  dropStopWords: false,
  foldDigits: false,
  leadCharacters: 0,
  cues: [],
};

const keys = (counts: Map<string, number>): string[] => [...counts.keys()].sort();

describe('features of a text', () => {
  it('counts character n-grams over the words run together, and the words', () => {
    const counts = extractFeatures('噪音 噪音', bySpaces, plain);
    expect(Object.fromEntries(counts)).toEqual({ 噪: 2, 音: 2, 噪音: 2, 音噪: 1, ' 噪音': 2 });
  });

  it('adds word pairs when asked', () => {
    expect(keys(extractFeatures('拖欠 工资', bySpaces, { ...plain, charNgramMax: 1, wordBigrams: true }))).toEqual([
      ' 工资',
      ' 拖欠',
      ' 拖欠 工资',
      '工',
      '拖',
      '欠',
      '资',
    ]);
  });

  it('drops stop words before anything is counted', () => {
    const counts = extractFeatures('我们 的 路灯 坏 了', bySpaces, { ...plain, charNgramMax: 1, dropStopWords: true });
    expect(keys(counts)).toEqual([' 坏', ' 路灯', '坏', '灯', '路']);
  });

  it('folds digits so that numbers look alike', () => {
    const counts = extractFeatures('工单 GD2024', bySpaces, { ...plain, charNgramMax: 1, foldDigits: true });
    expect(counts.get(' GD0000')).toBe(1);
    expect(counts.get('0')).toBe(4);
  });

  it('counts the first characters once more, as lead features', () => {
    const counts = extractFeatures('物业 乱收费 小区', bySpaces, { ...plain, charNgramMax: 1, leadCharacters: 2 });
    expect([...counts.keys()].filter((key) => key.startsWith('^')).sort()).toEqual(['^ 物业', '^物', '^业'].sort());
  });

  it('marks the cues found in the normalised text', () => {
    const cues = [
      { name: 'person', pattern: /人工/u },
      { name: 'thanks', pattern: /谢谢|thank/u },
    ];
    const counts = extractFeatures('转 人工 ，THANK you', bySpaces, { ...plain, cues });
    expect(counts.get('#person')).toBe(1);
    expect(counts.get('#thanks')).toBe(1);
    expect(extractFeatures('你好', bySpaces, { ...plain, cues }).has('#person')).toBe(false);
  });

  it('handles characters outside the basic plane as single characters', () => {
    const counts = extractFeatures('𠀀好', bySpaces, { ...plain, charNgramMax: 1 });
    expect(counts.get('𠀀')).toBe(1);
    expect(counts.get('好')).toBe(1);
  });

  it('has no features for an empty text', () => {
    expect(extractFeatures('', bySpaces, { ...plain, wordBigrams: true, leadCharacters: 10 }).size).toBe(0);
  });
});
