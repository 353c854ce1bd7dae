import { ChatMessage, ErrorAnswer, eventually, webChat } from '../support/chat';
import { request } from '../support/http';
import { RunningSystem, startSystem } from '../support/running-system';

let system: RunningSystem;
let chat: ReturnType<typeof webChat>;
const tokens = new Map<string, string>();

interface TicketView {
  ticketNo: string;
  version: number;
  status: string;
  allowedActions: string[];
  departmentCode: string;
  dueAt: string | null;
  workingDays: number;
  reopenCount: number;
  rating: number | null;
}

beforeAll(async () => {
  system = await startSystem(['gateway', 'dialogue', 'ticketing']);
  chat = webChat(system);
});
afterAll(() => system?.stop());

async function tokenOf(username: string): Promise<string> {
  if (!tokens.has(username)) {
    const login = await request<{ accessToken: string }>('POST', system.url('gateway', '/api/v1/auth/login'), {
      json: { username, password: system.staffPassword },
    });
    tokens.set(username, login.body.accessToken);
  }
  return tokens.get(username) ?? '';
}

async function act(username: string, ticketNo: string, action: string, json: unknown = {}, headers = {}) {
  return request<TicketView & ErrorAnswer & { allowedActions: string[] }>(
    'POST',
    system.url('ticketing', `/api/v1/tickets/${ticketNo}/${action}`),
    { json, token: await tokenOf(username), headers },
  );
}

/** A complaint from a new session; returns the session and the ticket number the citizen was given. */
async function complain(text: string) {
  const answer = await chat.send({ text });
  const ticketNo = /工单号：(GD\d+)/.exec(answer.body.replies?.[0].text ?? '')?.[1];
  if (!ticketNo) throw new Error(`no ticket in ${JSON.stringify(answer.body)}`);
  return { sessionId: answer.body.sessionId, ticketNo };
}

async function lastOut(sessionId: string): Promise<string> {
  const messages: ChatMessage[] = (await chat.history(sessionId)).body.messages;
  return messages
    .filter((message) => message.direction === 'out')
    .map((message) => message.text)
    .join('\n');
}

