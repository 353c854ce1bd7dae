import {
  aGuide,
  aGuideVersion,
  aPolicy,
  aPolicyVersion,
  characterGrams,
} from '../../../../test/builders/knowledge.builder';
import { KnowledgeIndex, matchScore } from './knowledge-index';

const deductions = aPolicy(
  'iit-deductions',
  aPolicyVersion({
    version: '2019',
    effectiveFrom: '2019-01-01',
    effectiveUntil: '2022-12-31',
    summary: '子女教育每个孩子每月扣除1000元。',
    qa: [{ question: '赡养老人能扣多少', alternatives: [], answer: '每月2000元。' }],
  }),
  aPolicyVersion({
    version: '2023',
    effectiveFrom: '2023-01-01',
    summary: '子女教育每个孩子每月扣除2000元。',
    qa: [{ question: '赡养老人能扣多少', alternatives: ['父母的赡养费怎么抵个税'], answer: '每月3000元。' }],
  }),
);
const license = aGuide('business-license', aGuideVersion({ scope: ['440100'] }));
const index = new KnowledgeIndex([deductions, license], characterGrams);
const inGuangzhou = { date: '2026-11-26', regionCode: '440106' };

describe('searching the knowledge base', () => {
  it('answers with the version in force on the day asked', () => {
    const [now] = index.search('赡养老人能扣多少', inGuangzhou);
    expect(now.unit.version.version).toBe('2023');
    expect(now.unit.part).toEqual({ type: 'qa', index: 0 });
    const [then] = index.search('赡养老人能扣多少', { ...inGuangzhou, date: '2021-06-01' });
    expect(then.unit.version.version).toBe('2019');
    expect(index.search('赡养老人能扣多少', { ...inGuangzhou, date: '2018-06-01' })).toEqual([]);
  });

  it('finds a question asked in other words through its alternatives', () => {
    const [match] = index.search('父母赡养费能抵个税吗', inGuangzhou);
    expect(match.unit.itemId).toBe('iit-deductions');
  });

  it('keeps local guides to their region', () => {
    expect(index.search('营业执照怎么办', inGuangzhou)[0].unit.itemId).toBe('business-license');
    const inShanghai = index.search('营业执照怎么办', { ...inGuangzhou, regionCode: '310115' });
    expect(inShanghai.map((match) => match.unit.itemId)).not.toContain('business-license');
  });

  it('gives each item once, best part first, with a score near 1 for a full match and low for a stray word', () => {
    const matches = index.search('赡养老人能扣多少', inGuangzhou);
    expect(new Set(matches.map((match) => match.unit.itemId)).size).toBe(matches.length);
    expect(matches[0].coverage).toBeGreaterThan(0.8);
    expect(matches[0].score).toBeGreaterThan(0.8);
    const stray = index.search('今天天气怎么样，我想去公园', inGuangzhou);
    expect(stray.every((match) => match.score < 0.3)).toBe(true);
  });

  it('finds an item by the characters it shares with the question when no word matches', () => {
    const byWholeWords = new KnowledgeIndex([deductions, license], (text) => text.split(/\s+/u));
    const [match] = byWholeWords.search('赡养父母的钱能抵个税吗', inGuangzhou);
    expect(match.unit.itemId).toBe('iit-deductions');
    expect(match.coverage).toBe(0);
    expect(match.similarity).toBeGreaterThan(0);
    expect(match.unit.part).toEqual({ type: 'overview' });
  });

  it('combines the two signals into one score from 0 to 1, the characters weighing most', () => {
    expect(matchScore(0, 0)).toBe(0);
    expect(matchScore(2.5, 0.9)).toBe(1);
    expect(matchScore(1, 0)).toBeCloseTo(0.3);
    expect(matchScore(0, 1 / 3)).toBeCloseTo(0.7);
    expect(matchScore(0.5, 0.1)).toBeLessThan(matchScore(0.5, 0.2));
  });

  it('finds the version in force for an item', () => {
    expect(index.versionInForce('iit-deductions', inGuangzhou)?.version).toBe('2023');
    expect(index.versionInForce('business-license', { ...inGuangzhou, regionCode: '310115' })).toBeUndefined();
  });
});
