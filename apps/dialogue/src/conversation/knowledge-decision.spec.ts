import { aPolicyVersion } from '../../../../test/builders/knowledge.builder';
import { KnowledgeMatch } from '../knowledge/knowledge-index';
import { decide, pickOffered } from './knowledge-decision';

const match = (itemId: string, score: number): KnowledgeMatch => ({
  unit: { itemId, kind: 'policy', version: aPolicyVersion(), part: { type: 'overview' } },
  score,
  coverage: score,
  similarity: score / 3,
});

describe('deciding what to do with the matches', () => {
  it('answers a clear, good match', () => {
    expect(decide([match('a', 0.8), match('b', 0.4)])).toEqual({ type: 'answer', match: match('a', 0.8) });
    expect(decide([match('a', 0.8)]).type).toBe('answer');
    expect(decide([match('a', 0.8), match('b', 0.2)]).type).toBe('answer');
  });

  it('asks which one when two items fit about as well', () => {
    const decision = decide([match('a', 0.8), match('b', 0.7), match('c', 0.1)]);
    expect(decision).toEqual({ type: 'clarify', candidates: [match('a', 0.8), match('b', 0.7)] });
  });

  it('asks when the best match fits too loosely to answer it', () => {
    expect(decide([match('a', 0.45)])).toEqual({ type: 'clarify', candidates: [match('a', 0.45)] });
  });

  it('is honest when nothing fits', () => {
    expect(decide([])).toEqual({ type: 'not_sure' });
    expect(decide([match('a', 0.2), match('b', 0.1)])).toEqual({ type: 'not_sure' });
  });
});

describe('picking from what was offered', () => {
  const offered = [{ title: '公租房申请' }, { title: '低保申请' }];

  it('understands a number or the title', () => {
    expect(pickOffered('2', offered)).toBe(offered[1]);
    expect(pickOffered('第一个', offered)).toBe(offered[0]);
    expect(pickOffered('低保申请', offered)).toBe(offered[1]);
  });

  it('picks nothing from anything else', () => {
    expect(pickOffered('3', offered)).toBeUndefined();
    expect(pickOffered('公租房申请条件是什么', offered)).toBeUndefined();
    expect(pickOffered('1', [])).toBeUndefined();
  });
});
