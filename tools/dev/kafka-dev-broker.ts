import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { allTopicNames } from '@libs/common/contracts/topics';
import { projectRoot } from './project-root';
import { run, startProcess, waitUntil } from './processes';

const SOURCE = join(projectRoot(), 'tools', 'dev-kafka', 'dev-kafka.c');

export interface KafkaDevBroker {
  brokers: string;
  stop(): Promise<void>;
}

/**
 * The development Kafka broker: librdkafka's mock cluster in a small C program (tools/dev-kafka), built on first use.
 * It speaks the Kafka protocol to kafkajs (produce, fetch, consumer groups, offset commits) but keeps everything in
 * memory: not durable, for development and tests only. It starts with every topic of the contracts created.
 */
export async function startKafkaDevBroker(options: {
  port: number;
  cacheDir: string;
  partitions?: number;
  /** Topics beyond the contracts' (a benchmark's own). */
  extraTopics?: string[];
}) {
  const binary = await buildBroker(options.cacheDir);
  let isListening = false;
  const broker = startProcess('dev-kafka', binary, [
    '--port',
    String(options.port),
    '--partitions',
    String(options.partitions ?? 6),
    '--topics',
    [...allTopicNames(), ...(options.extraTopics ?? [])].join(','),
  ]);
  broker.child.stdout?.on('data', (chunk: Buffer) => {
    if (chunk.toString('utf8').includes('listening')) isListening = true;
  });
  await waitUntil('the dev Kafka broker', async () => isListening, { timeoutMs: 20_000, process: broker });
  return { brokers: `127.0.0.1:${options.port}`, stop: () => broker.stop() } satisfies KafkaDevBroker;
}

async function buildBroker(cacheDir: string): Promise<string> {
  const binary = join(resolve(cacheDir), 'dev-kafka');
  if (existsSync(binary) && statSync(binary).mtimeMs >= statSync(SOURCE).mtimeMs) return binary;
  mkdirSync(resolve(cacheDir), { recursive: true });
  await run('gcc', ['-O2', '-Wall', '-o', binary, SOURCE, '-lrdkafka', '-ldl']);
  return binary;
}
