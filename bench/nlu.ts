import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { decide } from '../apps/dialogue/src/conversation/knowledge-decision';
import { KnowledgeIndex } from '../apps/dialogue/src/knowledge/knowledge-index';
import { readKnowledgeFiles } from '../apps/dialogue/src/knowledge/load-knowledge-files';
import { categoryClassifier } from '../apps/dialogue/src/nlu/classifier/category-classifier';
import { intentClassifier } from '../apps/dialogue/src/nlu/classifier/intent-classifier';
import { MessageReader } from '../apps/dialogue/src/nlu/message-reader';
import { Segmenter } from '../apps/dialogue/src/nlu/segmentation/segmenter';
import { projectRoot } from '../tools/dev/project-root';

/**
 * bench/nlu: what dialogue does in process for each message before it answers — read it (segmentation, intent,
 * category, slots) and search the knowledge base, then decide — on one core, over realistic messages (the retrieval
 * questions we wrote, and complaints). Beside it, the bare baseline: jieba segmentation alone on the same messages.
 *   npm run bench:nlu -- --seconds 10
 */
function main() {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' } } });
  const seconds = Number(values.seconds);
  const root = projectRoot();
  const questions = (
    parse(readFileSync(join(root, 'test/fixtures/retrieval-questions.yaml'), 'utf8')) as {
      questions: Array<{ text: string }>;
    }
  ).questions.map((question) => question.text);
  const messages = [
    ...questions,
    '我要投诉小区周边施工扰民，晚上十一点还在打桩',
    '月收入1.5万，一个孩子上小学，每年能少缴多少个税？',
    '我是外地户口，社保交了3年，能申请天河区的公租房吗',
    '举报越秀区东风路有工厂夜间排污，气味很大',
  ];
  const segmenter = Segmenter.load();
  const reader = new MessageReader(segmenter, intentClassifier(segmenter), categoryClassifier(segmenter), '440100');
  const index = new KnowledgeIndex(readKnowledgeFiles(join(root, 'demo/knowledge')), (text) => segmenter.tokens(text));
  const context = { date: '2026-11-26', regionCode: '440106' };

  const baseline = measure(seconds, messages, (text) => segmenter.tokens(text));
  const full = measure(seconds, messages, (text) => {
    reader.read(text, context.date);
    decide(index.search(text, context));
  });
  const line = (label: string, result: ReturnType<typeof measure>) =>
    `${label.padEnd(52)} ${result.perSecond.toFixed(0).padStart(7)} messages/s   ` +
    `p50 ${result.p50.toFixed(3)} ms  p99 ${result.p99.toFixed(3)} ms  max ${result.max.toFixed(3)} ms`;
  process.stdout.write(
    `\nNLU per message, one core, ${messages.length} distinct messages, ${seconds} s each:\n` +
      `${line('bare jieba segmentation (baseline)', baseline)}\n` +
      `${line('read (intent, category, slots) + retrieve + decide', full)}\n`,
  );
}

function measure(seconds: number, messages: string[], work: (text: string) => void) {
  for (let warm = 0; warm < 2000; warm += 1) work(messages[warm % messages.length]);
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  for (let n = 0; performance.now() < deadline; n += 1) {
    const before = performance.now();
    work(messages[n % messages.length]);
    latencies.push(performance.now() - before);
  }
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { perSecond: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), max: latencies[latencies.length - 1] };
}

main();
