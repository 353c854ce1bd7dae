import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { decide } from '../../apps/dialogue/src/conversation/knowledge-decision';
import { KnowledgeIndex } from '../../apps/dialogue/src/knowledge/knowledge-index';
import { readKnowledgeFiles } from '../../apps/dialogue/src/knowledge/load-knowledge-files';
import { Segmenter } from '../../apps/dialogue/src/nlu/segmentation/segmenter';

/**
 * How well the demo knowledge base answers questions we wrote (test/fixtures/retrieval-questions.yaml), with the
 * real segmenter and the thresholds the assistant uses. The floors are what a working retrieval reaches today; a
 * broken index, segmenter or threshold falls below them.
 */
const root = join(__dirname, '..', '..');
const Questions = z.object({ questions: z.array(z.object({ text: z.string(), item: z.string() })) });
const { questions } = Questions.parse(
  parse(readFileSync(join(root, 'test/fixtures/retrieval-questions.yaml'), 'utf8')),
);
const segmenter = Segmenter.load();
const index = new KnowledgeIndex(readKnowledgeFiles(join(root, 'demo/knowledge')), (text) => segmenter.tokens(text));
const context = { date: '2026-11-26', regionCode: '440106' };

const results = questions.map((question) => ({ ...question, decision: decide(index.search(question.text, context)) }));
const known = results.filter((result) => result.item !== 'none');
const unknown = results.filter((result) => result.item === 'none');
const answeredRight = known.filter((r) => r.decision.type === 'answer' && r.decision.match.unit.itemId === r.item);
const answeredWrong = results.filter((r) => r.decision.type === 'answer' && r.decision.match.unit.itemId !== r.item);
const offeredRight = known.filter(
  (r) => r.decision.type === 'clarify' && r.decision.candidates.some((candidate) => candidate.unit.itemId === r.item),
);

describe('retrieval over the demo knowledge base', () => {
  it('answers most known questions with the right item, or offers it among the choices', () => {
    expect(answeredRight.length / known.length).toBeGreaterThanOrEqual(0.75);
    expect((answeredRight.length + offeredRight.length) / known.length).toBeGreaterThanOrEqual(0.9);
  });

  it('almost never answers with the wrong item, and never answers what the base does not know', () => {
    expect(answeredWrong.filter((result) => result.item !== 'none').length / known.length).toBeLessThanOrEqual(0.05);
    expect(unknown.filter((result) => result.decision.type === 'answer').map((result) => result.text)).toEqual([]);
  });
});
