import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import { FakeSmsVendors, startFakeSmsVendors } from '../fakes/fake-sms-vendors';
import { eventually } from '../support/chat';
import { insertSmsSubscribers, publishAlert, staffToken } from '../support/notifier-access';
import { RunningSystem, startSystem } from '../support/running-system';

// The whole path of an alert: POST /api/v1/alerts → targeting → notifier.deliveries → BullMQ send jobs → the local
// fake Tencent SMS (which checks the TC3 signature, the app, the sign and the template), and back into the rows.
// Two vendor requests a second (of up to 200 numbers each) keep a fan-out of a few thousand running long enough to
// cancel it, overtake it or flush Redis under it.

let system: RunningSystem;
let fakes: FakeSmsVendors;
let db: Client;
let token: string;
let phoneSerial = Math.floor(Math.random() * 1e7);

const REQUESTS_PER_SECOND = 2;

beforeAll(async () => {
  fakes = await startFakeSmsVendors();
  const vendor = fakes.gatewayEnv();
  system = await startSystem(['notifier'], {
    env: {
      // The gateway's settings too: its demo content is loaded with the same environment.
      ...vendor,
      ALERT_SMS_TENCENT_TEMPLATE_ID: vendor.SMS_TENCENT_TEMPLATE_ID,
      ALERT_SMS_REQUESTS_PER_SECOND: String(REQUESTS_PER_SECOND),
      ALERT_SWEEP_EVERY_MS: '1000',
      ALERT_RETRY_DELAY_MS: '200',
    },
  });
  db = new Client({ connectionString: system.env.DATABASE_URL });
  await db.connect();
  token = await staffToken(system, 'e2e-officer', 'emergency_officer');
});
afterAll(async () => {
  await db?.end();
  await system?.stop();
  await fakes?.stop();
});

/** New SMS subscribers in the district; their numbers as the vendor gets them. */
async function subscribe(regionCode: string, count: number, lang: 'zh' | 'en' | 'ug' = 'zh'): Promise<string[]> {
  const phones = Array.from({ length: count }, () => `139${String(phoneSerial++ % 1e8).padStart(8, '0')}`);
  await insertSmsSubscribers(system, db, phones, regionCode, lang);
  return phones.map((phone) => `+86${phone}`);
}

interface CapOptions {
  identifier: string;
  regionCode: string;
  msgType?: 'Alert' | 'Update' | 'Cancel';
  references?: string[];
  severity?: string;
  urgency?: string;
}

const SENDER = 'gz-warning-centre@12379.example.cn';
const SENT = '2026-06-12T08:30:00+08:00';

function cap(options: CapOptions): string {
  const references = options.references?.length
    ? `<references>${options.references.map((id) => `${SENDER},${id},${SENT}`).join(' ')}</references>`
    : '';
  const info = (language: string, event: string, headline: string, instruction: string) => `
  <info>
    <language>${language}</language>
    <category>Met</category>
    <event>${event}</event>
    <urgency>${options.urgency ?? 'Expected'}</urgency>
    <severity>${options.severity ?? 'Severe'}</severity>
    <certainty>Likely</certainty>
    <senderName>广州市气象台</senderName>
    <headline>${headline}</headline>
    <instruction>${instruction}</instruction>
    <web>https://www.12379.example.cn/warnings/${options.identifier}</web>
    <area>
      <areaDesc>${options.regionCode}</areaDesc>
      <geocode><valueName>GB/T 2260</valueName><value>${options.regionCode}</value></geocode>
    </area>
  </info>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>${options.identifier}</identifier>
  <sender>${SENDER}</sender>
  <sent>${SENT}</sent>
  <status>Actual</status>
  <msgType>${options.msgType ?? 'Alert'}</msgType>
  <scope>Public</scope>
  ${references}
  ${info('zh-CN', '暴雨', `暴雨橙色预警 ${options.identifier}`, '请停止户外活动，切勿涉水')}
  ${info('en-US', 'Rainstorm', `Orange rainstorm warning ${options.identifier}`, 'Stay indoors')}
</alert>`;
}

