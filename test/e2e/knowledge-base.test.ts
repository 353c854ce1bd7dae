import { ErrorAnswer, eventually, webChat } from '../support/chat';
import { request } from '../support/http';
import { RunningSystem, startSystem } from '../support/running-system';

let system: RunningSystem;
let adminToken: string;

beforeAll(async () => {
  system = await startSystem(['gateway', 'dialogue', 'ticketing']);
  await system.startReplica('dialogue');
  // Until both replicas have joined the consumer group, some messages wait for the rebalance.
  await eventually(async () => {
    for (const text of await askEveryReplica('你好')) expect(text).toContain('政务服务智能客服');
  }, 60_000);
  const login = await request<{ accessToken: string }>('POST', system.url('gateway', '/api/v1/auth/login'), {
    json: { username: 'admin', password: system.staffPassword },
  });
  adminToken = login.body.accessToken;
});
afterAll(() => system?.stop());

const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const yesterday = new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);

/** A made-up allowance, so no demo content can answer for it. */
const allowance = (summary: string, versions: Array<Record<string, unknown>> = []) => ({
  kind: 'policy',
  id: 'e2e-lychee-growers-allowance',
  versions: [
    ...versions,
    {
      version: 'current',
      title: '荔枝种植户防灾补贴',
      authority: '天河区农业农村局',
      documentNumber: '穗天农〔2026〕1号',
      scope: ['440106'],
      effectiveFrom: today,
      sourceUrl: 'https://www.thnet.gov.cn/example',
      summary,
      qa: [{ question: '荔枝种植户防灾补贴怎么申请', alternatives: [], answer: '向所在街道农业服务中心提交申请表。' }],
      keywords: ['荔枝补贴'],
    },
  ],
});

const put = (document: unknown, token = adminToken, headers: Record<string, string> = {}) =>
  request<ErrorAnswer & { revision: number }>(
    'PUT',
    system.url('dialogue', '/api/v1/knowledge/e2e-lychee-growers-allowance'),
    {
      json: document,
      token,
      headers,
    },
  );

/** Asks from many sessions, so that both dialogue replicas answer some of them. */
async function askEveryReplica(question: string): Promise<string[]> {
  const chat = webChat(system);
  const answers = await Promise.all(Array.from({ length: 12 }, () => chat.send({ text: question })));
  return answers.map((answer) => (answer.body.replies ?? []).map((reply) => reply.text).join('\n'));
}

describe('the knowledge base', () => {
  it('is edited by administrators only', async () => {
    const agent = await request<{ accessToken: string }>('POST', system.url('gateway', '/api/v1/auth/login'), {
      json: { username: 'agent', password: system.staffPassword },
    });
    expect((await put(allowance('每户补贴500元。'), agent.body.accessToken)).status).toBe(403);
    expect((await request('GET', system.url('dialogue', '/api/v1/knowledge'))).status).toBe(401);
  });

  it('refuses a document that breaks the format, naming what is wrong', async () => {
    const answer = await put({ ...allowance('每户补贴500元。'), versions: [{ title: '无日期' }] });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/versions\.0\./);
  });

  it('answers from a published item at once, on every replica, citing its source and date', async () => {
    expect((await put(allowance('种植荔枝的农户，每户每年可领防灾补贴500元。'))).status).toBe(200);
    await eventually(async () => {
      const answers = await askEveryReplica('荔枝种植户防灾补贴怎么申请');
      for (const text of answers) {
        expect(text).toContain('向所在街道农业服务中心提交申请表。');
        expect(text).toContain('依据：《荔枝种植户防灾补贴》（穗天农〔2026〕1号），天河区农业农村局');
      }
    }, 10_000);
  });

  it('answers with the version in force today after an edit, never the one that ended yesterday', async () => {
    const older = {
      ...allowance('').versions[0],
      version: 'old',
      summary: '种植荔枝的农户，每户每年可领防灾补贴300元。',
      effectiveFrom: '2025-01-01',
      effectiveUntil: yesterday,
    };
    const current = await request<{ revision: number }>(
      'GET',
      system.url('dialogue', '/api/v1/knowledge/e2e-lychee-growers-allowance'),
      {
        token: adminToken,
      },
    );
    const edit = allowance('种植荔枝的农户，每户每年可领防灾补贴800元。', [older]);
    expect((await put(edit, adminToken, { 'if-match': `"${current.body.revision}"` })).status).toBe(200);
    expect((await put(edit, adminToken, { 'if-match': `"${current.body.revision}"` })).status).toBe(409);
    await eventually(async () => {
      for (const text of await askEveryReplica('种植荔枝的农户每户每年可领多少防灾补贴')) {
        expect(text).toContain('800元');
        expect(text).not.toContain('300元');
      }
    }, 10_000);
  });

  it('stops answering from an item once it is withdrawn', async () => {
    const withdrawn = await request(
      'DELETE',
      system.url('dialogue', '/api/v1/knowledge/e2e-lychee-growers-allowance'),
      {
        token: adminToken,
      },
    );
    expect(withdrawn.status).toBe(200);
    await eventually(async () => {
      for (const text of await askEveryReplica('荔枝种植户防灾补贴怎么申请')) expect(text).not.toContain('补贴');
    }, 10_000);
  });
});
