import {
  decodeInt16,
  decodeUint16,
  encodeInt16,
  encodeUint16,
  loadFeatureOptions,
  storeFeatureOptions,
} from './model-file';

describe('the packed numbers of a model file', () => {
  it('round-trips 16-bit integers through base64', () => {
    expect(Array.from(decodeInt16(encodeInt16([-32767, -1, 0, 1, 32767])))).toEqual([-32767, -1, 0, 1, 32767]);
    expect(Array.from(decodeUint16(encodeUint16([0, 1, 65535])))).toEqual([0, 1, 65535]);
  });
});

describe('feature options in a model file', () => {
  it('stores cue patterns as source and flags and compiles them back', () => {
    const options = {
      charNgramMax: 3,
      wordBigrams: true,
      dropStopWords: false,
      foldDigits: true,
      leadCharacters: 0,
      cues: [{ name: 'person', pattern: /(人工|human)/iu }],
    };
    const stored = storeFeatureOptions(options);
    expect(stored.cues).toEqual([{ name: 'person', pattern: '(人工|human)', flags: 'iu' }]);
    const loaded = loadFeatureOptions(stored);
    expect(loaded.cues[0].pattern.test('HUMAN please')).toBe(true);
    expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
  });
});
