import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { ErrorAnswer, eventually, webChat } from '../support/chat';
import { request } from '../support/http';
import { RunningSystem, startSystem } from '../support/running-system';

let system: RunningSystem;
let adminToken: string;

beforeAll(async () => {
  system = await startSystem(['gateway', 'dialogue']);
  const login = await request<{ accessToken: string }>('POST', system.url('gateway', '/api/v1/auth/login'), {
    json: { username: 'admin', password: system.staffPassword },
  });
  adminToken = login.body.accessToken;
});
afterAll(() => system?.stop());

const deliver = (surveyId: string, json: unknown, token = adminToken) =>
  request<ErrorAnswer>('POST', system.url('dialogue', `/api/v1/surveys/${surveyId}/deliveries`), { json, token });

describe('a survey pushed in conversation', () => {
  it('asks one question at a time and records each answer anonymously for analytics', async () => {
    const chat = webChat(system);
    const sessionId = (await chat.send({ text: '你好' })).body.sessionId;
    const pushed = await deliver('community-elderly-care-satisfaction', {
      conversations: [{ conversationId: sessionId, channel: 'webchat' }],
    });
    expect(pushed.status).toBe(202);
    await eventually(async () => {
      const texts = (await chat.history(sessionId)).body.messages.map((message) => message.text);
      expect(texts.at(-1)).toContain('（1/3）过去三个月');
    });
    const second = await chat.send({ sessionId, text: '2' });
    expect(second.body.replies?.[0].text).toContain('（2/3）');
    const wrong = await chat.send({ sessionId, text: '7' });
    expect(wrong.body.replies?.[0].text).toContain('请回复选项的序号（1-5）');
    const third = await chat.send({ sessionId, text: '满意' });
    expect(third.body.replies?.[0].text).toContain('（3/3）');
    const done = await chat.send({ sessionId, text: '1' });
    expect(done.body.replies?.[0].text).toContain('感谢您的宝贵意见');

    const kafka = new Kafka({ brokers: String(system.env.KAFKA_BROKERS).split(','), logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `probe-${randomUUID()}` });
    const answers: Array<{ questionId: string; answer: string }> = [];
    await consumer.connect();
    await consumer.subscribe({ topic: 'conversation.events.v1', fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const event = JSON.parse(String(message.value));
        if (event.type === 'conversation.survey_answered' && event.payload.conversationId === sessionId) {
          answers.push({ questionId: event.payload.questionId, answer: event.payload.answer });
        }
      },
    });
    await eventually(async () => expect(answers).toHaveLength(3), 30_000);
    await consumer.disconnect();
    expect(answers).toEqual([
      { questionId: 'usage', answer: '偶尔使用' },
      { questionId: 'satisfaction', answer: '满意' },
      { questionId: 'priority', answer: '助餐服务' },
    ]);
  });

  it('steps aside when the citizen asks something else instead', async () => {
    const chat = webChat(system);
    const sessionId = (await chat.send({ text: '你好' })).body.sessionId;
    await deliver('community-elderly-care-satisfaction', {
      conversations: [{ conversationId: sessionId, channel: 'webchat' }],
    });
    const answer = await chat.send({ sessionId, text: '新生儿怎么上户口呢我想问一下' });
    expect(answer.body.replies?.map((reply) => reply.text).join('\n')).toContain('出生');
  });

  it('refuses unknown surveys, malformed deliveries and non-administrators', async () => {
    const target = { conversations: [{ conversationId: randomUUID(), channel: 'webchat' }] };
    expect((await deliver('no-such-survey', target)).status).toBe(404);
    expect((await deliver('community-elderly-care-satisfaction', { conversations: [] })).status).toBe(400);
    expect(
      (
        await deliver('community-elderly-care-satisfaction', {
          conversations: [{ conversationId: 'x', channel: 'fax' }],
        })
      ).status,
    ).toBe(400);
    const agent = await request<{ accessToken: string }>('POST', system.url('gateway', '/api/v1/auth/login'), {
      json: { username: 'agent', password: system.staffPassword },
    });
    expect((await deliver('community-elderly-care-satisfaction', target, agent.body.accessToken)).status).toBe(403);
  });
});
