import { readFileSync } from 'node:fs';
import { GOVERNMENT_TERMS_FILE, Segmenter } from './segmenter';

const segmenter = Segmenter.load();

describe('segmenting with the government-terms dictionary', () => {
  it('keeps policy and service names whole', () => {
    expect(segmenter.tokens('我想问一下专项附加扣除和积分落户，还有新生儿落户要什么材料')).toEqual(
      expect.arrayContaining(['专项附加扣除', '积分落户', '新生儿落户']),
    );
    expect(segmenter.tokens('二手房过户和灵活就业人员参保怎么办')).toEqual(
      expect.arrayContaining(['二手房过户', '灵活就业人员参保']),
    );
  });

  it('returns normalised words without punctuation, spaces or emoji', () => {
    expect(segmenter.tokens('ＡＢＣ， Hello World!! 😀 拨打１２３４５')).toEqual([
      'abc',
      'hello',
      'world',
      '拨打',
      '12345',
    ]);
  });

  it('has nothing to say about an empty or emoji-only message', () => {
    expect(segmenter.tokens('')).toEqual([]);
    expect(segmenter.tokens('😀😀 ！！')).toEqual([]);
  });

  it('ships several hundred terms, none twice', () => {
    const terms = readFileSync(GOVERNMENT_TERMS_FILE, 'utf8')
      .split('\n')
      .map((line) => line.trim().split(/\s+/u)[0])
      .filter((term) => term !== '' && !term.startsWith('#'));
    expect(terms.length).toBeGreaterThanOrEqual(400);
    expect(new Set(terms).size).toBe(terms.length);
  });
});
