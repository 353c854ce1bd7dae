import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { createEnvelope } from '@libs/common/contracts/envelope';
import { Outgoing, Topic } from '@libs/common/contracts/topics';
import { EnvelopeProducer } from '@libs/common/kafka/envelope-producer';
import { appEnvironment, launchApp, loadDemoContent, newDevSecrets, waitForReady } from '../tools/dev/apps';
import { startInfrastructure } from '../tools/dev/infrastructure';
import { freePort, ManagedProcess } from '../tools/dev/processes';
import { projectRoot } from '../tools/dev/project-root';
import { ECHO_TOPICS, echoBaseline, timeUntilAll } from './support/kafka-timing';

/** Complaints as dialogue sends them: the categories of the citizen-message data, in the demo districts and beyond. */
const COMPLAINTS = [
  { category: '城乡建设', regionCode: '440106', description: '我要投诉天河区棠下小区周边工地夜间施工扰民' },
  { category: '环境保护', regionCode: '440106', description: '天河区某工厂夜间排放刺鼻废气' },
  { category: '劳动和社会保障', regionCode: '440106', description: '公司拖欠三个月工资不发' },
  { category: '交通运输', regionCode: '440104', description: '越秀区东风路公交站牌损坏' },
  { category: '商贸旅游', regionCode: '440106', description: '超市出售过期食品' },
  { category: '其他', regionCode: '440100', description: '建议在小区增设快递柜' },
];

/**
 * bench/tickets: N ticket.create commands on ticket.commands.v1 (as dialogue sends them, across C conversations),
 * timed until ticketing has routed, stored and announced every one (ticket.created on ticket.events.v1), on real
 * PostgreSQL, Redis and the dev Kafka broker. Beside it, the bare kafkajs echo of as many messages on the same broker.
 *   npm run bench:tickets -- --tickets 20000 --conversations 1000
 */
async function main() {
  const { values } = parseArgs({
    options: { tickets: { type: 'string', default: '20000' }, conversations: { type: 'string', default: '1000' } },
  });
  const total = Number(values.tickets);
  const conversations = Array.from({ length: Number(values.conversations) }, () => randomUUID());
  const root = projectRoot();
  const dataDir = mkdtempSync(join(tmpdir(), 'gov-assistant-bench-'));
  const log = (line: string) => process.stdout.write(`» ${line}\n`);
  const infrastructure = await startInfrastructure({
    dataDir,
    cacheDir: join(root, 'node_modules', '.cache', 'gov-assistant'),
    ports: { postgres: await freePort(), redis: await freePort(), kafka: await freePort() },
    isThrowaway: false,
    extraTopics: ECHO_TOPICS,
    log,
  });
  const processes: ManagedProcess[] = [];
  const kafka = new Kafka({ clientId: 'bench', brokers: [infrastructure.kafka.brokers], logLevel: logLevel.NOTHING });
  const producer = new EnvelopeProducer(kafka, { lingerMs: 5, maxBatchSize: 1000 });
  await producer.connect();
  try {
    log(`bare baseline: kafkajs echo of ${total} messages`);
    const brokers = infrastructure.kafka.brokers;
    const baselineSeconds = await echoBaseline(kafka, producer, brokers, total, conversations, processes);

    const port = await freePort();
    const env = {
      ...process.env,
      ...appEnvironment(infrastructure, newDevSecrets()),
      TICKETING_PORT: String(port),
      LOG_LEVEL: 'warn',
    };
    await loadDemoContent('ticketing', env);
    const ticketing = launchApp('ticketing', env);
    processes.push(ticketing);
    await waitForReady(ticketing, port);
    log(`ticketing: ${total} tickets over ${conversations.length} conversations, through Kafka`);
    const kafkaSeconds = await timeUntilAll(
      kafka,
      Topic.TicketEventsV1,
      total,
      async () => {
        await producer.send(
          Array.from({ length: total }, (_, n) => createCommand(conversations[n % conversations.length], n)),
        );
      },
      async () => {
        await producer.send(createCommand(conversations[0], -1));
      },
    );

    const rate = (seconds: number) => `${(total / seconds).toFixed(0).padStart(6)} /s  (${seconds.toFixed(2)} s)`;
    process.stdout.write(
      `\n${total} tickets, ${conversations.length} conversations, this machine (${cpus().length} cores):\n` +
        `bare kafkajs echo (baseline)               ${rate(baselineSeconds)}\n` +
        `ticketing via Kafka, created and routed    ${rate(kafkaSeconds)}\n`,
    );
  } finally {
    await producer.disconnect();
    await Promise.all(processes.map((child) => child.stop()));
    await infrastructure.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function createCommand(conversationId: string, n: number): Outgoing {
  const complaint = COMPLAINTS[Math.abs(n) % COMPLAINTS.length];
  return {
    topic: Topic.TicketCommandsV1,
    envelope: createEnvelope(
      'ticket.create',
      1,
      conversationId,
      {
        conversationId,
        channel: 'webchat' as const,
        citizenId: conversationId,
        sourceMessageId: randomUUID(),
        lang: 'zh' as const,
        ...complaint,
      },
      { traceId: randomUUID().replace(/-/g, '') },
    ),
  };
}

void main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
