import { regionContains } from '@libs/common/regions/region-code';
import { Bm25Index } from './bm25';
import { CharNgramVectors } from './char-ngram-vectors';
import { GuideVersion, KnowledgeFile, PolicyVersion } from './knowledge-file';

export type KnowledgeVersion = PolicyVersion | GuideVersion;

/** What a search can find: a version's overview, or one of its questions and answers. */
export interface KnowledgeUnit {
  itemId: string;
  kind: KnowledgeFile['kind'];
  version: KnowledgeVersion;
  part: { type: 'overview' } | { type: 'qa'; index: number };
}

export interface KnowledgeMatch {
  unit: KnowledgeUnit;
  /** How well the item fits the question, from 0 to 1: `coverage` and `similarity` combined (`matchScore`). */
  score: number;
  /** BM25 of the best part against the best the query could reach: about the share of its words' weight matched. */
  coverage: number;
  /** Character n-gram cosine of the question with everything the version's parts say (title, summary, questions). */
  similarity: number;
}

/**
 * One score from the two signals. The character signal carries most of the weight: measured on our questions and on
 * the items' own questions left out of the index one at a time (docs/nlu.md, "Retrieval"), it ranks the right item
 * first more often than BM25 and keeps questions the base cannot answer lower. A cosine of 1/3 already counts as
 * a full match (a whole version's text is far longer than a question). Weights chosen on those sets, never on
 * test/fixtures/retrieval-questions.heldout.yaml.
 */
export function matchScore(coverage: number, similarity: number): number {
  return 0.3 * Math.min(1, coverage) + 0.7 * Math.min(1, 3 * similarity);
}

/** Where and when the question is asked: only versions in force on that day, for that region, can answer. */
export interface SearchContext {
  date: string;
  regionCode: string;
}

export function isInForce(version: { effectiveFrom: string; effectiveUntil?: string }, date: string): boolean {
  return version.effectiveFrom <= date && (!version.effectiveUntil || date <= version.effectiveUntil);
}

export function appliesTo(version: { scope: KnowledgeVersion['scope'] }, regionCode: string): boolean {
  return version.scope === 'national' || version.scope.some((code) => regionContains(code, regionCode));
}

/**
 * BM25 over every version's overview and every question-and-answer, and character n-gram vectors of each version as
 * a whole. All versions are indexed; the date and region filter at search time, so the version in force today
 * answers, and tomorrow's takes over on its first day.
 */
export class KnowledgeIndex {
  private readonly units: KnowledgeUnit[] = [];
  private readonly bm25: Bm25Index;
  /** One document per version: the texts of all its parts. */
  private readonly versions: Array<{ overview: number }> = [];
  private readonly characters: CharNgramVectors;

  constructor(
    readonly files: KnowledgeFile[],
    private readonly tokenize: (text: string) => string[],
  ) {
    const documents: string[][] = [];
    const versionTexts: string[] = [];
    for (const file of files) {
      for (const version of file.versions) {
        const context = [version.title, version.title, ...version.keywords].join(' ');
        const texts = [[context, version.summary, ...guideHeadings(version)].join(' ')];
        this.versions.push({ overview: this.units.length });
        this.units.push({ itemId: file.id, kind: file.kind, version, part: { type: 'overview' } });
        version.qa.forEach((qa, index) => {
          this.units.push({ itemId: file.id, kind: file.kind, version, part: { type: 'qa', index } });
          texts.push([context, qa.question, qa.question, ...qa.alternatives].join(' '));
        });
        documents.push(...texts.map(tokenize));
        versionTexts.push(texts.join(' '));
      }
    }
    this.bm25 = new Bm25Index(documents);
    this.characters = new CharNgramVectors(versionTexts);
  }

  /**
   * The best match of each item, best first. The part answered is the item's best by BM25 (its overview when no part
   * shares a word with the question).
   */
  search(text: string, context: SearchContext, limit = 3): KnowledgeMatch[] {
    const accept = (doc: number) => {
      const { version } = this.units[doc];
      return isInForce(version, context.date) && appliesTo(version, context.regionCode);
    };
    const query = this.tokenize(text);
    const ceiling = this.bm25.ceiling(query);
    const best = new Map<string, { unit: KnowledgeUnit; coverage: number; similarity: number }>();
    if (ceiling > 0) {
      for (const hit of this.bm25.search(query, this.units.length, accept)) {
        const unit = this.units[hit.doc];
        if (!best.has(unit.itemId)) best.set(unit.itemId, { unit, coverage: hit.score / ceiling, similarity: 0 });
      }
    }
    for (const [doc, similarity] of this.characters.similarities(text)) {
      const overview = this.versions[doc].overview;
      if (!accept(overview)) continue;
      const unit = this.units[overview];
      const found = best.get(unit.itemId);
      if (!found) best.set(unit.itemId, { unit, coverage: 0, similarity });
      else found.similarity = Math.max(found.similarity, similarity);
    }
    return [...best.values()]
      .map((found) => ({ ...found, score: matchScore(found.coverage, found.similarity) }))
      .filter((match) => match.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }

  /** The version of an item in force on the day, for that region. */
  versionInForce(itemId: string, context: SearchContext): KnowledgeVersion | undefined {
    const file = this.files.find((candidate) => candidate.id === itemId);
    return file?.versions.find((version) => isInForce(version, context.date) && appliesTo(version, context.regionCode));
  }
}

function guideHeadings(version: KnowledgeVersion): string[] {
  if (!('steps' in version)) return [];
  return [...version.steps.map((step) => step.title), ...version.materials.map((material) => material.name)];
}
