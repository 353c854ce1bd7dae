import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Consumer, Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { ErrorAnswer, eventually } from '../support/chat';
import { request } from '../support/http';
import { RunningSystem, startSystem } from '../support/running-system';

let system: RunningSystem;
let consumer: Consumer;
let db: Client;
const events: AlertEvent[] = [];
const tokens = new Map<string, string>();

interface AlertEvent {
  type: string;
  key: string;
  payload: Record<string, unknown>;
}

interface Receipt {
  id: string;
  identifier: string;
  targeted: number;
  isRepeat: boolean;
}

type Counts = Record<'targeted' | 'queued' | 'sent' | 'delivered' | 'failed' | 'cancelled', number>;

interface AlertView {
  id: string;
  identifier: string;
  msgType: string;
  state: string;
  replacedBy: string | null;
  cancelledBy: string | null;
  submittedBy: string;
  warningColour: string | null;
  info: Array<{ lang: string | null; event: string; severity: string; areas: Array<{ regionCodes: string[] }> }>;
  deliveries: Counts;
  timeToSentMs: { p50: number | null; p90: number | null; p100: number | null };
}

const SENDER = 'gz-warning-centre@12379.example.cn';
const SENT = '2026-06-12T08:30:00+08:00';
const FIXTURE = readFileSync(join(__dirname, '..', 'fixtures', 'cap', 'guangzhou-rainstorm-orange.xml'), 'utf8');

/** The Guangzhou rainstorm warning under an identifier of its own, optionally changed further. */
const rainstorm = (identifier: string, change: (xml: string) => string = (xml) => xml) =>
  change(FIXTURE.replace(/<identifier>[^<]*<\/identifier>/, `<identifier>${identifier}</identifier>`));
const referring =
  (msgType: 'Update' | 'Cancel', ...identifiers: string[]) =>
  (xml: string) =>
    xml
      .replace('<msgType>Alert</msgType>', `<msgType>${msgType}</msgType>`)
      .replace(
        '<scope>Public</scope>',
        `<scope>Public</scope>\n  <references>${identifiers.map((id) => `${SENDER},${id},${SENT}`).join(' ')}</references>`,
      );
