import { Fact } from './eligibility-rules';
import { readFactAnswer } from './read-fact-answer';

const household: Fact = { type: 'choice', question: '户籍？', options: ['本地户籍', '非本地户籍'] };
const ownsHome: Fact = { type: 'yes_no', question: '有房吗？' };
const years: Fact = { type: 'number', question: '几年？', unit: '年', min: 0, max: 60 };
const income: Fact = { type: 'number', question: '多少元？', unit: '元', min: 0, max: 1_000_000 };

describe('reading an answer to the question just asked', () => {
  it("reads a choice in the citizen's own words", () => {
    expect(readFactAnswer(household, '非本地户籍')).toBe('非本地户籍');
    expect(readFactAnswer(household, '我是外地户口')).toBe('非本地户籍');
    expect(readFactAnswer(household, '广州户口')).toBe('本地户籍');
    expect(readFactAnswer(household, '不是本地的')).toBe('非本地户籍');
    expect(readFactAnswer(household, '这个我不清楚')).toBeUndefined();
  });

  it('reads yes and no', () => {
    expect(readFactAnswer(ownsHome, '没有')).toBe(false);
    expect(readFactAnswer(ownsHome, '没有，一直租房')).toBe(false);
    expect(readFactAnswer(ownsHome, '有')).toBe(true);
    expect(readFactAnswer(ownsHome, '不知道')).toBeUndefined();
  });

  it("reads numbers written any way, within the fact's range", () => {
    expect(readFactAnswer(years, '3年')).toBe(3);
    expect(readFactAnswer(years, '交了五年了')).toBe(5);
    expect(readFactAnswer(income, '四千五')).toBe(4500);
    expect(readFactAnswer(income, '大概1.2万')).toBe(12000);
    expect(readFactAnswer(years, '100年')).toBeUndefined();
    expect(readFactAnswer(income, '不方便说')).toBeUndefined();
  });
});
