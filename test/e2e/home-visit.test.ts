import { ChatMessage, ErrorAnswer, eventually, webChat } from '../support/chat';
import { request } from '../support/http';
import { RunningSystem, startSystem } from '../support/running-system';

let system: RunningSystem;
let chat: ReturnType<typeof webChat>;

interface GridTask {
  id: string;
  ticketNo: string;
  gridWorker: string;
  community: string;
  groups: string[];
  visitDate: string;
  materials: string[];
  status: string;
}

beforeAll(async () => {
  system = await startSystem(['gateway', 'dialogue', 'ticketing']);
  chat = webChat(system);
});
afterAll(() => system?.stop());

async function tokenOf(username: string): Promise<string> {
  const login = await request<{ accessToken: string }>('POST', system.url('gateway', '/api/v1/auth/login'), {
    json: { username, password: system.staffPassword },
  });
  return login.body.accessToken;
}

async function tasksOf(username: string): Promise<GridTask[]> {
  const answer = await request<{ tasks: GridTask[] }>('GET', system.url('ticketing', '/api/v1/grid-tasks'), {
    token: await tokenOf(username),
  });
  expect(answer.status).toBe(200);
  return answer.body.tasks;
}

async function repliesTo(sessionId: string): Promise<string> {
  const messages: ChatMessage[] = (await chat.history(sessionId)).body.messages;
  return messages
    .filter((message) => message.direction === 'out')
    .map((message) => message.text)
    .join('\n');
}

describe('a home visit for an elderly citizen', () => {
  it('becomes a ticket and a grid task; the grid worker accepts and the citizen is told the day and what to prepare', async () => {
    const answer = await chat.send({ text: '我今年75岁了，住在天河区棠下，腿脚不方便，能派人上门帮我办低保吗' });
    const reply = answer.body.replies?.[0].text ?? '';
    const ticketNo = /工单号：(GD\d+)/.exec(reply)?.[1];
    expect(ticketNo).toBeDefined();

    const task = await eventually(async () => {
      const found = (await tasksOf('admin')).find((candidate) => candidate.ticketNo === ticketNo);
      expect(found).toBeDefined();
      return found as GridTask;
    });
    // 棠下 is named, so the visit goes to that grid's worker, not to the (equally idle) 石牌 worker.
    expect(task).toMatchObject({ status: 'pending', groups: ['elderly'], gridWorker: 'grid-tangde' });
    expect(task.community).toBe('棠下街道棠德社区');
    expect(task.materials.length).toBeGreaterThan(0);
    expect(task.visitDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const worker = 'grid-tangde';
    const other = 'grid-shipai';
    expect((await tasksOf(worker)).map((mine) => mine.id)).toContain(task.id);
    expect((await tasksOf(other)).map((theirs) => theirs.id)).not.toContain(task.id);

    const url = (action: string) => system.url('ticketing', `/api/v1/grid-tasks/${task.id}/${action}`);
    const stolen = await request<ErrorAnswer>('POST', url('accept'), { json: {}, token: await tokenOf(other) });
    expect(stolen.status).toBe(404);
    const tooEarly = await request<ErrorAnswer>('POST', url('done'), { json: {}, token: await tokenOf(worker) });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.message).toBe('上门任务当前为「待接收」，不能标记完成');

    const accepted = await request<GridTask>('POST', url('accept'), { json: {}, token: await tokenOf(worker) });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    await eventually(async () => {
      const told = await repliesTo(answer.body.sessionId);
      expect(told).toContain(`网格员将于`);
      expect(told).toContain(`工单 ${ticketNo}`);
      expect(told).toContain(task.materials[0]);
    });

    const done = await request<GridTask>('POST', url('done'), {
      json: { notes: '已上门协助填写低保申请表并收取材料' },
      token: await tokenOf(worker),
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', notes: '已上门协助填写低保申请表并收取材料' });
    await eventually(async () => expect(await repliesTo(answer.body.sessionId)).toContain('已完成上门服务'));
  });

  it('is not made for a younger citizen, nor opened to staff without the grid worker role', async () => {
    const answer = await chat.send({ text: '我今年30岁，住在天河区棠下，能派人上门帮我办低保吗' });
    expect(answer.body.replies?.[0].text ?? '').not.toMatch(/工单号/);

    const forbidden = await request<ErrorAnswer>('GET', system.url('ticketing', '/api/v1/grid-tasks'), {
      token: await tokenOf('thzjj-staff'),
    });
    expect(forbidden.status).toBe(403);
    const badId = await request<ErrorAnswer>('POST', system.url('ticketing', '/api/v1/grid-tasks/abc/accept'), {
      json: {},
      token: await tokenOf('grid-tangde'),
    });
    expect(badId.status).toBe(400);
    expect(badId.body.message).toContain('UUID');
  });
});