async function publish(xml: string): Promise<{ id: string }> {
  return { id: await publishAlert(system, token, xml) };
}

async function states(alertId: string): Promise<Record<string, number>> {
  const { rows } = await db.query<{ state: string; count: number }>(
    `SELECT state, count(*)::int AS count FROM notifier.deliveries WHERE alert_id = $1 GROUP BY state`,
    [alertId],
  );
  return Object.fromEntries(rows.map((row) => [row.state, row.count]));
}

const smsFor = (alertId: string) => fakes.tencent.sent.filter((sms) => sms.reference === alertId);
const unique = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('alert fan-out to SMS', () => {
  it('sends each subscriber in the area one SMS in their language, in batches of 200, and records it', async () => {
    const zh = await subscribe('440103', 400, 'zh');
    const en = await subscribe('440103', 50, 'en');
    const elsewhere = await subscribe('440105', 30, 'zh');
    const attemptsBefore = fakes.tencent.attempts;
    const identifier = unique('path');

    const { id } = await publish(cap({ identifier, regionCode: '440103' }));

    await eventually(async () => {
      expect(smsFor(id)).toHaveLength(450);
      expect(await states(id)).toEqual({ sent: 450 });
    }, 30_000);
    const sent = smsFor(id);
    expect(sent).toHaveLength(450);
    expect(new Set(sent.map((sms) => sms.phoneNumber))).toEqual(new Set([...zh, ...en]));
    expect(sent.some((sms) => elsewhere.includes(sms.phoneNumber))).toBe(false);
    const zhText = sent.find((sms) => sms.phoneNumber === zh[0])?.parameters[0];
    const enText = sent.find((sms) => sms.phoneNumber === en[0])?.parameters[0];
    expect(zhText).toBe(`【预警】暴雨橙色预警 ${identifier}。请停止户外活动，切勿涉水。`);
    expect(enText).toBe(`[Alert] Orange rainstorm warning ${identifier}. Stay indoors.`);
    // 400 in Chinese in two requests of 200, 50 in English in one.
    expect(fakes.tencent.attempts - attemptsBefore).toBe(3);
    const { rows } = await db.query(
      `SELECT count(*)::int AS count FROM notifier.deliveries WHERE alert_id = $1 AND vendor_message_id LIKE 'tencent:%'`,
      [id],
    );
    expect(rows[0].count).toBe(450);

    // Posting the same document again sends nothing more.
    await publish(cap({ identifier, regionCode: '440103' }));
    await pause(1500);
    expect(smsFor(id)).toHaveLength(450);
  });

  it('stops a running fan-out on Cancel and tells those already reached that the warning is lifted', async () => {
    await subscribe('440111', 3000);
    const identifier = unique('cancel');
    const { id } = await publish(cap({ identifier, regionCode: '440111' }));
    await eventually(async () => expect(smsFor(id).length).toBeGreaterThan(0), 30_000);

    const cancel = await publish(
      cap({ identifier: unique('cancel-of'), regionCode: '440111', msgType: 'Cancel', references: [identifier] }),
    );

    const settled = await eventually(async () => {
      const counts = await states(id);
      expect(counts.queued ?? 0).toBe(0);
      return counts;
    });
    expect(settled.cancelled).toBeGreaterThan(0);
    expect((settled.sent ?? 0) + settled.cancelled).toBe(3000);
    const reached = new Set(smsFor(id).map((sms) => sms.phoneNumber));
    expect(reached.size).toBe(settled.sent);
    await pause(2000);
    expect(smsFor(id)).toHaveLength(reached.size);
    await eventually(async () => expect(smsFor(cancel.id)).toHaveLength(reached.size), 30_000);
    expect(new Set(smsFor(cancel.id).map((sms) => sms.phoneNumber))).toEqual(reached);
    expect(smsFor(cancel.id)[0].parameters[0]).toBe(
      `【预警解除】此前发布的“暴雨橙色预警 ${identifier}”已解除，请留意后续通知。`,
    );
  });

  it('gives those still waiting the updated content instead of the old, and sends the update to those already reached', async () => {
    const phones = await subscribe('440115', 3000);
    const identifier = unique('update');
    const first = await publish(cap({ identifier, regionCode: '440115' }));
    await eventually(async () => expect(smsFor(first.id).length).toBeGreaterThan(0), 30_000);

    const update = await publish(
      cap({ identifier: unique('update-of'), regionCode: '440115', msgType: 'Update', references: [identifier] }),
    );

    await eventually(async () => expect(await states(update.id)).toEqual({ sent: 3000 }), 40_000);
    await eventually(async () => expect(smsFor(update.id)).toHaveLength(3000), 10_000);
    const old = await states(first.id);
    expect(old.queued ?? 0).toBe(0);
    expect((old.sent ?? 0) + (old.cancelled ?? 0)).toBe(3000);
    expect(old.cancelled).toBeGreaterThan(0);
    // Everyone has the update; the old text reached only those it had reached before the update came.
    expect(new Set(smsFor(update.id).map((sms) => sms.phoneNumber))).toEqual(new Set(phones));
    expect(smsFor(first.id)).toHaveLength(old.sent ?? 0);
  });

  it('lets an Extreme alert overtake a Minor one still being sent', async () => {
    await subscribe('440112', 3000);
    const extremeArea = await subscribe('440113', 200);
    const minor = await publish(
      cap({ identifier: unique('minor'), regionCode: '440112', severity: 'Minor', urgency: 'Future' }),
    );
    await eventually(async () => expect(smsFor(minor.id).length).toBeGreaterThan(0), 30_000);

    const extreme = await publish(
      cap({ identifier: unique('extreme'), regionCode: '440113', severity: 'Extreme', urgency: 'Immediate' }),
    );

    await eventually(async () => expect(smsFor(extreme.id)).toHaveLength(200), 30_000);
    expect(new Set(smsFor(extreme.id).map((sms) => sms.phoneNumber))).toEqual(new Set(extremeArea));
    // The Minor alert is far from done: at 2 requests a second its 15 requests take 7.5 s.
    expect((await states(minor.id)).queued).toBeGreaterThan(1000);
    await eventually(async () => expect(await states(minor.id)).toEqual({ sent: 3000 }), 40_000);
    expect(smsFor(minor.id)).toHaveLength(3000);
  });

  it('reaches those a worker had claimed when it died, once the sweep finds the claim unanswered', async () => {
    await subscribe('440117', 5);
    const { id } = await publish(cap({ identifier: unique('dead-worker'), regionCode: '440117' }));
    await eventually(async () => expect(await states(id)).toEqual({ sent: 5 }), 30_000);
    // What a worker that died between its claim and the vendor's answer leaves, ten minutes on: two rows sending.
    const { rows: claimed } = await db.query<{ subscriber_id: string }>(
      `UPDATE notifier.deliveries SET state = 'sending', sent_at = now() - interval '10 minutes', vendor_message_id = NULL
        WHERE alert_id = $1 AND subscriber_id IN (SELECT subscriber_id FROM notifier.deliveries WHERE alert_id = $1 LIMIT 2)
       RETURNING subscriber_id`,
      [id],
    );
    expect(claimed).toHaveLength(2);

    await eventually(async () => expect(smsFor(id)).toHaveLength(7), 30_000);
    await eventually(async () => expect(await states(id)).toEqual({ sent: 5 }), 10_000);
  });

  it('loses no one and sends no one twice when Redis loses its queues mid fan-out', async () => {
    const phones = await subscribe('440114', 3000);
    const { id } = await publish(cap({ identifier: unique('flush'), regionCode: '440114' }));
    await eventually(async () => expect(smsFor(id).length).toBeGreaterThan(0), 30_000);
    const redis = new Redis(String(system.env.REDIS_URL));
    try {
      // What a restart of a Redis without persistence leaves: nothing.
      await redis.flushall();
    } finally {
      redis.disconnect();
    }
    await eventually(async () => expect(await states(id)).toEqual({ sent: 3000 }), 60_000);
    const sent = smsFor(id).map((sms) => sms.phoneNumber);
    expect(sent).toHaveLength(3000);
    expect(new Set(sent)).toEqual(new Set(phones));
  });
});
