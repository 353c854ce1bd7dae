import { regionContains } from '@libs/common/regions/region-code';
import { Bm25Index } from './bm25';
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
  score: number;
  /** The score against the best the query could reach: about the share of the query's weight that matched. */
  coverage: number;
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
 * BM25 over every version's overview and every question-and-answer. All versions are indexed; the date and region
 * filter at search time, so the version in force today answers, and tomorrow's takes over on its first day.
 */
export class KnowledgeIndex {
  private readonly units: KnowledgeUnit[] = [];
  private readonly bm25: Bm25Index;

  constructor(
    readonly files: KnowledgeFile[],
    private readonly tokenize: (text: string) => string[],
  ) {
    const documents: string[][] = [];
    for (const file of files) {
      for (const version of file.versions) {
        const context = [version.title, version.title, ...version.keywords].join(' ');
        this.units.push({ itemId: file.id, kind: file.kind, version, part: { type: 'overview' } });
        documents.push(tokenize([context, version.summary, ...guideHeadings(version)].join(' ')));
        version.qa.forEach((qa, index) => {
          this.units.push({ itemId: file.id, kind: file.kind, version, part: { type: 'qa', index } });
          documents.push(tokenize([context, qa.question, qa.question, ...qa.alternatives].join(' ')));
        });
      }
    }
    this.bm25 = new Bm25Index(documents);
  }

  /** The best match of each item, best first. */
  search(text: string, context: SearchContext, limit = 3): KnowledgeMatch[] {
    const query = this.tokenize(text);
    const ceiling = this.bm25.ceiling(query);
    if (ceiling === 0) return [];
    const accept = (doc: number) => {
      const { version } = this.units[doc];
      return isInForce(version, context.date) && appliesTo(version, context.regionCode);
    };
    const best = new Map<string, KnowledgeMatch>();
    for (const hit of this.bm25.search(query, limit * 8, accept)) {
      const unit = this.units[hit.doc];
      if (!best.has(unit.itemId)) best.set(unit.itemId, { unit, score: hit.score, coverage: hit.score / ceiling });
    }
    return [...best.values()].slice(0, limit);
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
