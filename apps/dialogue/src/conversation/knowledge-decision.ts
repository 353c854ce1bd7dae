import { KnowledgeMatch } from '../knowledge/knowledge-index';

/**
 * What to do with what the knowledge base found: answer when one item clearly fits, ask which one when several
 * might, and say honestly that we are not sure when nothing fits well — never answer from a weak match.
 * The thresholds were chosen on test/fixtures/retrieval-questions.yaml and on the items' own questions left out of
 * the index (test/unit/retrieval-quality.test.ts); the held-out questions only measure them.
 */
export type KnowledgeDecision =
  { type: 'answer'; match: KnowledgeMatch } | { type: 'clarify'; candidates: KnowledgeMatch[] } | { type: 'not_sure' };

export const THRESHOLDS = {
  /** Score at or above which the best match may be answered. */
  answer: 0.525,
  /** How far ahead of the runner-up the best must be to be answered without asking. */
  lead: 1.25,
  /** Score at or above which a match is worth offering as a choice. */
  offer: 0.35,
};

/** `matches` best first, as KnowledgeIndex.search gives them. */
export function decide(matches: KnowledgeMatch[], thresholds = THRESHOLDS): KnowledgeDecision {
  const [best, second] = matches;
  if (!best || best.score < thresholds.offer) return { type: 'not_sure' };
  const isClear = !second || second.score < thresholds.offer || best.score >= second.score * thresholds.lead;
  if (best.score >= thresholds.answer && isClear) return { type: 'answer', match: best };
  return { type: 'clarify', candidates: matches.filter((match) => match.score >= thresholds.offer).slice(0, 3) };
}

/** The offered item the citizen picked: by its number (1, 第二个) or by its title. */
export function pickOffered<T extends { title: string }>(text: string, offered: T[]): T | undefined {
  const trimmed = text.trim().replace(/[。.！!？?]$/u, '');
  const ordinal = /^(?:第)?([1-9一二三四五六七八九])(?:个|项|条)?$/u.exec(trimmed)?.[1];
  if (ordinal) return offered[NUMERALS.indexOf(ordinal) % 9];
  return offered.find((item) => item.title === trimmed);
}

const NUMERALS = '123456789一二三四五六七八九';