const withoutInfo = (xml: string) => xml.replace(/<info>[\s\S]*<\/info>/, '');
const unique = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  system = await startSystem(['gateway', 'notifier']);
  const kafka = new Kafka({ brokers: String(system.env.KAFKA_BROKERS).split(','), logLevel: logLevel.NOTHING });
  consumer = kafka.consumer({ groupId: `probe-${randomUUID()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic: 'alert.events.v1', fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      events.push(JSON.parse(String(message.value)) as AlertEvent);
    },
  });
  db = new Client({ connectionString: system.env.DATABASE_URL });
  await db.connect();
});
afterAll(async () => {
  await consumer?.disconnect();
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

async function publish(body: string, options: { as?: string | null; contentType?: string } = {}) {
  const token = options.as === null ? undefined : await tokenOf(options.as ?? 'emergency');
  return request<Receipt & ErrorAnswer>('POST', system.url('notifier', '/api/v1/alerts'), {
    body,
    token,
    headers: { 'content-type': options.contentType ?? 'application/cap+xml' },
  });
}

async function alertOf(id: string) {
  const answer = await request<AlertView & ErrorAnswer>('GET', system.url('notifier', `/api/v1/alerts/${id}`), {
    token: await tokenOf('emergency'),
  });
  expect(answer.status).toBe(200);
  return answer.body;
}

async function storedIdentifiers(): Promise<string[]> {
  const answer = await request<{ alerts: AlertView[] }>('GET', system.url('notifier', '/api/v1/alerts?limit=200'), {
    token: await tokenOf('emergency'),
  });
  expect(answer.status).toBe(200);
  return answer.body.alerts.map((alert) => alert.identifier);
}

/** Deliveries as the fan-out would have recorded them: states, and sends at the given seconds after reception. */
async function recordDeliveries(alertId: string, rows: Array<{ state: string; sentAfterSeconds?: number }>) {
  for (const row of rows) {
    await db.query(
      `INSERT INTO notifier.deliveries (alert_id, subscriber_id, channel, state, sent_at)
       SELECT id, $2, 'sms', $3, CASE WHEN $4::int IS NULL THEN NULL ELSE received_at + make_interval(secs => $4::int) END
         FROM notifier.alerts WHERE id = $1`,
      [alertId, randomUUID(), row.state, row.sentAfterSeconds ?? null],
    );
  }
}

describe('publishing a CAP 1.2 alert', () => {
  it('accepts a valid alert from the emergency officer, keeps the original and shows it with its deliveries', async () => {
    const identifier = unique('GZ-rainstorm');
    const xml = rainstorm(identifier);
    const answer = await publish(xml);
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ id: expect.any(String), identifier, targeted: 0, isRepeat: false });

    const alert = await alertOf(answer.body.id);
    expect(alert).toMatchObject({
      identifier,
      msgType: 'Alert',
      state: 'active',
      submittedBy: 'emergency',
      warningColour: 'orange',
      deliveries: { targeted: 0, queued: 0, sent: 0, delivered: 0, failed: 0, cancelled: 0 },
      timeToSentMs: { p50: null, p90: null, p100: null },
    });
    expect(alert.info.map((info) => [info.lang, info.event])).toEqual([
      ['zh', '暴雨'],
      ['en', 'Rainstorm'],
    ]);
    expect(alert.info[0].areas[0].regionCodes).toEqual(['440106', '440104']);

    const original = await request('GET', system.url('notifier', `/api/v1/alerts/${answer.body.id}/original`), {
      token: await tokenOf('emergency'),
    });
    expect(original.text).toBe(xml);
    expect(await storedIdentifiers()).toContain(identifier);
    await eventually(async () =>
      expect(events).toContainEqual(
        expect.objectContaining({
          type: 'alert.accepted',
          key: answer.body.id,
          payload: expect.objectContaining({ identifier, warningColour: 'orange', regionCodes: ['440106', '440104'] }),
        }),
      ),
    );
  });

  it('answers the same id when the same document comes again, and stores it once', async () => {
    const identifier = unique('GZ-repeat');
    const first = await publish(rainstorm(identifier));
    const again = await publish(rainstorm(identifier), { contentType: 'application/xml' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, isRepeat: true });
    expect((await storedIdentifiers()).filter((stored) => stored === identifier)).toHaveLength(1);
  });

  it('refuses other content under an identifier already used', async () => {
    const identifier = unique('GZ-reused');
    expect((await publish(rainstorm(identifier))).status).toBe(201);
    const changed = await publish(
      rainstorm(identifier, (xml) => xml.replace('<event>暴雨</event>', '<event>台风</event>')),
    );
    expect(changed.status).toBe(409);
    expect(changed.body.message).toContain('标识符不可重复使用');
  });

  it('reads the JSON form and XML sent as plain text', async () => {
    const identifier = unique('GZ-json');
    const json = {
      identifier,
      sender: SENDER,
      sent: SENT,
      status: 'Exercise',
      msgType: 'Alert',
      scope: 'Public',
      info: {
        category: 'Met',
        event: '台风',
        urgency: 'Expected',
        severity: 'Extreme',
        certainty: 'Likely',
        parameter: { valueName: '预警级别', value: '红色' },
        area: { areaDesc: '南沙区', circle: '22.80,113.55 15' },
      },
    };
    const fromJson = await request<Receipt>('POST', system.url('notifier', '/api/v1/alerts'), {
      json,
      token: await tokenOf('emergency'),
    });
    expect(fromJson.status).toBe(201);
    expect(await alertOf(fromJson.body.id)).toMatchObject({ warningColour: 'red', info: [{ severity: 'Extreme' }] });

    const asText = await publish(rainstorm(unique('GZ-text')), { contentType: 'text/plain' });
    expect(asText.status).toBe(201);
  });

  it('is for emergency officers only', async () => {
    const identifier = unique('GZ-forbidden');
    expect((await publish(rainstorm(identifier), { as: null })).status).toBe(401);
    expect((await publish(rainstorm(identifier), { as: 'agent' })).status).toBe(403);
    expect((await publish(rainstorm(identifier), { as: 'admin' })).status).toBe(403);
    const list = await request('GET', system.url('notifier', '/api/v1/alerts'), { token: await tokenOf('agent') });
    expect(list.status).toBe(403);
    expect(await storedIdentifiers()).not.toContain(identifier);
  });
});

describe('refusing bad documents, storing nothing', () => {
  it('refuses an external entity (XXE)', async () => {
    const identifier = unique('GZ-xxe');
    const xxe = rainstorm(identifier, (xml) =>
      xml
        .replace('<alert ', '<!DOCTYPE alert [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<alert ')
        .replace('<description>', '<description>&xxe;'),
    );
    const answer = await publish(xxe);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('XXE');
    expect(answer.text).not.toContain('root:');
    expect(await storedIdentifiers()).not.toContain(identifier);
  });

  it('refuses malformed XML, saying where', async () => {
    const answer = await publish(rainstorm(unique('GZ-malformed'), (xml) => xml.replace('</headline>', '</head>')));
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('XML 格式错误');
  });

  it('refuses a polygon that does not close, listing each problem at its element', async () => {
    const identifier = unique('GZ-open');
    const answer = await publish(
      rainstorm(identifier, (xml) =>
        xml
          .replace('23.10,113.30 23.20,113.30</polygon>', '23.10,113.30 23.15,113.30</polygon>')
          .replace('<urgency>Expected</urgency>', '<urgency>Soon</urgency>'),
      ),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.issues).toEqual(
      expect.arrayContaining([
        { path: 'info[0].area[0].polygon[0]', message: expect.stringContaining('多边形没有闭合') },
        { path: 'info[0].urgency', message: expect.stringContaining('<urgency> 的值「Soon」无效') },
      ]),
    );
    expect(await storedIdentifiers()).not.toContain(identifier);
  });

  it('refuses a document over the size limit', async () => {
    const identifier = unique('GZ-huge');
    const huge = rainstorm(identifier, (xml) => xml.replace('<description>', `<description>${'雨'.repeat(100_000)}`));
    const answer = await publish(huge);
    expect(answer.status).toBe(413);
    expect(await storedIdentifiers()).not.toContain(identifier);
  });

  it('refuses an Update of an alert never received', async () => {
    const identifier = unique('GZ-orphan');
    const answer = await publish(rainstorm(identifier, referring('Update', 'GZ-never-sent')));
    expect(answer.status).toBe(400);
    expect(answer.body.issues).toEqual([{ path: 'references', message: expect.stringContaining('GZ-never-sent') }]);
    expect(await storedIdentifiers()).not.toContain(identifier);
  });
});

describe('Update and Cancel through <references>', () => {
  it('withdraws an alert with a Cancel, stopping in one go what is still queued and keeping what was sent', async () => {
    const original = unique('GZ-orig');
    const alertId = (await publish(rainstorm(original))).body.id;
    // The fan-out's rows, with subscribers it does not know: it leaves them alone.
    await recordDeliveries(alertId, [
      { state: 'sent', sentAfterSeconds: 1 },
      { state: 'sent', sentAfterSeconds: 2 },
      { state: 'sent', sentAfterSeconds: 3 },
      { state: 'delivered', sentAfterSeconds: 4 },
      { state: 'failed' },
      { state: 'queued' },
      { state: 'queued' },
    ]);
    expect(await alertOf(alertId)).toMatchObject({
      deliveries: { targeted: 7, queued: 2, sent: 3, delivered: 1, failed: 1, cancelled: 0 },
      timeToSentMs: { p50: 4000, p90: null, p100: null },
    });

    const cancelXml = rainstorm(unique('GZ-cancel'), (xml) => withoutInfo(referring('Cancel', original)(xml)));
    const cancel = await publish(cancelXml);
    expect(cancel.status).toBe(201);
    expect(await alertOf(alertId)).toMatchObject({
      state: 'cancelled',
      cancelledBy: cancel.body.id,
      deliveries: { targeted: 7, queued: 0, sent: 3, delivered: 1, failed: 1, cancelled: 2 },
      // Five are still meant to get it: the third send is 50 %.
      timeToSentMs: { p50: 3000, p90: null, p100: null },
    });
    expect(await alertOf(cancel.body.id)).toMatchObject({ msgType: 'Cancel', state: 'active' });

    expect(await publish(cancelXml)).toMatchObject({ status: 200, body: { id: cancel.body.id, isRepeat: true } });
    const late = await publish(rainstorm(unique('GZ-late'), (xml) => withoutInfo(referring('Cancel', original)(xml))));
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('已撤销');

    await eventually(async () =>
      expect(events.filter((event) => event.type === 'alert.cancelled' && event.key === alertId)).toEqual([
        expect.objectContaining({
          payload: expect.objectContaining({ cancelledBy: cancel.body.id, cancelledDeliveries: 2 }),
        }),
      ]),
    );
  });

  it('supersedes an alert with an Update; a Cancel of the first withdraws the Update too', async () => {
    const original = unique('GZ-first');
    const alertId = (await publish(rainstorm(original))).body.id;
    const update = await publish(
      rainstorm(unique('GZ-upd'), (xml) =>
        referring(
          'Update',
          original,
        )(xml)
          .replace(/橙色/g, '红色')
          .replace(/orange/g, 'red'),
      ),
    );
    expect(update.status).toBe(201);
    expect(await alertOf(alertId)).toMatchObject({ state: 'updated', replacedBy: update.body.id });
    expect(await alertOf(update.body.id)).toMatchObject({ state: 'active', msgType: 'Update', warningColour: 'red' });

    const cancel = await publish(
      rainstorm(unique('GZ-stop'), (xml) => withoutInfo(referring('Cancel', original)(xml))),
    );
    expect(cancel.status).toBe(201);
    expect(await alertOf(alertId)).toMatchObject({ state: 'cancelled', cancelledBy: cancel.body.id });
    expect(await alertOf(update.body.id)).toMatchObject({ state: 'cancelled', cancelledBy: cancel.body.id });

    await eventually(async () => {
      const about = (type: string, key: string) => events.filter((event) => event.type === type && event.key === key);
      expect(about('alert.updated', alertId)).toEqual([
        expect.objectContaining({ payload: expect.objectContaining({ replacedBy: update.body.id }) }),
      ]);
      expect(about('alert.cancelled', alertId)).toHaveLength(1);
      expect(about('alert.cancelled', update.body.id)).toHaveLength(1);
    });
  });
});

describe('the officer withdraws an alert from the console', () => {
  it('cancels it as a CAP Cancel would, once', async () => {
    const posted = await publish(rainstorm(unique('GZ-console')));
    await recordDeliveries(posted.body.id, [
      { state: 'queued' },
      { state: 'queued' },
      { state: 'sent', sentAfterSeconds: 1 },
    ]);
    const cancelUrl = system.url('notifier', `/api/v1/alerts/${posted.body.id}/cancel`);
    const token = await tokenOf('emergency');

    const first = await request<{ cancellation: Receipt; alert: AlertView }>('POST', cancelUrl, {
      json: { note: '雨势减弱' },
      token,
    });
    expect(first.status).toBe(200);
    expect(first.body.alert).toMatchObject({
      state: 'cancelled',
      cancelledBy: first.body.cancellation.id,
      deliveries: { targeted: 3, queued: 0, sent: 1, cancelled: 2 },
    });
    expect(await alertOf(first.body.cancellation.id)).toMatchObject({ msgType: 'Cancel', submittedBy: 'emergency' });

    const again = await request<{ cancellation: Receipt }>('POST', cancelUrl, { token });
    expect(again.status).toBe(200);
    expect(again.body.cancellation).toMatchObject({ id: first.body.cancellation.id, isRepeat: true });

    const unknown = system.url('notifier', `/api/v1/alerts/${randomUUID()}/cancel`);
    expect((await request('POST', unknown, { token })).status).toBe(404);
    expect((await request('POST', cancelUrl, { token: await tokenOf('agent') })).status).toBe(403);
  });
});