describe('a work order from complaint to rating', () => {
  it('is signed for, concluded with a reply, rated badly by the citizen, and reopened — the citizen told each step', async () => {
    const { sessionId, ticketNo } = await complain('我要投诉天河区棠下小区周边工地夜间施工扰民');

    expect((await act('thsthj-staff', ticketNo, 'sign-for')).status).toBe(404);
    const signed = await act('thzjj-staff', ticketNo, 'sign-for');
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({
      status: 'accepted',
      allowedActions: expect.arrayContaining(['conclude', 'returnTicket']),
    });
    await eventually(async () =>
      expect(await lastOut(sessionId)).toContain(`您的工单 ${ticketNo} 已由天河区住房和建设局签收`),
    );

    const again = await act('thzjj-staff', ticketNo, 'sign-for');
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('工单当前状态为「已签收」，不能签收');
    expect(again.body.allowedActions).toEqual(expect.arrayContaining(['conclude']));

    const stale = await act('thzjj-staff', ticketNo, 'start', {}, { 'if-match': `"${signed.body.version - 1}"` });
    expect(stale.status).toBe(409);

    const concluded = await act('thzjj-staff', ticketNo, 'conclude', {
      reply: '经核查，该工地已停止夜间施工，我局将持续巡查。',
    });
    expect(concluded.body.status).toBe('resolved');
    await eventually(async () => expect(await lastOut(sessionId)).toContain('请您对这次办理结果进行评价'));

    const rated = await chat.send({ sessionId, text: '5' });
    expect(rated.body.replies?.[0].text).toContain('感谢您的评价');
    await eventually(async () =>
      expect(await lastOut(sessionId)).toContain(`工单 ${ticketNo} 已退回天河区住房和建设局重新办理`),
    );

    const ticket = await request<TicketView>('GET', system.url('ticketing', `/api/v1/tickets/${ticketNo}`), {
      token: await tokenOf('admin'),
    });
    expect(ticket.body).toMatchObject({ status: 'in_progress', rating: 1, reopenCount: 1 });
    const history = await request<{ history: Array<{ action: string; toStatus: string; actor: string }> }>(
      'GET',
      system.url('ticketing', `/api/v1/tickets/${ticketNo}/history`),
      { token: await tokenOf('admin') },
    );
    expect(history.body.history.map((entry) => [entry.action, entry.toStatus, entry.actor])).toEqual([
      ['dispatch', 'assigned', 'system'],
      ['signFor', 'accepted', 'thzjj-staff'],
      ['conclude', 'resolved', 'thzjj-staff'],
      ['rate', 'revisited', 'citizen'],
      ['reopen', 'in_progress', 'citizen'],
    ]);
  });

  it('goes back to the desk when returned, and on to the right department; a good rating files it', async () => {
    const { sessionId, ticketNo } = await complain('我要投诉天河区某工厂夜间排放刺鼻废气');
    const ticket = await request<TicketView>('GET', system.url('ticketing', `/api/v1/tickets/${ticketNo}`), {
      token: await tokenOf('admin'),
    });
    const handler = ticket.body.departmentCode === '440106-sthj' ? 'thsthj' : 'thzjj';
    expect((await act(`${handler}-staff`, ticketNo, 'return', {})).status).toBe(400);
    const returned = await act(`${handler}-staff`, ticketNo, 'return', {
      reason: '不属于本单位职责，应由其他单位办理',
    });
    expect(returned.body).toMatchObject({ status: 'returned', departmentCode: '440100-12345' });
    expect((await act(`${handler}-staff`, ticketNo, 'sign-for')).status).toBe(404);

    const target = handler === 'thsthj' ? '440106-zjj' : '440106-sthj';
    expect((await act('desk12345-staff', ticketNo, 'dispatch', { departmentCode: target })).status).toBe(403);
    const dispatched = await act('admin', ticketNo, 'dispatch', { departmentCode: target });
    expect(dispatched.body).toMatchObject({ status: 'assigned', departmentCode: target });
    await eventually(async () => expect(await lastOut(sessionId)).toContain(`您的工单 ${ticketNo} 已改派`));

    const newHandler = target === '440106-sthj' ? 'thsthj' : 'thzjj';
    await act(`${newHandler}-staff`, ticketNo, 'sign-for');
    const due = (await act(`${newHandler}-staff`, ticketNo, 'start')).body.dueAt;
    expect(
      (
        await act(`${newHandler}-staff`, ticketNo, 'extension-requests', {
          workingDays: 3,
          reason: '需要联合执法，现场取证',
        })
      ).status,
    ).toBe(200);
    expect(
      (await act(`${newHandler}-staff`, ticketNo, 'extension-requests', { workingDays: 2, reason: '再次申请延期' }))
        .status,
    ).toBe(409);
    const approved = await act('admin', ticketNo, 'extension-requests/decision', { isApproved: true });
    expect(approved.body.workingDays).toBe(8);
    if (due) expect(new Date(approved.body.dueAt ?? 0).getTime()).toBeGreaterThan(new Date(due).getTime());
    await eventually(async () => expect(await lastOut(sessionId)).toContain('经审批延期办理'));

    await act(`${newHandler}-staff`, ticketNo, 'conclude', { reply: '已责令该厂整改并安装废气处理设施，经复查达标。' });
    await eventually(async () => expect(await lastOut(sessionId)).toContain('请您对这次办理结果进行评价'));
    await chat.send({ sessionId, text: '1' });
    await eventually(async () => {
      const filed = await request<TicketView>('GET', system.url('ticketing', `/api/v1/tickets/${ticketNo}`), {
        token: await tokenOf('admin'),
      });
      expect(filed.body).toMatchObject({ status: 'closed', rating: 5 });
    });
  });

  it('takes one of two simultaneous changes and refuses the other', async () => {
    const { ticketNo } = await complain('我要投诉天河区棠下小区门口路灯坏了一个月');
    await act('thzjj-staff', ticketNo, 'sign-for');
    const both = await Promise.all([
      act('thzjj-staff', ticketNo, 'conclude', { reply: '路灯已修复，恢复正常照明。' }),
      act('thzjj-head', ticketNo, 'conclude', { reply: '路灯已修复，恢复正常照明。' }),
    ]);
    expect(both.map((answer) => answer.status).sort()).toEqual([200, 409]);
  });

  it('refuses malformed changes with readable messages', async () => {
    const { ticketNo } = await complain('我要投诉天河区棠下小区垃圾清运不及时');
    await act('thzjj-staff', ticketNo, 'sign-for');
    const short = await act('thzjj-staff', ticketNo, 'conclude', { reply: '已处理' });
    expect(short.status).toBe(400);
    expect(short.body.message).toContain('答复内容至少 10 个字');
    expect(
      (await act('thzjj-staff', ticketNo, 'extension-requests', { workingDays: 90, reason: '太忙了' })).status,
    ).toBe(400);
    expect((await act('thzjj-staff', 'GD123', 'sign-for')).status).toBe(400);
    expect((await act('thzjj-staff', 'GD20990101000001', 'sign-for')).status).toBe(404);
  });
});
