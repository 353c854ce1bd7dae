import { readCapDateTime } from './cap-datetime';

/** An earlier message named in <references>: "sender,identifier,sent", the entries separated by whitespace. */
export interface CapReference {
  sender: string;
  identifier: string;
  sent: string;
}

export type ReferencesReading = { value: CapReference[] } | { problems: string[] };

/** CAP 1.2 forbids these in sender and identifier, which is also what lets a reference be split on commas. */
export const FORBIDDEN_IN_IDS = /[\s,<&]/;

export function readReferences(text: string): ReferencesReading {
  const entries = text.trim().split(/\s+/).filter(Boolean);
  const references: CapReference[] = [];
  const problems: string[] = [];
  for (const [index, entry] of entries.entries()) {
    const parts = entry.split(',');
    const name = `第 ${index + 1} 条引用「${entry.slice(0, 80)}」`;
    if (parts.length !== 3 || parts.some((part) => part === '')) {
      problems.push(`${name}须写成「发布者,标识符,发布时间」（sender,identifier,sent），多条之间以空格分隔`);
      continue;
    }
    const [sender, identifier, sent] = parts;
    const time = readCapDateTime(sent);
    if ('problem' in time) {
      problems.push(`${name}的发布时间有误：${time.problem}`);
      continue;
    }
    references.push({ sender, identifier, sent });
  }
  if (entries.length === 0) problems.push('<references> 为空：请列出所引用的预警（sender,identifier,sent）');
  return problems.length > 0 ? { problems } : { value: references };
}

/** How a reference is written back, in messages and events. */
export const referenceText = (reference: CapReference) =>
  `${reference.sender},${reference.identifier},${reference.sent}`;
