import { KnowledgeUnit, KnowledgeVersion } from './knowledge-index';

/**
 * How an answer from the knowledge base reads: plain language first, then the details, a worked example where there
 * is one, and always the source with its date. Returns the messages to send, each short enough for any channel.
 */
export function answerFrom(unit: KnowledgeUnit): string[] {
  const { version, part } = unit;
  const body =
    part.type === 'qa'
      ? [version.qa[part.index].answer]
      : 'steps' in version
        ? [version.summary, guideText(version)]
        : [version.summary, ...(version.details ? [version.details] : [])];
  const example = part.type === 'overview' || mentionsNumbers(body.join('')) ? version.examples[0] : undefined;
  return [...body, ...(example ? [`举个例子：${example.title}\n${example.text}`] : []), citation(version)].flatMap(
    (text) => splitLong(text.trim()),
  );
}

/** 依据：《…》（文号），发文机关，2023年1月1日起施行。来源：… */
export function citation(version: KnowledgeVersion): string {
  const document = version.documentNumber
    ? `《${version.title}》（${version.documentNumber}）`
    : `《${version.title}》`;
  const until = version.effectiveUntil ? `至${chineseDate(version.effectiveUntil)}` : '起施行';
  return `依据：${document}，${version.authority}，${chineseDate(version.effectiveFrom)}${until}。\n来源：${version.sourceUrl}`;
}

function guideText(version: Extract<KnowledgeVersion, { steps: unknown }>): string {
  const lines = [
    '办理步骤：',
    ...version.steps.map((step, index) => `${index + 1}. ${step.title}${step.detail ? `：${step.detail}` : ''}`),
  ];
  if (version.materials.length > 0) {
    lines.push('', '材料清单：');
    for (const material of version.materials) {
      const notes = [material.form, material.condition, material.note].filter(Boolean).join('；');
      lines.push(`· ${material.name}${notes ? `（${notes}）` : ''}`);
    }
  }
  if (version.where) lines.push('', `办理地点：${version.where}`);
  if (version.timeLimit) lines.push(`办理时限：${version.timeLimit}`);
  if (version.fee) lines.push(`收费标准：${version.fee}`);
  for (const form of version.forms) lines.push(`表格下载：${form.name} ${form.url}`);
  for (const video of version.videos)
    lines.push(`${video.isSignLanguage ? '手语视频' : '视频指南'}：${video.title} ${video.url}`);
  return lines.join('\n');
}

function mentionsNumbers(text: string): boolean {
  return /\d/.test(text);
}

/** 2023-01-01 → 2023年1月1日 */
export function chineseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

const MAX_MESSAGE = 1500;

/** Splits at line breaks so no message is longer than what every channel shows comfortably. */
function splitLong(text: string): string[] {
  if (text.length <= MAX_MESSAGE) return [text];
  const parts: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    if (current && current.length + line.length + 1 > MAX_MESSAGE) {
      parts.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line.slice(0, MAX_MESSAGE);
  }
  if (current) parts.push(current);
  return parts;
}
