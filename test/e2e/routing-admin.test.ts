import { randomUUID } from 'node:crypto';
import { Consumer, Kafka, logLevel, Producer } from 'kafkajs';
import { eventually } from '../support/chat';
import { request } from '../support/http';
import { RunningSystem, startSystem } from '../support/running-system';

interface TicketCreated {
  ticketNo: string;
  conversationId: string;
  departmentCode: string;
  workingDays: number;
}

interface ErrorBody {
  message: string;
}

let system: RunningSystem;
let producer: Producer;
let consumer: Consumer;
const created: TicketCreated[] = [];
const tokens = new Map<string, string>();

beforeAll(async () => {
  system = await startSystem(['gateway', 'ticketing']);
  const kafka = new Kafka({ brokers: String(system.env.KAFKA_BROKERS).split(','), logLevel: logLevel.NOTHING });
  producer = kafka.producer();
  await producer.connect();
  // The dev broker holds an empty fetch for the whole wait: a short one keeps the probe quick.
  consumer = kafka.consumer({ groupId: `probe-${randomUUID()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic: 'ticket.events.v1', fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(String(message.value)) as { type: string; payload: TicketCreated };
      if (event.type === 'ticket.created') created.push(event.payload);
    },
  });
});
afterAll(async () => {
  await consumer?.disconnect();
  await producer?.disconnect();
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

async function admin<T = unknown>(method: string, path: string, json?: unknown, username = 'admin') {
  return request<T & ErrorBody>(method, system.url('ticketing', `/api/v1/admin${path}`), {
    json,
    token: await tokenOf(username),
  });
}

/** A complaint as dialogue sends it; resolves with the ticket ticketing made of it. */
async function complain(category: string, regionCode: string): Promise<TicketCreated> {
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
      description: '反映的问题已经持续一个多月，希望有关部门尽快处理',
      lang: 'zh',
    },
  };
  await producer.send({
    topic: 'ticket.commands.v1',
    messages: [{ key: conversationId, value: JSON.stringify(envelope) }],
  });
  return eventually(async () => {
    const ticket = created.find((candidate) => candidate.conversationId === conversationId);
    if (!ticket) throw new Error(`no ticket yet for ${conversationId}`);
    return ticket;
  }, 30_000);
}

describe('routing administration', () => {
  it('is for administrators only', async () => {
    expect((await admin('GET', '/routing-rules', undefined, 'thzjj-head')).status).toBe(403);
    expect((await admin('GET', '/departments', undefined, 'agent')).status).toBe(403);
    expect(
      (
        await admin(
          'POST',
          '/routing-rules',
          { category: '城乡建设', regionCode: '440104', departmentCode: '440106-zjj' },
          'thzjj-staff',
        )
      ).status,
    ).toBe(403);
    const anonymous = await request('GET', system.url('ticketing', '/api/v1/admin/categories'));
    expect(anonymous.status).toBe(401);
  });

  it('shows the demo departments with their heads and the category tree with its time limits', async () => {
    const departments = await admin<{
      departments: Array<{ code: string; headUsername: string | null; isDefaultDesk: boolean }>;
    }>('GET', '/departments');
    expect(departments.body.departments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: '440106-zjj', headUsername: 'thzjj-head', isDefaultDesk: false }),
        expect.objectContaining({ code: '440100-12345', isDefaultDesk: true }),
      ]),
    );
    const tree = await admin<{
      categories: Array<{ name: string; children: Array<{ name: string; concludeWithinWorkingDays: number | null }> }>;
    }>('GET', '/categories');
    expect(tree.body.categories.map((category) => category.name)).toEqual([
      '城乡建设',
      '环境保护',
      '交通运输',
      '劳动和社会保障',
      '卫生计生',
      '商贸旅游',
      '教育文体',
    ]);
    expect(tree.body.categories[0].children).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: '违法建设', concludeWithinWorkingDays: 10 })]),
    );
  });

  it('routes the next complaint by a new, changed or removed rule at once, the most specific region first', async () => {
    expect((await complain('城乡建设', '440104')).departmentCode).toBe('440100-12345');

    const district = await admin('POST', '/departments', {
      code: '440104-zjj',
      name: '越秀区住房和建设局',
      regionCode: '440104',
      headUsername: 'yxzjj-head',
    });
    expect(district.status).toBe(201);
    expect(
      (
        await admin('POST', '/departments', {
          code: '440100-zjj',
          name: '广州市住房和城乡建设局',
          regionCode: '440100',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await admin('PUT', '/departments/440104-zjj', {
          name: '越秀区住房和建设局',
          regionCode: '440104',
          parentCode: '440100-zjj',
          headUsername: 'yxzjj-head',
        })
      ).body,
    ).toMatchObject({ parentCode: '440100-zjj' });

    const districtRule = await admin<{ id: number }>('POST', '/routing-rules', {
      category: '城乡建设',
      regionCode: '440104',
      departmentCode: '440104-zjj',
    });
    expect(districtRule.status).toBe(201);
    expect((await complain('城乡建设', '440104')).departmentCode).toBe('440104-zjj');

    expect(
      (
        await admin('POST', '/routing-rules', {
          category: '城乡建设',
          regionCode: '440100',
          departmentCode: '440100-zjj',
        })
      ).status,
    ).toBe(201);
    expect((await complain('城乡建设', '440105')).departmentCode).toBe('440100-zjj');
    expect((await complain('城乡建设', '440106')).departmentCode).toBe('440106-zjj');
    expect((await complain('城乡建设', '440104')).departmentCode).toBe('440104-zjj');

    const changed = await admin('PUT', `/routing-rules/${districtRule.body.id}`, {
      category: '城乡建设',
      regionCode: '440104',
      departmentCode: '440100-zjj',
    });
    expect(changed.status).toBe(200);
    expect((await complain('城乡建设', '440104')).departmentCode).toBe('440100-zjj');

    expect((await admin('DELETE', `/routing-rules/${districtRule.body.id}`)).status).toBe(204);
    expect((await admin('DELETE', `/routing-rules/${districtRule.body.id}`)).status).toBe(404);
    const rules = await admin<{ rules: Array<{ regionCode: string }> }>('GET', '/routing-rules?category=城乡建设');
    expect(rules.body.rules.map((rule) => rule.regionCode).sort()).toEqual(['440100', '440106']);
  });

  it('refuses rules for unknown categories or departments, and a second rule for the same category and region', async () => {
    const unknownCategory = await admin('POST', '/routing-rules', {
      category: '其他',
      regionCode: '440106',
      departmentCode: '440106-zjj',
    });
    expect(unknownCategory.status).toBe(400);
    expect(unknownCategory.body.message).toBe('分类「其他」不存在，请先在分类中添加');
    const unknownDepartment = await admin('POST', '/routing-rules', {
      category: '城乡建设',
      regionCode: '440103',
      departmentCode: '440103-none',
    });
    expect(unknownDepartment.status).toBe(400);
    expect(
      (
        await admin('POST', '/routing-rules', {
          category: '城乡建设',
          regionCode: '4401',
          departmentCode: '440106-zjj',
        })
      ).status,
    ).toBe(400);
    const twice = await admin('POST', '/routing-rules', {
      category: '城乡建设',
      regionCode: '440106',
      departmentCode: '440106-sthj',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('已有派单规则');
  });

  it('deletes a department only when no ticket, rule or unit refers to it', async () => {
    const ticket = await complain('教育文体', '440103');
    expect(ticket.departmentCode).toBe('440100-12345');
    await admin('POST', '/departments', { code: '440103-jyj', name: '荔湾区教育局', regionCode: '440103' });
    const rule = await admin<{ id: number }>('POST', '/routing-rules', {
      category: '教育文体',
      regionCode: '440103',
      departmentCode: '440103-jyj',
    });
    expect((await complain('教育文体', '440103')).departmentCode).toBe('440103-jyj');

    const withRule = await admin('DELETE', '/departments/440103-jyj');
    expect(withRule.status).toBe(409);
    await admin('DELETE', `/routing-rules/${rule.body.id}`);
    const withTickets = await admin('DELETE', '/departments/440103-jyj');
    expect(withTickets.status).toBe(409);
    expect(withTickets.body.message).toBe(
      '「荔湾区教育局」仍有 1 张工单（含已办结、已归档的），为保留办理记录，不能删除',
    );
    expect((await admin('DELETE', '/departments/440100-12345')).status).toBe(409);

    expect(
      (await admin('POST', '/departments', { code: '440103-tyj', name: '荔湾区体育局', regionCode: '440103' })).status,
    ).toBe(201);
    expect((await admin('DELETE', '/departments/440103-tyj')).status).toBe(204);
    expect((await admin('DELETE', '/departments/440103-tyj')).status).toBe(404);
    const left = await admin<{ departments: Array<{ code: string }> }>('GET', '/departments');
    expect(left.body.departments.map((department) => department.code)).toContain('440103-jyj');
    expect(left.body.departments.map((department) => department.code)).not.toContain('440103-tyj');
  });

  it('gives the next ticket the time limit of its category, as edited', async () => {
    expect((await complain('违法建设', '440106')).workingDays).toBe(10);
    expect((await complain('交通运输', '440106')).workingDays).toBe(5);
    const edited = await admin('PUT', '/categories/交通运输', { concludeWithinWorkingDays: 7 });
    expect(edited.status).toBe(200);
    expect((await complain('交通运输', '440106')).workingDays).toBe(7);
    expect((await complain('公交线路与站点', '440106')).workingDays).toBe(7);

    expect((await admin('PUT', '/categories/其他', { concludeWithinWorkingDays: 3 })).status).toBe(400);
    expect(
      (await admin('PUT', '/categories/共享单车', { parentName: '交通运输', concludeWithinWorkingDays: 2 })).status,
    ).toBe(200);
    expect((await complain('共享单车', '440106')).workingDays).toBe(2);
    expect((await admin('DELETE', '/categories/交通运输')).status).toBe(409);
    expect((await admin('DELETE', '/categories/共享单车')).status).toBe(204);
  });
});
