import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/**
 * The TipDM 2020 C messages in ../shared/data. They carry no licence to redistribute: scripts read them from there
 * (or from NLU_DATA_DIR / --data), and only trained models, never the messages, go into the repository.
 */
export const LabelledMessage = z.object({ id: z.string().min(1), text: z.string(), label: z.string().min(1) });
export type LabelledMessage = z.infer<typeof LabelledMessage>;

/** A message from the reply data set: the citizen's own title (`query`) and title + body (`message`), unlabelled. */
export const TitledMessage = z.object({ id: z.string().min(1), query: z.string(), message: z.string() });
export type TitledMessage = z.infer<typeof TitledMessage>;

export function dataDirectory(argv: readonly string[] = process.argv, env = process.env): string {
  const flag = argv.indexOf('--data');
  if (flag >= 0 && argv[flag + 1] !== undefined) return resolve(argv[flag + 1]);
  return resolve(env.NLU_DATA_DIR ?? join(process.cwd(), '..', 'shared', 'data'));
}

function readJsonLines<T>(path: string, schema: z.ZodType<T>): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => schema.parse(JSON.parse(line)));
}

export function readLabelledMessages(dataDir: string): LabelledMessage[] {
  return readJsonLines(join(dataDir, 'tipdm2020c_msgcls', 'train.jsonl'), LabelledMessage);
}

export function readTitledMessages(dataDir: string): TitledMessage[] {
  return readJsonLines(join(dataDir, 'tipdm2020c_replyqa', 'queries_train.jsonl'), TitledMessage);
}
