import { randomUUID } from 'node:crypto';
import { Consumer, Kafka, logLevel, Producer } from 'kafkajs';
import { Client } from 'pg';
import { chinaDate, endOfChinaDay } from '@libs/common/time/china-time';
import { officialHolidaySchedule } from '../../apps/ticketing/src/calendar/official-holiday-schedule';
import { WorkingDayCalendar } from '../../apps/ticketing/src/calendar/working-day-calendar';
import { eventually } from '../support/chat';
import { request } from '../support/http';
import { RunningSystem, startSystem } from '../support/running-system';

interface TicketEvent {
  id: string;
  type: string;
  payload: Record<string, unknown> & { ticketNo: string };
}

interface OverdueRow {
  ticketNo: string;
  kind: string;
  departmentCode: string;
  workingDaysOverdue: number | null;
  isSupervised: boolean;
  supervisions: number;
}

let system: RunningSystem;
let kafka: Kafka;
let producer: Producer;
let consumer: Consumer;
let db: Client;
const events: TicketEvent[] = [];
const tokens = new Map<string, string>();
const calendar = new WorkingDayCalendar(officialHolidaySchedule());

beforeAll(async () => {
  system = await startSystem(['gateway', 'ticketing']);
  kafka = new Kafka({ brokers: String(system.env.KAFKA_BROKERS).split(','), logLevel: logLevel.NOTHING });
  producer = kafka.producer();
  await producer.connect();
  // The dev broker holds an empty fetch for the whole wait: a short one keeps the probe quick.
  consumer = kafka.consumer({ groupId: `probe-${randomUUID()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic: 'ticket.events.v1', fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      events.push(JSON.parse(String(message.value)) as TicketEvent);
    },
  });
  db = new Client({ connectionString: system.env.DATABASE_URL });
  await db.connect();
});
afterAll(async () => {
  await consumer?.disconnect();
  await producer?.disconnect();
  await db?.end();
  await system?.stop();
});

async function tokenOf(username: string): Promise<string> {
  if (!tokens.has(username)) {
    const login = await request<{ accessToken: string }>('POST', system.url('gateway', '/api/v1/auth/login'), {
      json: { username, password: system.staffPassword },
    });
    tokens.set(username, login.body.accessToken);
  }
  return tokens.get(username) ?? '';
}

/** A complaint as dialogue sends it; resolves with its ticket number once ticketing has announced it. */
async function complain(category: string, regionCode: string): Promise<string> {
  const conversationId = randomUUID();
  const envelope = {
    type: 'ticket.create',
    version: 1,
    id: randomUUID(),
    occurredAt: new Date().toISOString(),
    traceId: randomUUID().replace(/-/g, ''),
    key: conversationId,
    payload: {
      conversationId,
      channel: 'webchat',
      citizenId: `citizen-${randomUUID()}`,
      sourceMessageId: randomUUID(),
      category,
      regionCode,
      description: '小区旁边的工地每天夜里施工，噪声很大，影响休息',
      lang: 'zh',
    },
  };
  await producer.send({
    topic: 'ticket.commands.v1',
    messages: [{ key: conversationId, value: JSON.stringify(envelope) }],
  });
  const created = await eventually(async () => {
    const event = events.find(
      (candidate) => candidate.type === 'ticket.created' && candidate.payload.conversationId === conversationId,
    );
    if (!event) throw new Error(`no ticket yet for ${conversationId}`);
    return event;
  }, 30_000);
  return created.payload.ticketNo;
}

const scan = async (username = 'admin') =>
  request<{ scannedAt: string; raised: { yellow: number; red: number } }>(
    'POST',
    system.url('ticketing', '/api/v1/escalations/scan'),
    { token: await tokenOf(username) },
  );

const overdueList = async (username: string) =>
  request<{ total: number; tickets: OverdueRow[] }>('GET', system.url('ticketing', '/api/v1/tickets/overdue'), {
    token: await tokenOf(username),
  });

async function alertsOf(ticketNo: string): Promise<Array<{ kind: string; level: string }>> {
  const { rows } = await db.query(
    `SELECT a.kind, a.level FROM ticketing.deadline_alerts a JOIN ticketing.tickets t ON t.id = a.ticket_id
      WHERE t.ticket_no = $1 ORDER BY a.kind, a.level`,
    [ticketNo],
  );
  return rows;
}

const alertEventsOf = (ticketNo: string) => {
  const ids = new Set<string>();
  return events.filter((event) => {
    if (event.type !== 'ticket.deadline_alert' || event.payload.ticketNo !== ticketNo || ids.has(event.id))
      return false;
    ids.add(event.id);
    return true;
  });
};

/** The date `count` days before today in Beijing, moved back to a working day. */
function workingDayBefore(count: number): string {
  let date = new Date(Date.now() - count * 86_400_000);
  while (!calendar.isWorkingDay(chinaDate(date))) date = new Date(date.getTime() - 86_400_000);
  return chinaDate(date);
}

function firstWorkingDayAfterToday(): string {
  let date = new Date(Date.now() + 86_400_000);
  while (!calendar.isWorkingDay(chinaDate(date))) date = new Date(date.getTime() + 86_400_000);
  return chinaDate(date);
}

describe('GET /api/v1/calendar/add-working-days', () => {
  const addWorkingDays = (query: string) =>
    request<{ date?: string; message?: string }>(
      'GET',
      system.url('ticketing', `/api/v1/calendar/add-working-days?${query}`),
    );

  it('counts working days on the official schedule, holidays and make-up working days included, without sign-in', async () => {
    expect((await addWorkingDays('from=2025-09-30&days=3')).body).toEqual({ date: '2025-10-11' });
    expect((await addWorkingDays('from=2026-09-30&days=1')).body).toEqual({ date: '2026-10-08' });
    expect((await addWorkingDays('from=2026-02-13&days=2')).body).toEqual({ date: '2026-02-24' });
    expect((await addWorkingDays('from=2026-11-26&days=0')).body).toEqual({ date: '2026-11-26' });
  });

  it('answers 422 when the schedule for the period is not known, never a guess', async () => {
    const published = officialHolidaySchedule().lastPublishedYear;
    const late = await addWorkingDays(`from=${published}-12-28&days=10`);
    expect(late.status).toBe(422);
    expect(late.body.message).toBe(`${published + 1} 年的法定节假日安排尚未公布，无法计算工作日`);
    const early = await addWorkingDays('from=1999-06-01&days=5');
    expect(early.status).toBe(422);
    expect(early.body.message).toContain('无法计算 1999 年的工作日');
  });

  it.each([
    ['from=2026-11-26&days=-1', '工作日天数 days 应为 0 到 365 之间的整数'],
    ['from=2026-11-26&days=366', '工作日天数 days 应为 0 到 365 之间的整数'],
    ['from=2026-11-26&days=2.5', '工作日天数 days 应为 0 到 365 之间的整数'],
    ['from=2026-11-26', '请提供工作日天数 days'],
    ['days=5', '请提供起算日期 from'],
    ['from=2026-02-30&days=5', '起算日期 from 不是有效的日期'],
    ['from=2026/11/26&days=5', '起算日期 from 的格式应为 YYYY-MM-DD'],
  ])('answers 400 for %s', async (query, message) => {
    const answer = await addWorkingDays(query);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain(message);
  });
});

describe('deadline alerts (预警)', () => {
  it('raises one red alert for an overdue ticket and one yellow for a near one, however often it scans, restarts included', async () => {
    const late = await complain('城乡建设', '440106');
    const near = await complain('城乡建设', '440106');
    const dueDate = workingDayBefore(9);
    await db.query(`UPDATE ticketing.tickets SET due_at = $2 WHERE ticket_no = $1`, [late, endOfChinaDay(dueDate)]);
    await db.query(`UPDATE ticketing.tickets SET due_at = $2 WHERE ticket_no = $1`, [
      near,
      endOfChinaDay(firstWorkingDayAfterToday()),
    ]);

    expect((await scan('thzjj-head')).status).toBe(403);
    // The scheduled scan may have been first: what counts is what is recorded, and that it is recorded once.
    expect((await scan()).status).toBe(200);
    expect(await alertsOf(late)).toEqual([{ kind: 'conclude', level: 'red' }]);
    expect(await alertsOf(near)).toEqual([{ kind: 'conclude', level: 'yellow' }]);

    expect((await scan()).body.raised).toEqual({ yellow: 0, red: 0 });
    await system.kill('ticketing');
    await system.start('ticketing');
    expect((await scan()).body.raised).toEqual({ yellow: 0, red: 0 });
    expect(await alertsOf(late)).toEqual([{ kind: 'conclude', level: 'red' }]);
    expect(await alertsOf(near)).toEqual([{ kind: 'conclude', level: 'yellow' }]);

    await eventually(async () => expect(alertEventsOf(late)).toHaveLength(1), 30_000);
    await eventually(async () => expect(alertEventsOf(near)).toHaveLength(1), 30_000);
    // Time for a duplicate to show up, were one sent.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(alertEventsOf(late)).toHaveLength(1);
    expect(alertEventsOf(late)[0].payload).toMatchObject({
      ticketNo: late,
      kind: 'conclude',
      level: 'red',
      dueAt: endOfChinaDay(dueDate).toISOString(),
      status: 'assigned',
      departmentCode: '440106-zjj',
      departmentName: '天河区住房和建设局',
      departmentHeadUsername: 'thzjj-head',
    });
    expect(alertEventsOf(near)[0].payload).toMatchObject({ kind: 'conclude', level: 'yellow' });
  });

  it('lists overdue tickets for supervisors, with working days overdue and whether they were supervised', async () => {
    const late = await complain('城乡建设', '440106');
    const unsigned = await complain('环境保护', '440106');
    const dueDate = workingDayBefore(12);
    await db.query(`UPDATE ticketing.tickets SET due_at = $2 WHERE ticket_no = $1`, [late, endOfChinaDay(dueDate)]);
    await db.query(`UPDATE ticketing.tickets SET sign_due_at = $2 WHERE ticket_no = $1`, [
      unsigned,
      endOfChinaDay(workingDayBefore(3)),
    ]);
    await scan();

    let expectedOverdue = 0;
    for (
      let day = new Date(endOfChinaDay(dueDate).getTime() + 1);
      chinaDate(day) <= chinaDate(new Date());
      day = new Date(day.getTime() + 86_400_000)
    ) {
      if (calendar.isWorkingDay(chinaDate(day))) expectedOverdue += 1;
    }
    const all = await overdueList('admin');
    expect(all.status).toBe(200);
    expect(all.body.tickets.find((row) => row.ticketNo === late)).toMatchObject({
      kind: 'conclude',
      departmentCode: '440106-zjj',
      workingDaysOverdue: expectedOverdue,
      isSupervised: false,
      supervisions: 0,
    });
    expect(all.body.tickets.find((row) => row.ticketNo === unsigned)).toMatchObject({
      kind: 'sign',
      departmentCode: '440106-sthj',
    });

    const supervised = await request('POST', system.url('ticketing', `/api/v1/tickets/${late}/supervisions`), {
      json: { notice: '该工单已超期，请于两个工作日内办结并报告' },
      token: await tokenOf('admin'),
    });
    expect(supervised.status).toBe(200);
    expect((await overdueList('admin')).body.tickets.find((row) => row.ticketNo === late)).toMatchObject({
      isSupervised: true,
      supervisions: 1,
    });

    const ownHead = (await overdueList('thzjj-head')).body.tickets.map((row) => row.ticketNo);
    expect(ownHead).toContain(late);
    expect(ownHead).not.toContain(unsigned);
    expect((await overdueList('thsthj-head')).body.tickets.map((row) => row.ticketNo)).toContain(unsigned);
    expect((await overdueList('thzjj-staff')).status).toBe(403);

    // Signed for, it is no longer late for signing; concluded, it is off the list.
    const signFor = await request('POST', system.url('ticketing', `/api/v1/tickets/${unsigned}/sign-for`), {
      token: await tokenOf('thsthj-staff'),
    });
    expect(signFor.status).toBe(200);
    await request('POST', system.url('ticketing', `/api/v1/tickets/${late}/sign-for`), {
      token: await tokenOf('thzjj-staff'),
    });
    const concluded = await request('POST', system.url('ticketing', `/api/v1/tickets/${late}/conclude`), {
      json: { reply: '经现场核查，工地已调整施工时间，夜间不再施工。' },
      token: await tokenOf('thzjj-staff'),
    });
    expect(concluded.status).toBe(200);
    const after = (await overdueList('admin')).body.tickets.map((row) => row.ticketNo);
    expect(after).not.toContain(late);
    expect(after).not.toContain(unsigned);
  });
});
