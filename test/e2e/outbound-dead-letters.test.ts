import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ErrorAnswer, eventually } from '../support/chat';
import { request } from '../support/http';
import { RunningSystem, startSystem } from '../support/running-system';

// The dead-letter endpoints of the running gateway. Rows are put in place through its database: making a real
// reply die needs a channel sender and a vendor, which the channel suites and test/integration/outbound-queue cover.

interface DeadLetterView {
  id: string;
  channel: string;
  conversationId: string;
  attempts: number;
  lastError: string | null;
  vendorCode: string | null;
  manualRetries: number;
  deadAt: string | null;
}

let system: RunningSystem;
let database: DataSource;
let adminToken: string;
let agentToken: string;

beforeAll(async () => {
  system = await startSystem(['gateway']);
  database = await new DataSource({ type: 'postgres', url: system.env.DATABASE_URL }).initialize();
  adminToken = await tokenOf('admin');
  agentToken = await tokenOf('agent');
});
afterAll(async () => {
  await database?.destroy();
  await system?.stop();
});

async function tokenOf(username: string): Promise<string> {
  const answer = await request<{ accessToken: string }>('POST', system.url('gateway', '/api/v1/auth/login'), {
    json: { username, password: system.staffPassword },
  });
  return answer.body.accessToken;
}

const deadLetters = (query = '', token = adminToken) =>
  request<{ deadLetters: DeadLetterView[] } & ErrorAnswer>(
    'GET',
    system.url('gateway', `/api/v1/admin/outbound/dead-letters${query}`),
    { token },
  );
const retry = (id: string, token = adminToken) =>
  request<{ id: string; status: string } & ErrorAnswer>(
    'POST',
    system.url('gateway', `/api/v1/admin/outbound/dead-letters/${id}/retry`),
    { token },
  );

/** A reply on the wecom queue in the given state, as the queue would have left it. */
async function aDelivery(
  status: 'dead' | 'sent' | 'pending',
  text = '您的申请已受理，请留意办理进度',
): Promise<string> {
  const conversationId = randomUUID();
  const messageId = randomUUID();
  await database.query(`INSERT INTO gateway.conversations (id, channel, citizen_id) VALUES ($1, 'wecom', $2)`, [
    conversationId,
    `wecom:${conversationId.slice(0, 8)}`,
  ]);
  // The text column is ciphertext in real rows; clear text here shows that the endpoint never reads it.
  await database.query(
    `INSERT INTO gateway.messages (id, conversation_id, direction, text_cipher) VALUES ($1, $2, 'out', $3)`,
    [messageId, conversationId, text],
  );
  await database.query(
    `INSERT INTO gateway.outbound_deliveries
       (message_id, conversation_id, channel, status, attempts, last_error, vendor_code, dead_at, sent_at)
     VALUES ($1, $2, 'wecom', $3, 8, 'DeliveryFailed: system busy', '-1',
             CASE WHEN $3 = 'dead' THEN now() END, CASE WHEN $3 = 'sent' THEN now() END)`,
    [messageId, conversationId, status],
  );
  return messageId;
}

describe('outbound dead letters', () => {
  it('lists given-up replies to an administrator, newest first, without their text', async () => {
    const older = await aDelivery('dead');
    const newer = await aDelivery('dead', '材料清单：居民身份证、户口簿');
    await aDelivery('sent');

    const answer = await deadLetters('?channel=wecom&limit=10');

    expect(answer.status).toBe(200);
    expect(answer.body.deadLetters.map((letter) => letter.id)).toEqual([newer, older]);
    expect(answer.body.deadLetters[0]).toMatchObject({
      channel: 'wecom',
      attempts: 8,
      vendorCode: '-1',
      lastError: 'DeliveryFailed: system busy',
      manualRetries: 0,
    });
    expect(answer.text).not.toContain('材料清单');
    expect(answer.text).not.toContain('受理');
    expect((await deadLetters('?channel=sms')).body.deadLetters).toEqual([]);
    expect((await deadLetters('?limit=1')).body.deadLetters.map((letter) => letter.id)).toEqual([newer]);
  });

  it('sends a dead letter back through its queue, and refuses one that is not dead or does not exist', async () => {
    const dead = await aDelivery('dead');

    const retried = await retry(dead);
    expect(retried.status).toBe(202);
    expect(retried.body).toEqual({ id: dead, status: 'pending' });
    // The gateway's WeCom sender takes it; this conversation has no channel contact, so the attempt fails for good
    // before any vendor call, and the reply is a dead letter again after one fresh attempt.
    const row = await eventually(async () => {
      const [current] = await database.query(
        `SELECT status, attempts, manual_retries, last_error FROM gateway.outbound_deliveries WHERE message_id = $1`,
        [dead],
      );
      expect(current).toMatchObject({ status: 'dead', attempts: 1, manual_retries: 1 });
      return current;
    });
    expect(row.last_error).toMatch(/^ContactNotFound: /);
    const listed = (await deadLetters()).body.deadLetters.find((letter) => letter.id === dead);
    expect(listed).toMatchObject({ attempts: 1, manualRetries: 1, vendorCode: null });

    const waiting = await retry(await aDelivery('pending'));
    expect(waiting.status).toBe(409);
    expect(waiting.body.message).toBe('这条消息当前状态为「排队待发」，只有发送失败的消息才能重新发送');
    expect((await retry(await aDelivery('sent'))).status).toBe(409);
    expect((await retry(randomUUID())).status).toBe(404);
    expect((await retry('not-an-id')).status).toBe(400);
  });

  it('refuses a bad filter, and anyone but an administrator', async () => {
    expect((await deadLetters('?channel=fax')).status).toBe(400);
    expect((await deadLetters('?limit=0')).status).toBe(400);
    expect((await deadLetters('', agentToken)).status).toBe(403);
    expect((await retry(randomUUID(), agentToken)).status).toBe(403);
    const anonymous = await request('GET', system.url('gateway', '/api/v1/admin/outbound/dead-letters'));
    expect(anonymous.status).toBe(401);
  });

  it('exposes the outbound metrics', async () => {
    const metrics = await request<string>('GET', system.url('gateway', '/metrics'));
    expect(metrics.text).toContain('# TYPE outbound_messages_total counter');
    expect(metrics.text).toContain('# TYPE outbound_delivery_delay_seconds histogram');
  });
});
