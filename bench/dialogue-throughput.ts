import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { createEnvelope } from '@libs/common/contracts/envelope';
import { EnvelopeProducer } from '@libs/common/kafka/envelope-producer';
import { appEnvironment, launchApp, loadDemoContent, newDevSecrets, waitForReady } from '../tools/dev/apps';
import { freePort, ManagedProcess } from '../tools/dev/processes';
import { log, startBenchInfrastructure } from './support/bench-infrastructure';
import { ECHO_TOPICS, echoBaseline, timeUntilAll } from './support/kafka-timing';

/** A mix of what citizens send: greetings, policy questions, service guides (no complaints: their reply comes from ticketing). */
const TEXTS = [
  '你好',
  '孩子上小学个税能扣多少',
  '新生儿怎么上户口',
  '公租房怎么申请',
  '企业年报什么时候报',
  '明天天气怎么样',
];

/**
 * bench/dialogue-throughput: N citizen messages put on channel.inbound.v1 at once (across C conversations), and the
 * time until dialogue's last reply is on channel.outbound.v1, on the dev broker with real Redis and Postgres. Beside
 * it, a plain kafkajs echo process doing nothing but copy the same number of messages between two topics.
 *   npm run bench:dialogue -- --messages 20000 --conversations 1000
 */
async function main() {
  const { values } = parseArgs({
    options: { messages: { type: 'string', default: '20000' }, conversations: { type: 'string', default: '1000' } },
  });
  const total = Number(values.messages);
  const conversations = Array.from({ length: Number(values.conversations) }, () => randomUUID());
  const infrastructure = await startBenchInfrastructure({ extraTopics: ECHO_TOPICS });
  const processes: ManagedProcess[] = [];
  const kafka = new Kafka({ clientId: 'bench', brokers: [infrastructure.kafka.brokers], logLevel: logLevel.NOTHING });
  const producer = new EnvelopeProducer(kafka, { lingerMs: 5, maxBatchSize: 1000 });
  await producer.connect();
  try {
    log(`bare baseline: kafkajs echo of ${total} messages`);
    const baselineSeconds = await echoBaseline(
      kafka,
      producer,
      infrastructure.kafka.brokers,
      total,
      conversations,
      processes,
    );

    const port = await freePort();
    const env = {
      ...process.env,
      ...appEnvironment(infrastructure, newDevSecrets()),
      DIALOGUE_PORT: String(port),
      LOG_LEVEL: 'warn',
    };
    await loadDemoContent('dialogue', env);
    const dialogue = launchApp('dialogue', env);
    processes.push(dialogue);
    await waitForReady(dialogue, port);
    log(`dialogue: ${total} messages over ${conversations.length} conversations`);
    const inbound = (n: number, text: string) => {
      const conversationId = conversations[n % conversations.length];
      return {
        topic: 'channel.inbound.v1' as const,
        envelope: createEnvelope(
          'channel.message',
          1,
          conversationId,
          {
            kind: 'text' as const,
            channel: 'webchat' as const,
            conversationId,
            citizenId: conversationId,
            messageId: randomUUID(),
            text,
            receivedAt: new Date().toISOString(),
          },
          { traceId: randomUUID().replace(/-/g, '') },
        ),
      };
    };
    const dialogueSeconds = await timeUntilAll(
      kafka,
      'channel.outbound.v1',
      total,
      async () => {
        await producer.send(Array.from({ length: total }, (_, n) => inbound(n, TEXTS[n % TEXTS.length])));
      },
      async () => {
        await producer.send(inbound(0, '你好'));
      },
    );

    process.stdout.write(
      `\n${total} messages, ${conversations.length} conversations, this machine (${cpus().length} cores):\n` +
        `bare kafkajs echo (baseline)   ${(total / baselineSeconds).toFixed(0).padStart(6)} messages/s  (${baselineSeconds.toFixed(2)} s)\n` +
        `dialogue, message to reply     ${(total / dialogueSeconds).toFixed(0).padStart(6)} messages/s  (${dialogueSeconds.toFixed(2)} s)\n`,
    );
  } finally {
    await producer.disconnect();
    await Promise.all(processes.map((child) => child.stop()));
    await infrastructure.stop();
  }
}

void main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
