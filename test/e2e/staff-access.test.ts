import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ErrorAnswer, webChat } from '../support/chat';
import { request } from '../support/http';
import { RunningSystem, startSystem } from '../support/running-system';

let system: RunningSystem;

interface TicketView {
  ticketNo: string;
  departmentCode: string;
  description: string;
  status: string;
}

beforeAll(async () => {
  system = await startSystem(['gateway', 'dialogue', 'ticketing']);
});
afterAll(() => system?.stop());

const logIn = async (username: string, password = system.staffPassword) => {
  const answer = await request<{ accessToken: string }>('POST', system.url('gateway', '/api/v1/auth/login'), {
    json: { username, password },
  });
  return answer;
};
const tokenOf = async (username: string) => (await logIn(username)).body.accessToken;
const tickets = (token?: string, path = '') =>
  request<{ tickets: TicketView[] } & TicketView & ErrorAnswer>(
    'GET',
    system.url('ticketing', `/api/v1/tickets${path}`),
    {
      token,
    },
  );

describe('staff sign-in', () => {
  it('issues a token that carries the roles and the department', async () => {
    const answer = await logIn('thzjj-staff');
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body)).toEqual(['accessToken']);
    const me = await request('GET', system.url('gateway', '/api/v1/auth/me'), { token: answer.body.accessToken });
    expect(me.body).toMatchObject({ username: 'thzjj-staff', roles: ['dept_staff'], departmentCode: '440106-zjj' });
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const wrong = await logIn('admin', 'not-the-password');
    const unknown = await logIn('nobody', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toMatchObject({ message: '用户名或密码不正确' });
    expect(unknown.body).toMatchObject({ message: '用户名或密码不正确' });
  });

  it('refuses a malformed sign-in with 400', async () => {
    const answer = await request<ErrorAnswer>('POST', system.url('gateway', '/api/v1/auth/login'), {
      json: { username: 'admin' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('password');
  });

  it('puts every sign-in on the audit trail, which verifies', async () => {
    const verify = async () => {
      const cli = join(__dirname, '..', '..', 'dist', 'tools', 'ops', 'verify-audit-log.js');
      const { stdout } = await promisify(execFile)(process.execPath, [cli, '--schema', 'gateway'], { env: system.env });
      return JSON.parse(stdout) as { ok: boolean; rows: number };
    };
    const before = await verify();
    await logIn('auditor');
    await logIn('auditor', 'wrong password');
    const after = await verify();
    expect(after).toMatchObject({ schema: 'gateway', ok: true, rows: before.rows + 1, head: { seq: before.rows + 1 } });
  });

  it('locks a username for a while after ten failures', async () => {
    for (let attempt = 0; attempt < 10; attempt += 1) expect((await logIn('agent', 'wrong')).status).toBe(401);
    expect((await logIn('agent')).status).toBe(429);
  });
});

describe('tickets are seen by their own department only', () => {
  let ticketNo: string;

  beforeAll(async () => {
    const answer = await webChat(system).send({ text: '我要投诉小区施工扰民，联系电话13812345678' });
    ticketNo = /工单号：(GD\d+)/.exec(answer.body.replies?.[0].text ?? '')?.[1] ?? '';
    expect(ticketNo).not.toBe('');
  });

  it('needs a token and one of the staff roles', async () => {
    expect((await tickets()).status).toBe(401);
    expect((await tickets('not.a.token')).status).toBe(401);
    expect((await tickets(await tokenOf('emergency'))).status).toBe(403);
  });

  it('shows the handling department its ticket, with the contact number masked', async () => {
    const token = await tokenOf('thzjj-staff');
    const one = await tickets(token, `/${ticketNo}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ ticketNo, departmentCode: '440106-zjj', status: 'assigned' });
    expect(one.body.description).toBe('我要投诉小区施工扰民，联系电话138****5678');
    const list = await tickets(token);
    expect(list.body.tickets.map((ticket) => ticket.ticketNo)).toContain(ticketNo);
    expect(list.body.tickets.every((ticket) => ticket.departmentCode === '440106-zjj')).toBe(true);
  });

  it('does not show it to another department, not even that it exists', async () => {
    const token = await tokenOf('thsthj-head');
    expect((await tickets(token, `/${ticketNo}`)).status).toBe(404);
    expect((await tickets(token)).body.tickets.map((ticket) => ticket.ticketNo)).not.toContain(ticketNo);
  });

  it('shows every department to an administrator', async () => {
    expect((await tickets(await tokenOf('admin'), `/${ticketNo}`)).status).toBe(200);
  });

  it('answers 400 for a malformed ticket number', async () => {
    expect((await tickets(await tokenOf('admin'), '/12345')).status).toBe(400);
  });

  it('opens the clear text only with a reason, to the handling department, and audits every opening', async () => {
    const verify = async () => {
      const cli = join(__dirname, '..', '..', 'dist', 'tools', 'ops', 'verify-audit-log.js');
      const args = [cli, '--schema', 'ticketing'];
      const { stdout } = await promisify(execFile)(process.execPath, args, { env: system.env });
      return JSON.parse(stdout) as { ok: boolean; rows: number };
    };
    const personalData = async (username: string, query: string) =>
      request<ErrorAnswer & { description: string }>(
        'GET',
        system.url('ticketing', `/api/v1/tickets/${ticketNo}/personal-data${query}`),
        { token: await tokenOf(username) },
      );
    const before = await verify();

    const noReason = await personalData('thzjj-staff', '');
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('请说明查看原因');
    expect((await personalData('thsthj-head', '?reason=核实情况')).status).toBe(404);
    expect((await personalData('emergency', '?reason=核实情况')).status).toBe(403);

    const opened = await personalData('thzjj-staff', `?reason=${encodeURIComponent('电话联系群众核实施工地点')}`);
    expect(opened.status).toBe(200);
    expect(opened.body.description).toBe('我要投诉小区施工扰民，联系电话13812345678');

    // Only the one opening is on the trail: refusals show nothing, so there is nothing to audit.
    expect(await verify()).toMatchObject({ ok: true, rows: before.rows + 1 });
  });
});
