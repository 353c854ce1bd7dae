import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describeIssues } from '@libs/common/kafka/contract-violation';
import { KnowledgeFile } from './knowledge-file';
import { KnowledgeStore } from './knowledge-store';

/** Reads every *.yaml of a folder as knowledge files; a file that does not match the format stops the import. */
export function readKnowledgeFiles(dir: string): KnowledgeFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const parsed = KnowledgeFile.safeParse(parse(readFileSync(join(dir, name), 'utf8')));
      if (!parsed.success) throw new Error(`${name}: ${describeIssues(parsed.error)}`);
      return parsed.data;
    });
}

/** Publishes each file whose content differs from what is stored (so a repeated import changes nothing). */
export async function importKnowledgeFiles(store: KnowledgeStore, files: KnowledgeFile[], actor: string) {
  const stored = new Map((await store.list()).map((item) => [item.document.id, item]));
  let published = 0;
  for (const file of files) {
    const current = stored.get(file.id);
    if (current && !current.isWithdrawn && canonical(current.document) === canonical(file)) continue;
    await store.publish(file, actor);
    published += 1;
  }
  return { published, unchanged: files.length - published };
}

/** JSON with keys in order: Postgres jsonb does not keep the order a document was written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}
