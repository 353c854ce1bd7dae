import { ErrorAnswer, eventually, webChat } from '../support/chat';
import { request } from '../support/http';
import { RunningSystem, startSystem } from '../support/running-system';

let system: RunningSystem;
let chat: ReturnType<typeof webChat>;

interface MonthStats {
  month: string;
  received: number;
  resolved: number;
  rated: number;
  responseRate: number | null;
  onTimeRate: number | null;
  resolutionRate: number | null;
  averageHandlingHours: number | null;
  satisfactionRate: number | null;
  averageRating: number | null;
  score: number | null;
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

async function complain(text: string) {
  const answer = await chat.send({ text });
  const ticketNo = /工单号：(GD\d+)/.exec(answer.body.replies?.[0].text ?? '')?.[1];
  if (!ticketNo) throw new Error(`no ticket in ${JSON.stringify(answer.body)}`);
  return { sessionId: answer.body.sessionId, ticketNo };
}

async function act(username: string, ticketNo: string, action: string, json: unknown = {}) {
  const answer = await request<{ status: string }>(
    'POST',
    system.url('ticketing', `/api/v1/tickets/${ticketNo}/${action}`),
    { json, token: await tokenOf(username) },
  );
  expect(answer.status).toBe(200);
  return answer.body;
}

const thisMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

describe('department statistics and ranking', () => {
  it('count what the department did this month; the head sees their own, the ranking puts it first', async () => {
    const first = await complain('我要投诉天河区棠下小区周边工地夜间施工扰民');
    const second = await complain('我要投诉天河区棠下小区周边工地夜间施工扰民'); // another citizen, same site
    await act('thzjj-staff', first.ticketNo, 'sign-for');
    await act('thzjj-staff', second.ticketNo, 'sign-for');
    await act('thzjj-staff', first.ticketNo, 'conclude', { reply: '经核查，该工地已停止夜间施工。' });
    await eventually(async () => {
      const messages = (await chat.history(first.sessionId)).body.messages;
      expect(messages.map((message) => message.text).join('\n')).toContain('请您对这次办理结果进行评价');
    });
    expect((await chat.send({ sessionId: first.sessionId, text: '非常满意' })).body.replies?.[0].text).toContain(
      '感谢您的评价',
    );

    const month = thisMonth();
    const stats = await eventually(async () => {
      const answer = await request<{ department: { code: string; name: string }; months: MonthStats[] }>(
        'GET',
        system.url('ticketing', `/api/v1/stats/departments/440106-zjj?from=${month}`),
        { token: await tokenOf('thzjj-head') },
      );
      expect(answer.status).toBe(200);
      expect(answer.body.months[0].rated).toBe(1);
      return answer.body;
    });
    expect(stats.department).toEqual({ code: '440106-zjj', name: '天河区住房和建设局' });
    expect(stats.months).toHaveLength(1);
    expect(stats.months[0]).toMatchObject({
      month,
      received: 2,
      resolved: 1,
      responseRate: 1,
      onTimeRate: 1,
      resolutionRate: 0.5,
      satisfactionRate: 1,
      averageRating: 5,
      score: 90,
    });
    expect(stats.months[0].averageHandlingHours).toBeGreaterThanOrEqual(0);

    const ranking = await request<{ month: string; departments: Array<{ code: string; rank: number | null }> }>(
      'GET',
      system.url('ticketing', `/api/v1/stats/ranking?month=${month}`),
      { token: await tokenOf('thsthj-head') },
    );
    expect(ranking.status).toBe(200);
    expect(ranking.body.departments[0]).toMatchObject({ code: '440106-zjj', rank: 1 });
    expect(ranking.body.departments.find((row) => row.code === '440106-sthj')?.rank).toBeNull();
  });

  it('are kept from other departments and from staff, and refuse bad months', async () => {
    const url = (path: string) => system.url('ticketing', path);
    const other = await request<ErrorAnswer>('GET', url('/api/v1/stats/departments/440106-zjj'), {
      token: await tokenOf('thsthj-head'),
    });
    expect(other.status).toBe(403);
    expect(other.body.message).toBe('只能查看本单位的统计');
    const staff = await request<ErrorAnswer>('GET', url('/api/v1/stats/ranking'), {
      token: await tokenOf('thzjj-staff'),
    });
    expect(staff.status).toBe(403);
    const badMonth = await request<ErrorAnswer>('GET', url('/api/v1/stats/ranking?month=2026-13'), {
      token: await tokenOf('admin'),
    });
    expect(badMonth.status).toBe(400);
    expect(badMonth.body.message).toContain('月份格式应为 YYYY-MM');
    const backwards = await request<ErrorAnswer>(
      'GET',
      url('/api/v1/stats/departments/440106-zjj?from=2026-10&to=2026-09'),
      { token: await tokenOf('admin') },
    );
    expect(backwards.status).toBe(400);
    const unknown = await request<ErrorAnswer>('GET', url('/api/v1/stats/departments/nowhere'), {
      token: await tokenOf('admin'),
    });
    expect(unknown.status).toBe(404);
  });
});
