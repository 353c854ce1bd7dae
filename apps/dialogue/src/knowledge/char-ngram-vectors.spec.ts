import { CharNgramVectors, characterNgrams } from './char-ngram-vectors';

describe('character n-grams', () => {
  it('gives the characters and character pairs of each run, never across punctuation or spaces', () => {
    expect(characterNgrams('租房子')).toEqual(['租', '房', '子', '租房', '房子']);
    expect(characterNgrams('低保，怎么办')).toEqual(['低', '保', '低保', '怎', '么', '办', '怎么', '么办']);
    expect(characterNgrams('低保 申请', 2, 2)).toEqual(['低保', '申请']);
  });

  it('reads full-width and upper-case input as the same text', () => {
    expect(characterNgrams('ＡＰＰ')).toEqual(characterNgrams('app'));
  });

  it('has nothing to say about punctuation, symbols or empty text', () => {
    expect(characterNgrams('')).toEqual([]);
    expect(characterNgrams('？！…… 😊')).toEqual([]);
  });
});

describe('character n-gram vectors', () => {
  const vectors = new CharNgramVectors([
    '住房租金扣除 租房的每月扣除1500元',
    '最低生活保障 低保申请 家庭困难可以申请低保',
    '营业执照办理 开店要先办营业执照',
  ]);

  it('finds the document that shares characters with the question even when no word is the same', () => {
    const similarities = vectors.similarities('租房子能少交税吗');
    expect(similarities.get(0)).toBeGreaterThan(0);
    expect(similarities.get(1) ?? 0).toBeLessThan(similarities.get(0) ?? 0);
  });

  it('is a cosine: at most 1, and highest for the document that is the question', () => {
    const own = new CharNgramVectors(['低保申请', '营业执照']);
    expect(own.similarities('低保申请').get(0)).toBeCloseTo(1, 10);
    for (const similarity of vectors.similarities('家庭困难可以申请低保').values()) {
      expect(similarity).toBeLessThanOrEqual(1);
    }
  });

  it('scores low a question about something the documents never mention, even if it shares a character', () => {
    const stray = vectors.similarities('明天下雨要带伞吗');
    expect(Math.max(0, ...stray.values())).toBeLessThan(0.1);
    const onTopic = vectors.similarities('低保怎么申请');
    expect(onTopic.get(1)).toBeGreaterThan(0.3);
  });

  it('returns nothing for a text without characters that mean anything', () => {
    expect(vectors.similarities('？？？').size).toBe(0);
    expect(new CharNgramVectors([]).similarities('低保').size).toBe(0);
  });
});
