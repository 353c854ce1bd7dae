import { isWordToken, meaningfulCharacters, normaliseText } from './text-normaliser';

describe('normalising a citizen message', () => {
  it('makes full-width letters, digits and punctuation half-width and Latin lower case', () => {
    expect(normaliseText('ＡＢＣ１２３４５，Ｈｅｌｌｏ！')).toBe('abc12345,hello!');
  });

  it('collapses white space of every kind into single spaces and trims it', () => {
    expect(normaliseText('  转\u3000人工\n\t谢谢  ')).toBe('转 人工 谢谢');
  });

  it('leaves Chinese characters as they are', () => {
    expect(normaliseText('专项附加扣除')).toBe('专项附加扣除');
  });
});

describe('what counts as a word', () => {
  it('refuses punctuation, symbols, emoji and spaces', () => {
    expect(['，', '。', '!', '😀', ' ', '……', '¥'].filter(isWordToken)).toEqual([]);
  });

  it('accepts Chinese, Latin, digits and Uyghur', () => {
    expect(['低保', 'app', '12345', 'ياخشىمۇسىز'].every(isWordToken)).toBe(true);
  });

  it('keeps only meaningful characters of a text', () => {
    expect(meaningfulCharacters('工单号：GD-001，谢谢！😀')).toBe('工单号GD001谢谢');
  });
});
