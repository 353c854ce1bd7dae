import { DEFAULT_TERM_FREQUENCY, toJiebaDictionary } from './government-terms';

describe('the government-terms file in jieba format', () => {
  it('gives every term a frequency and a tag, and keeps a frequency given', () => {
    expect(toJiebaDictionary('公租房\n积分落户 500\n')).toBe(`公租房 ${DEFAULT_TERM_FREQUENCY} n\n积分落户 500 n`);
  });

  it('skips comments and blank lines', () => {
    expect(toJiebaDictionary('# 住房\n\n  公租房  \n')).toBe(`公租房 ${DEFAULT_TERM_FREQUENCY} n`);
  });
});
