import { ChatMessage, ErrorAnswer, eventually, webChat } from '../support/chat';
import { request } from '../support/http';
import { RunningSystem, startSystem } from '../support/running-system';

let system: RunningSystem;
let chat: ReturnType<typeof webChat>;
let agentToken: string;

interface Handoff {
  id: string;
  conversationId: string;
  status: string;
  reason: string;
  takenBy: string | null;
}

beforeAll(async () => {
  system = await startSystem(['gateway', 'dialogue', 'ticketing']);
  chat = webChat(system);
  agentToken = await tokenOf('agent');
});
afterAll(() => system?.stop());

async function tokenOf(username: string): Promise<string> {
  const login = await request<{ accessToken: string }>('POST', system.url('gateway', '/api/v1/auth/login'), {
    json: { username, password: system.staffPassword },
  });
  return login.body.accessToken;
}

const agent = <T = Handoff & ErrorAnswer>(method: string, path: string, json?: unknown, token = agentToken) =>
  request<T>(method, system.url('dialogue', `/api/v1/agent${path}`), { json, token });

async function waitingHandoffOf(sessionId: string): Promise<Handoff> {
  return eventually(async () => {
    const queue = await agent<{ waiting: Handoff[] }>('GET', '/queue');
    const handoff = queue.body.waiting.find((candidate) => candidate.conversationId === sessionId);
    if (!handoff) throw new Error('not in the queue yet');
    return handoff;
  });
}

const lastOut = (messages: ChatMessage[]) => messages.filter((message) => message.direction === 'out').at(-1)?.text;

describe('handing a conversation to a person', () => {
  it('queues on request, lets an agent take it, reply, and give it back to the assistant', async () => {
    const asked = await chat.send({ text: '转人工' });
    const sessionId = asked.body.sessionId;
    expect(asked.body.replies?.[0].text).toContain('正在为您转接人工客服');
    const handoff = await waitingHandoffOf(sessionId);
    expect(handoff).toMatchObject({ status: 'waiting', reason: 'requested' });

    const waiting = await chat.send({ sessionId, text: '请问还要等多久' });
    expect(waiting.body.replies?.[0].text).toContain('人工客服正在接入');

    const taken = await agent('POST', `/handoffs/${handoff.id}/take`);
    expect(taken.body).toMatchObject({ status: 'active', takenBy: 'agent' });
    const other = await tokenOf('admin');
    expect((await agent('POST', `/handoffs/${handoff.id}/take`, undefined, other)).status).toBe(403);
    await eventually(async () =>
      expect(lastOut((await chat.history(sessionId)).body.messages)).toBe('人工客服已接入，请问有什么可以帮您？'),
    );

    const quiet = await chat.send({ sessionId, text: '我想问公租房的事' }, 1500);
    expect(quiet.status).toBe(202);
    expect(quiet.body.replies).toEqual([]);

    const read = await request<{ messages: ChatMessage[] }>(
      'GET',
      system.url(
        'gateway',
        `/api/v1/conversations/${sessionId}/messages?reason=${encodeURIComponent('处理转人工会话')}`,
      ),
      { token: agentToken },
    );
    expect(read.body.messages.map((message) => message.text)).toContain('我想问公租房的事');
    const unexplained = await request<ErrorAnswer>(
      'GET',
      system.url('gateway', `/api/v1/conversations/${sessionId}/messages`),
      {
        token: agentToken,
      },
    );
    expect(unexplained.status).toBe(400);
    expect(unexplained.body.message).toContain('reason');

    const replied = await agent<{ messageId: string }>('POST', `/handoffs/${handoff.id}/replies`, {
      text: '您好，公租房申请可以在广州市住房保障办公室网站提交。',
    });
    expect(replied.status).toBe(201);
    await eventually(async () =>
      expect(lastOut((await chat.history(sessionId)).body.messages)).toContain('广州市住房保障办公室'),
    );

    expect((await agent('POST', `/handoffs/${handoff.id}/give-back`)).body.status).toBe('returned');
    await eventually(async () =>
      expect(lastOut((await chat.history(sessionId)).body.messages)).toContain('您可以继续向我提问'),
    );
    const bot = await chat.send({ sessionId, text: '你好' });
    expect(bot.body.replies?.[0].text).toContain('政务服务智能客服');
  });

  it('hands over after two questions the assistant could not answer', async () => {
    const first = await chat.send({ text: '明天天气怎么样' });
    expect(first.body.replies?.[0].text).toContain('暂时还不能准确回答');
    const second = await chat.send({ sessionId: first.body.sessionId, text: '给我讲个笑话' });
    expect(second.body.replies?.[0].text).toContain('正在为您转接人工客服');
    expect((await waitingHandoffOf(first.body.sessionId)).reason).toBe('failed_turns');
  });

  it('hands over at once on strong anger, and lets the citizen cancel while waiting', async () => {
    const angry = await chat.send({ text: '垃圾机器人，气死我了' });
    expect(angry.body.replies?.[0].text).toContain('正在为您转接人工客服');
    expect((await waitingHandoffOf(angry.body.sessionId)).reason).toBe('negative_sentiment');
    const cancelled = await chat.send({ sessionId: angry.body.sessionId, text: '算了不等了' });
    expect(cancelled.body.replies?.[0].text).toBe('已为您取消转人工。您可以继续向我提问。');
    const queue = await agent<{ waiting: Handoff[] }>('GET', '/queue');
    expect(queue.body.waiting.map((handoff) => handoff.conversationId)).not.toContain(angry.body.sessionId);
  });

  it('refuses agents replying to a handoff they do not have, and non-agents altogether', async () => {
    const asked = await chat.send({ text: '人工客服' });
    const handoff = await waitingHandoffOf(asked.body.sessionId);
    const early = await agent('POST', `/handoffs/${handoff.id}/replies`, { text: '你好' });
    expect(early.status).toBe(409);
    expect(early.body.message).toBe('请先接入该会话再操作');
    expect((await agent('GET', '/queue', undefined, await tokenOf('thzjj-staff'))).status).toBe(403);
    expect((await agent('POST', `/handoffs/not-a-uuid/take`)).status).toBe(400);
  });
});
