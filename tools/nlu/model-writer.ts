import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { ModelFile } from '../../apps/dialogue/src/nlu/classifier/model-file';

/** Writes a model file formatted as the repository's Prettier wants it, so `prettier --check .` stays green. */
export async function writeModelFile(path: string, file: ModelFile): Promise<number> {
  const options = (await resolveConfig(path)) ?? {};
  const text = await format(JSON.stringify(file), { ...options, parser: 'json', filepath: path });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}
