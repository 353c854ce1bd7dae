import { Controller, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { z } from 'zod';
import { createEnvelope, envelopeOf } from '@libs/common/contracts/envelope';
import { DomainError } from '@libs/common/errors/domain-error';
import { EnvelopeConsumer } from '@libs/common/kafka/envelope-consumer';
import { EnvelopeContext } from '@libs/common/kafka/envelope-context';
import { EnvelopeKafkaServer } from '@libs/common/kafka/envelope-kafka-server';
import { KAFKA, KafkaModule } from '@libs/common/kafka/kafka.module';
import { createLogger } from '@libs/common/logging/logger';
import { LoggingModule } from '@libs/common/logging/logging.module';
import { RedisModule } from '@libs/common/redis/redis.module';
import { eventually } from '../support/chat';
import { testInfrastructure } from '../support/test-infrastructure';

/** A topic of its own, so the shared test broker holds nothing else on it. */
const TOPIC = `test.pipeline.${randomUUID()}`;
const GROUP = `pipeline-${randomUUID()}`;
const TestItem = envelopeOf(
  'test.item',
  1,
  z.object({ n: z.number().int(), mode: z.enum(['ok', 'refused', 'flaky']) }),
);

/** What the handler did, in order: the effects the tests check. */
const handled: Array<{ key: string; n: number }> = [];
const failedOnce = new Set<string>();

@Controller()
class TestItemsHandler {
  constructor(private readonly consumer: EnvelopeConsumer) {}

  @EventPattern(TOPIC)
  handle(@Payload() raw: unknown, @Ctx() ctx: EnvelopeContext) {
    return this.consumer.consume(ctx, raw, TestItem, async (item) => {
      if (item.payload.mode === 'refused') throw new DomainError('invalid', 'this item can never be handled');
      if (item.payload.mode === 'flaky' && !failedOnce.has(item.id)) {
        failedOnce.add(item.id);
        throw new Error('database briefly unavailable');
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
      handled.push({ key: item.key, n: item.payload.n });
      return [];
    });
  }
}

const infrastructure = testInfrastructure();
const logger = createLogger('pipeline-test', 'silent');

@Module({
  imports: [
    LoggingModule.forRoot(logger),
    RedisModule.forRoot(infrastructure.redisUrl, 'pipeline-test'),
    KafkaModule.forRoot({ clientId: 'pipeline-test', groupId: GROUP, brokers: infrastructure.kafkaBrokers }),
  ],
  controllers: [TestItemsHandler],
})
class PipelineTestModule {}

let app: INestApplication;
let producer: Producer;
const kafka = new Kafka({ brokers: infrastructure.kafkaBrokers, logLevel: logLevel.NOTHING });

const item = (key: string, n: number, mode: 'ok' | 'refused' | 'flaky' = 'ok', id = randomUUID()) => ({
  key,
  value: JSON.stringify({ ...createEnvelope('test.item', 1, key, { n, mode }, { traceId: 'trace-1' }), id }),
});

async function deadLetters(key: string): Promise<string[]> {
  const consumer = kafka.consumer({ groupId: `probe-${randomUUID()}` });
  const reasons: string[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic: `${TOPIC}.dlq`, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (message.key?.toString() === key) reasons.push(String(message.headers?.['dlq-reason']));
    },
  });
  try {
    await eventually(async () => expect(reasons.length).toBeGreaterThan(0), 30_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    return reasons;
  } finally {
    await consumer.disconnect();
  }
}

beforeAll(async () => {
  producer = kafka.producer();
  await producer.connect();
  // Create the topic before the consumer subscribes: the dev broker creates topics on first produce.
  await producer.send({ topic: TOPIC, messages: [item('warm-up', 0)] });
  app = await NestFactory.create(PipelineTestModule, { logger: false });
  app.connectMicroservice({
    strategy: new EnvelopeKafkaServer({ kafka: app.get(KAFKA), groupId: GROUP, logger, maxWaitTimeInMs: 10 }),
  });
  await app.startAllMicroservices();
  await app.init();
});

afterAll(async () => {
  await producer?.disconnect();
  await app?.close();
});

describe('the envelope pipeline on a real broker', () => {
  it('handles the messages of one key in order, each once', async () => {
    const key = randomUUID();
    await producer.send({ topic: TOPIC, messages: Array.from({ length: 50 }, (_, n) => item(key, n)) });
    await eventually(async () => expect(handled.filter((entry) => entry.key === key)).toHaveLength(50));
    expect(handled.filter((entry) => entry.key === key).map((entry) => entry.n)).toEqual([...Array(50).keys()]);
  });

  it('drops a redelivered envelope: the same id is handled once', async () => {
    const key = randomUUID();
    const id = randomUUID();
    await producer.send({ topic: TOPIC, messages: [item(key, 1, 'ok', id), item(key, 1, 'ok', id), item(key, 2)] });
    await eventually(async () => expect(handled.filter((entry) => entry.key === key)).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(handled.filter((entry) => entry.key === key).map((entry) => entry.n)).toEqual([1, 2]);
  });

  it('retries after a passing failure, without losing or repeating the messages behind it', async () => {
    const key = randomUUID();
    await producer.send({ topic: TOPIC, messages: [item(key, 1), item(key, 2, 'flaky'), item(key, 3)] });
    await eventually(async () => expect(handled.filter((entry) => entry.key === key)).toHaveLength(3), 60_000);
    expect(handled.filter((entry) => entry.key === key).map((entry) => entry.n)).toEqual([1, 2, 3]);
  });

  it('dead-letters what can never be handled, with the reason, and carries on', async () => {
    const key = randomUUID();
    await producer.send({
      topic: TOPIC,
      messages: [
        { key, value: 'not json at all' },
        { key, value: JSON.stringify({ type: 'test.item', version: 1, key }) },
        item(key, 1, 'refused'),
        item(key, 2),
      ],
    });
    await eventually(async () => expect(handled.filter((entry) => entry.key === key)).toHaveLength(1));
    const reasons = await deadLetters(key);
    expect(reasons).toEqual([
      'not valid JSON',
      expect.stringMatching(/^id: .*occurredAt: .*traceId: .*payload: /),
      'invalid: this item can never be handled',
    ]);
  });
});
