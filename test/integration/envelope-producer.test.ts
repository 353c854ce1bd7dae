import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { createReply } from '@libs/common/contracts/channel-outbound.v1';
import { ContractViolation } from '@libs/common/kafka/contract-violation';
import { EnvelopeProducer } from '@libs/common/kafka/envelope-producer';
import { eventually } from '../support/chat';
import { testInfrastructure } from '../support/test-infrastructure';

const { kafkaBrokers } = testInfrastructure();
const kafka = new Kafka({ brokers: kafkaBrokers, logLevel: logLevel.NOTHING });
const producer = new EnvelopeProducer(kafka, { lingerMs: 5, maxBatchSize: 100 });

beforeAll(() => producer.connect());
afterAll(() => producer.disconnect());

const reply = (conversationId: string, text: string) =>
  createReply(
    { channel: 'webchat', conversationId, text, endOfTurn: true },
    { traceId: 'trace-1', envelopeId: randomUUID() },
  );

describe('EnvelopeProducer', () => {
  it('delivers many concurrent sends in few requests, each caller told when its message is stored', async () => {
    const conversationId = randomUUID();
    const requests: number[] = [];
    const off = producer['producer'].on(producer['producer'].events.REQUEST, (event) => {
      if (event.payload.apiName === 'Produce') requests.push(1);
    });
    await Promise.all(
      Array.from({ length: 1000 }, (_, n) =>
        producer.send({ topic: 'channel.outbound.v1', envelope: reply(conversationId, `第${n}条`) }),
      ),
    );
    off();
    expect(requests.length).toBeLessThan(100);

    const consumer = kafka.consumer({ groupId: `probe-${randomUUID()}` });
    const texts: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: 'channel.outbound.v1', fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const envelope = JSON.parse(String(message.value));
        if (envelope.payload.conversationId === conversationId) texts.push(envelope.payload.text);
      },
    });
    await eventually(async () => expect(texts).toHaveLength(1000), 30_000);
    await consumer.disconnect();
    expect(texts).toEqual(Array.from({ length: 1000 }, (_, n) => `第${n}条`));
  });

  it('refuses an envelope that breaks its topic contract, before sending anything', async () => {
    const broken = { ...reply(randomUUID(), '你好'), traceId: '' };
    await expect(producer.send({ topic: 'channel.outbound.v1', envelope: broken })).rejects.toThrow(ContractViolation);
    await expect(producer.send({ topic: 'channel.outbound.v1', envelope: broken })).rejects.toThrow(/traceId/);
  });
});
