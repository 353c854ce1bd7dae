import { createHash } from 'node:crypto';
import type { LabelledMessage, TitledMessage } from './competition-data';

/** A stable bucket 0–99 for a key: the same key always lands in the same bucket, on any machine. */
export function stableBucket(key: string, salt = ''): number {
  return createHash('sha1').update(`${salt}${key}`).digest().readUInt32BE(0) % 100;
}

function shingles(text: string, size: number): Set<string> {
  const found = new Set<string>();
  for (let start = 0; start + size <= text.length; start += 1) found.add(text.slice(start, start + size));
  return found;
}

/**
 * Groups of near-identical messages (the same complaint posted twice, a title reworded): character 4-gram Jaccard
 * ≥ 0.5. A group goes to one side of a split as a whole, or the held-out figure would measure memory, not
 * understanding. Returns, for each message, the smallest id of its group.
 */
export function nearDuplicateGroups(messages: readonly LabelledMessage[], threshold = 0.5): Map<string, string> {
  const sets = messages.map((message) => shingles(message.text, 4));
  const postings = invertedIndex(sets);
  const parent = messages.map((_, doc) => doc);
  const root = (doc: number): number => (parent[doc] === doc ? doc : (parent[doc] = root(parent[doc])));
  sets.forEach((set, doc) => {
    const shared = new Map<number, number>();
    for (const gram of set) {
      const docs = postings.get(gram) ?? [];
      // Grams found in many messages (地址, 领导您好) say nothing about duplication and cost the most.
      if (docs.length > 50) continue;
      for (const other of docs) if (other > doc) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    for (const [other, common] of shared) {
      if (common / (set.size + sets[other].size - common) >= threshold) parent[root(doc)] = root(other);
    }
  });
  const smallestId = new Map<number, string>();
  messages.forEach((message, doc) => {
    const group = root(doc);
    const current = smallestId.get(group);
    if (current === undefined || message.id < current) smallestId.set(group, message.id);
  });
  return new Map(messages.map((message, doc) => [message.id, smallestId.get(root(doc)) ?? message.id]));
}

/** Where a reply-data title came from: the labelled message whose text it matches, and how closely. */
export interface TitleMatch {
  title: TitledMessage;
  messageId: string;
  containment: number;
}

/**
 * Finds the labelled message behind each reply-data message: the share of the labelled text's character trigrams
 * found in the raw message. Its stop words are gone, so even a true match stays below 1; true matches score
 * ≥ 0.4 and others < 0.3 (checked by reading the borderline pairs).
 */
export function matchTitles(titles: readonly TitledMessage[], messages: readonly LabelledMessage[]): TitleMatch[] {
  const sets = messages.map((message) => shingles(message.text, 3));
  const postings = invertedIndex(sets);
  return titles.map((title) => {
    const raw = title.message.replace(/[\s\p{P}\p{S}]/gu, '');
    const shared = new Map<number, number>();
    for (const gram of shingles(raw, 3)) {
      const docs = postings.get(gram) ?? [];
      if (docs.length > 100) continue;
      for (const doc of docs) shared.set(doc, (shared.get(doc) ?? 0) + 1);
    }
    let best = -1;
    let containment = 0;
    for (const [doc, common] of shared) {
      const score = common / sets[doc].size;
      if (score > containment) [best, containment] = [doc, score];
    }
    return { title, messageId: best >= 0 ? messages[best].id : '', containment };
  });
}

function invertedIndex(sets: readonly Set<string>[]): Map<string, number[]> {
  const postings = new Map<string, number[]>();
  sets.forEach((set, doc) => {
    for (const gram of set) {
      const docs = postings.get(gram);
      if (docs === undefined) postings.set(gram, [doc]);
      else docs.push(doc);
    }
  });
  return postings;
}

export const TRUE_MATCH = 0.4;

export interface CategorySplit {
  /** Never trained or tuned on; the figures we report. */
  heldOut: LabelledMessage[];
  /** Tuning and calibration. */
  validation: LabelledMessage[];
  train: LabelledMessage[];
  /** Real titles of held-out messages, with the held-out label: chat-length evaluation. */
  heldOutTitles: Array<{ text: string; label: string; id: string }>;
}

export const HELD_OUT_PERCENT = 20;
export const VALIDATION_PERCENT = 20;

/**
 * The held-out split: a near-duplicate group is held out when the sha1 bucket of its smallest id is < 20, and so
 * is every message the reply data gives a real title for (about 110), so that titles can be evaluated on messages
 * no model has seen. Validation is a second hash (another salt) over the rest.
 */
export function splitCategoryData(
  messages: readonly LabelledMessage[],
  titles: readonly TitledMessage[],
): CategorySplit {
  const groups = nearDuplicateGroups(messages);
  const matches = matchTitles(titles, messages);
  const titled = new Set(matches.filter((match) => match.containment >= TRUE_MATCH).map((match) => match.messageId));
  const groupOf = (id: string): string => groups.get(id) ?? id;
  const titledGroups = new Set([...titled].map(groupOf));
  const isHeldOut = (id: string): boolean =>
    stableBucket(groupOf(id)) < HELD_OUT_PERCENT || titledGroups.has(groupOf(id));
  const heldOut = messages.filter((message) => isHeldOut(message.id));
  const rest = messages.filter((message) => !isHeldOut(message.id));
  const isValidation = (id: string): boolean => stableBucket(groupOf(id), 'validation:') < VALIDATION_PERCENT;
  const byId = new Map(messages.map((message) => [message.id, message]));
  const heldOutTitles: CategorySplit['heldOutTitles'] = [];
  for (const match of matches) {
    const message = byId.get(match.messageId);
    if (message !== undefined && match.containment >= TRUE_MATCH) {
      // Every titled message is held out (above), so every matched title is a held-out title.
      heldOutTitles.push({ text: match.title.query, label: message.label, id: match.title.id });
    }
  }
  return {
    heldOut,
    validation: rest.filter((message) => isValidation(message.id)),
    train: rest.filter((message) => !isValidation(message.id)),
    heldOutTitles,
  };
}
