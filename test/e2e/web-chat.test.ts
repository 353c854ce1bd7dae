import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { ChatMessage, ErrorAnswer, eventually, webChat } from '../support/chat';
import { request } from '../support/http';
import { RunningSystem, startSystem } from '../support/running-system';

let system: RunningSystem;
let chat: ReturnType<typeof webChat>;

beforeAll(async () => {
  system = await startSystem(['gateway', 'dialogue', 'ticketing']);
  chat = webChat(system);
});
afterAll(() => system?.stop());

describe('a citizen on the web chat', () => {
  it('is greeted with what the assistant can do', async () => {
    const answer = await chat.send({ text: '你好' });
    expect(answer.status).toBe(200);
    expect(answer.body.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.body.replies).toHaveLength(1);
    expect(answer.body.replies?.[0]).toMatchObject({ direction: 'out', inReplyTo: answer.body.messageId });
    expect(answer.body.replies?.[0].text).toContain('政务服务智能客服');
    expect(answer.body.replies?.[0].quickReplies).toContain('我要投诉');
  });

  it('gets a ticket number, the department and a deadline in working days for a complaint', async () => {
    const answer = await chat.send({ text: '我要投诉小区周边施工扰民' });
    expect(answer.status).toBe(200);
    const text = answer.body.replies?.[0].text ?? '';
    expect(text).toMatch(/^您反映的问题已转交天河区住房和建设局办理，工单号：GD\d{14}。/);
    expect(text).toMatch(/承办单位将在5个工作日内(（\d{4}年\d{1,2}月\d{1,2}日前）)?办结并答复您/);
  });

  it('keeps the conversation, in order, under the session', async () => {
    const first = await chat.send({ text: '你好' });
    const sessionId = first.body.sessionId;
    await chat.send({ sessionId, text: '我要投诉工厂夜间排污' });
    const history = await chat.history(sessionId);
    expect(history.status).toBe(200);
    expect(history.body.messages.map((message) => message.direction)).toEqual(['in', 'out', 'in', 'out']);
    expect(history.body.messages[2].text).toBe('我要投诉工厂夜间排污');
    expect(history.body.messages[3].text).toContain('广州市生态环境局天河分局');
  });

  it('reads the latest messages first, and what follows a message for a catch-up', async () => {
    const first = await chat.send({ text: '你好' });
    const sessionId = first.body.sessionId;
    await chat.send({ sessionId, text: '我要投诉工厂夜间排污' });
    const all = (await chat.history(sessionId)).body.messages;
    expect(all).toHaveLength(4);
    const read = (query: string) =>
      request<{ messages: ChatMessage[] }>(
        'GET',
        system.url('gateway', `/api/v1/chat/sessions/${sessionId}/messages?${query}`),
      );
    const ids = async (query: string) => (await read(query)).body.messages.map((message) => message.id);
    const [one, two, three, four] = all.map((message) => message.id);
    expect(await ids('limit=2')).toEqual([three, four]);
    expect(await ids(`after=${one}`)).toEqual([two, three, four]);
    expect(await ids(`after=${one}&limit=2`)).toEqual([two, three]);
    expect(await ids(`after=${four}`)).toEqual([]);
    // Not a message of this session: the latest, as without `after`.
    expect(await ids(`after=${randomUUID()}&limit=1`)).toEqual([four]);
    expect((await read('limit=0')).status).toBe(400);
  });

  it('answers 202 at once without ?wait, and pushes the reply over the WebSocket', async () => {
    const opened = await chat.send({ text: '你好' });
    const sessionId = opened.body.sessionId;
    const socket = new WebSocket(system.url('gateway', `/ws?sessionId=${sessionId}`).replace('http', 'ws'));
    const pushed: ChatMessage[] = [];
    socket.on('message', (data) => pushed.push(JSON.parse(String(data)).message));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const sent = await request<{ messageId: string }>('POST', system.url('gateway', '/api/v1/chat/messages'), {
      json: { sessionId, text: '我要投诉' },
    });
    expect(sent.status).toBe(202);
    const reply = await eventually(async () => {
      const found = pushed.find((message) => message.inReplyTo === sent.body.messageId);
      if (!found) throw new Error('no reply pushed yet');
      return found;
    });
    expect(reply.text).toContain('请您描述一下具体情况');
    socket.close();
  });

  it('gives one reply to a message the browser sent twice', async () => {
    const opened = await chat.send({ text: '你好' });
    const sessionId = opened.body.sessionId;
    const clientMessageId = randomUUID();
    const [first, second] = await Promise.all([
      chat.send({ sessionId, text: '我要投诉路灯不亮', clientMessageId }),
      chat.send({ sessionId, text: '我要投诉路灯不亮', clientMessageId }),
    ]);
    const third = await chat.send({ sessionId, text: '我要投诉路灯不亮', clientMessageId });
    expect(second.body.messageId).toBe(first.body.messageId);
    expect(third.body.messageId).toBe(first.body.messageId);
    expect(third.status).toBe(200);
    expect(third.body.replies?.[0].text).toContain('工单号');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const history = await chat.history(sessionId);
    expect(history.body.messages.filter((message) => message.direction === 'in')).toHaveLength(2);
    expect(history.body.messages.filter((message) => message.inReplyTo === first.body.messageId)).toHaveLength(1);
  });
});

describe('bad input on the web chat', () => {
  const post = (body: string, query = '') =>
    request<ErrorAnswer>('POST', system.url('gateway', `/api/v1/chat/messages${query}`), {
      body,
      headers: { 'content-type': 'application/json' },
    });

  it.each([
    ['invalid JSON', '{"text": "你好"', '', 400, '请求体不是合法的 JSON'],
    ['text of the wrong type', '{"text": 42}', '', 400, 'text: 必须是文字'],
    ['empty text', '{"text": "   "}', '', 400, 'text: 不能为空'],
    ['text over 2,000 characters', JSON.stringify({ text: '扰'.repeat(2001) }), '', 400, 'text: 不能超过 2000 个字'],
    ['a session id that is not a UUID', '{"text": "你好", "sessionId": "abc"}', '', 400, 'sessionId: 必须是会话编号'],
    ['a wait that is not a number', '{"text": "你好"}', '?wait=soon', 400, 'wait: 必须是毫秒数'],
    ['an unknown session', JSON.stringify({ text: '你好', sessionId: randomUUID() }), '', 404, '会话不存在'],
  ])('refuses %s with a readable message and no stack trace', async (_case, body, query, status, message) => {
    const answer = await post(body, query);
    expect(answer.status).toBe(status);
    expect(answer.body.message).toContain(message);
    expect(answer.body.traceId).toMatch(/^[\w-]{8,64}$/);
    expect(answer.text).not.toMatch(/\bat \w+.*\.(js|ts):\d+/);
  });

  it('accepts exactly 2,000 characters', async () => {
    const answer = await chat.send({ text: '扰'.repeat(2000) }, 0);
    expect(answer.status).toBe(202);
  });

  it('answers 404 for the history of an unknown session and 400 for a malformed id', async () => {
    expect((await chat.history(randomUUID())).status).toBe(404);
    expect((await chat.history('not-a-uuid')).status).toBe(400);
  });

  it('refuses a WebSocket for an unknown session', async () => {
    const socket = new WebSocket(system.url('gateway', `/ws?sessionId=${randomUUID()}`).replace('http', 'ws'));
    const code = await new Promise<number>((resolve) => socket.once('close', resolve));
    expect(code).toBe(4404);
  });
});
