import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { eventually, webChat } from '../support/chat';
import { request } from '../support/http';
import { RunningSystem, startSystem } from '../support/running-system';

let system: RunningSystem;

beforeAll(async () => {
  system = await startSystem(['gateway', 'dialogue', 'ticketing']);
});
afterAll(() => system?.stop());

describe('nothing accepted is lost', () => {
  it('answers every message exactly once when dialogue crashes and restarts while they are in flight', async () => {
    const chat = webChat(system);
    const sessions = await Promise.all(
      Array.from({ length: 10 }, async () => (await chat.send({ text: '你好' })).body.sessionId),
    );
    const sendBurst = (round: number) =>
      Promise.all(
        sessions.map((sessionId, index) =>
          request<{ messageId: string }>('POST', system.url('gateway', '/api/v1/chat/messages'), {
            json: { sessionId, text: index % 2 ? `我要投诉施工扰民 ${round}` : '你好' },
          }),
        ),
      );
    const accepted = [...(await sendBurst(1))];
    await system.kill('dialogue');
    accepted.push(...(await sendBurst(2)));
    await system.start('dialogue');
    accepted.push(...(await sendBurst(3)));
    expect(accepted.every((answer) => answer.status === 202)).toBe(true);

    await eventually(async () => {
      const replies = (await Promise.all(sessions.map((sessionId) => chat.history(sessionId)))).flatMap((history) =>
        history.body.messages.filter((message) => message.direction === 'out'),
      );
      for (const answer of accepted) {
        const count = replies.filter((reply) => reply.inReplyTo === answer.body.messageId).length;
        if (count !== 1) throw new Error(`message ${answer.body.messageId} has ${count} replies`);
      }
    }, 60_000);
  });
});

describe('a message that breaks the contract', () => {
  it('goes to the dead-letter topic with its reason, and the consumer carries on', async () => {
    const kafka = new Kafka({ brokers: String(system.env.KAFKA_BROKERS).split(','), logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    const key = randomUUID();
    await producer.send({
      topic: 'channel.inbound.v1',
      messages: [
        { key, value: '{"this is": "not an envelope"' },
        { key, value: JSON.stringify({ type: 'channel.message', version: 1, id: randomUUID(), key }) },
      ],
    });
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: `probe-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: 'channel.inbound.v1.dlq', fromBeginning: true });
    const reasons: string[] = [];
    await consumer.run({
      eachMessage: async ({ message }) => {
        if (message.key?.toString() === key) reasons.push(String(message.headers?.['dlq-reason']));
      },
    });
    await eventually(async () => expect(reasons).toHaveLength(2), 30_000);
    await consumer.disconnect();
    expect(reasons[0]).toBe('not valid JSON');
    expect(reasons[1]).toMatch(/occurredAt|traceId|payload/);

    const after = await webChat(system).send({ text: '你好' });
    expect(after.status).toBe(200);
  });
});
