import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  aliyunSmsReports,
  FakeSmsVendors,
  ReceivedSms,
  startFakeSmsVendors,
  tencentStatusReports,
} from '../fakes/fake-sms-vendors';
import { eventually } from '../support/chat';
import { request } from '../support/http';
import { insertSmsSubscribers, publishAlert, staffToken } from '../support/notifier-access';
import { RunningSystem, startSystem } from '../support/running-system';

// Carriers' receipts for alert SMS: the vendors post them to the gateway's one callback URL per account; the gateway
// keeps those of its own replies and passes the rest on (sms.receipts.v1), and the notifier's deliveries go from sent
// to delivered or failed. Tencent first; then the notifier restarts on Aliyun, whose one BizId per request makes the
// gateway name each recipient by the blind index of the number.

let system: RunningSystem;
let fakes: FakeSmsVendors;
let db: Client;
let token: string;
let phoneSerial = Math.floor(Math.random() * 1e7);
const secret = randomBytes(24).toString('hex');

beforeAll(async () => {
  fakes = await startFakeSmsVendors();
  const vendor = fakes.gatewayEnv();
  system = await startSystem(['gateway', 'notifier'], {
    env: {
      ...vendor,
      SMS_PRIMARY: 'tencent',
      SMS_CALLBACK_SECRET: secret,
      SMS_CALLBACK_ALLOWED_IPS: '127.0.0.1/32',
      ALERT_SMS_VENDOR: 'tencent',
      ALERT_SMS_TENCENT_TEMPLATE_ID: vendor.SMS_TENCENT_TEMPLATE_ID,
      ALERT_SWEEP_EVERY_MS: '1000',
      ALERT_SMS_ALIYUN_TEMPLATE_CODE: vendor.SMS_ALIYUN_TEMPLATE_CODE,
      // The fake Aliyun template takes 35 characters: the same limit for both, so one text fits either vendor.
      ALERT_SMS_PARAM_MAX_CHARS: vendor.SMS_ALIYUN_PARAM_MAX_CHARS,
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

/** New SMS subscribers in the district: 11 digits → subscriber id. */
async function subscribe(regionCode: string, count: number): Promise<Map<string, string>> {
  const phones = Array.from({ length: count }, () => `139${String(phoneSerial++ % 1e8).padStart(8, '0')}`);
  return insertSmsSubscribers(system, db, phones, regionCode);
}

function cap(identifier: string, regionCode: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>${identifier}</identifier>
  <sender>gz-warning-centre@12379.example.cn</sender>
  <sent>2026-06-12T08:30:00+08:00</sent>
  <status>Actual</status>
  <msgType>Alert</msgType>
  <scope>Public</scope>
  <info>
    <language>zh-CN</language>
    <category>Met</category>
    <event>暴雨</event>
    <urgency>Expected</urgency>
    <severity>Severe</severity>
    <certainty>Likely</certainty>
    <headline>暴雨橙色预警</headline>
    <instruction>请停止户外活动</instruction>
    <area>
      <areaDesc>${regionCode}</areaDesc>
      <geocode><valueName>GB/T 2260</valueName><value>${regionCode}</value></geocode>
    </area>
  </info>
</alert>`;
}

function publish(regionCode: string): Promise<string> {
  return publishAlert(system, token, cap(`receipts-${randomUUID().slice(0, 8)}`, regionCode));
}

interface DeliveryCounts {
  targeted: number;
  queued: number;
  sent: number;
  delivered: number;
  failed: number;
  cancelled: number;
}

async function countsOf(alertId: string): Promise<DeliveryCounts> {
  const answer = await request<{ deliveries: DeliveryCounts }>(
    'GET',
    system.url('notifier', `/api/v1/alerts/${alertId}`),
    { token },
  );
  expect(answer.status).toBe(200);
  return answer.body.deliveries;
}

async function rowsOf(alertId: string) {
  const { rows } = await db.query<{
    subscriber_id: string;
    state: string;
    last_error: string | null;
    delivered_at: Date | null;
    failed_at: Date | null;
  }>(
    `SELECT subscriber_id, state, last_error, delivered_at, failed_at FROM notifier.deliveries
      WHERE alert_id = $1 ORDER BY subscriber_id`,
    [alertId],
  );
  return new Map(rows.map((row) => [row.subscriber_id, row]));
}

/** Deliveries whose vendor message id is stored: a receipt can only be matched once it is. */
async function withVendorIds(alertId: string): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM notifier.deliveries
      WHERE alert_id = $1 AND state = 'sent' AND vendor_message_id IS NOT NULL`,
    [alertId],
  );
  return rows[0].count;
}

const postReceipts = (vendor: 'tencent' | 'aliyun', body: unknown) =>
  request<Record<string, unknown>>('POST', system.url('gateway', `/channels/sms/${vendor}/status/${secret}`), {
    json: body,
  });

const national = (phoneNumber: string) => phoneNumber.replace(/^\+86/, '');

describe('receipts for alert SMS', () => {
  it('marks a Tencent SMS delivered or failed by its SerialNo, and leaves the one without a receipt sent', async () => {
    const subscribers = await subscribe('440104', 3);
    const alertId = await publish('440104');
    const sent = await eventually(async () => {
      const forAlert = fakes.tencent.sent.filter((sms) => sms.reference === alertId);
      expect(forAlert).toHaveLength(3);
      expect(await withVendorIds(alertId)).toBe(3);
      return forAlert;
    }, 30_000);
    const [delivered, failed, silent] = sent;

    const answer = await postReceipts(
      'tencent',
      tencentStatusReports([
        { sms: delivered, isDelivered: true },
        { sms: failed, isDelivered: false, code: 'MK:0005' },
        // A SerialNo nobody sent: taken and ignored.
        { sms: { ...silent, vendorMessageId: '2433:ffffffffffffffffffff' }, isDelivered: true },
      ]),
    );
    expect(answer).toMatchObject({ status: 200, body: { result: 0, errmsg: 'OK' } });

    await eventually(async () =>
      expect(await countsOf(alertId)).toMatchObject({ targeted: 3, sent: 1, delivered: 1, failed: 1 }),
    );
    const rows = await rowsOf(alertId);
    const rowOf = (sms: ReceivedSms) => rows.get(subscribers.get(national(sms.phoneNumber)) ?? '');
    expect(rowOf(delivered)).toMatchObject({ state: 'delivered', failed_at: null });
    expect(rowOf(delivered)?.delivered_at).toBeInstanceOf(Date);
    expect(rowOf(failed)).toMatchObject({ state: 'failed', last_error: 'MK:0005', delivered_at: null });
    expect(rowOf(failed)?.failed_at).toBeInstanceOf(Date);
    expect(rowOf(silent)).toMatchObject({ state: 'sent' });

    // A late receipt contradicting one already recorded changes nothing: a delivery settles once.
    await postReceipts('tencent', tencentStatusReports([{ sms: delivered, isDelivered: false }]));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await countsOf(alertId)).toMatchObject({ sent: 1, delivered: 1, failed: 1 });
  });

  it('applies a receipt that came before the vendor answer was stored, once it is', async () => {
    await subscribe('440103', 1);
    const alertId = await publish('440103');
    const [sms] = await eventually(async () => {
      const forAlert = fakes.tencent.sent.filter((one) => one.reference === alertId);
      expect(forAlert).toHaveLength(1);
      expect(await withVendorIds(alertId)).toBe(1);
      return forAlert;
    }, 30_000);
    // As if the vendor's answer to the send were still on its way when the carrier's receipt comes.
    const {
      rows: [{ stored }],
    } = await db.query<{ stored: string }>(
      `SELECT vendor_message_id AS stored FROM notifier.deliveries WHERE alert_id = $1`,
      [alertId],
    );
    await db.query(`UPDATE notifier.deliveries SET vendor_message_id = NULL WHERE alert_id = $1`, [alertId]);

    await postReceipts('tencent', tencentStatusReports([{ sms, isDelivered: true }]));
    await eventually(async () => {
      const { rows } = await db.query(`SELECT 1 FROM notifier.early_receipts WHERE vendor_message_id = $1`, [stored]);
      expect(rows).toHaveLength(1);
    });
    expect(await countsOf(alertId)).toMatchObject({ sent: 1, delivered: 0 });

    await db.query(`UPDATE notifier.deliveries SET vendor_message_id = $2 WHERE alert_id = $1`, [alertId, stored]);
    await eventually(async () => expect(await countsOf(alertId)).toMatchObject({ sent: 0, delivered: 1 }));
  });

  it('tells the recipients of one Aliyun request apart by number, without the number leaving the gateway', async () => {
    system.env.ALERT_SMS_VENDOR = 'aliyun';
    await system.kill('notifier', 'SIGTERM');
    await system.start('notifier');
    const subscribers = await subscribe('440105', 3);
    const alertId = await publish('440105');
    const sent = await eventually(async () => {
      const forAlert = fakes.aliyun.sent.filter((sms) => sms.reference === alertId);
      expect(forAlert).toHaveLength(3);
      expect(await withVendorIds(alertId)).toBe(3);
      return forAlert;
    }, 30_000);
    // One request, one BizId for all three.
    expect(new Set(sent.map((sms) => sms.vendorMessageId)).size).toBe(1);
    const [delivered, failed, silent] = sent;

    const answer = await postReceipts(
      'aliyun',
      aliyunSmsReports([
        { sms: delivered, isDelivered: true },
        { sms: failed, isDelivered: false, code: 'MK:0001' },
      ]),
    );
    expect(answer).toMatchObject({ status: 200, body: { code: 0, msg: '接收成功' } });

    await eventually(async () =>
      expect(await countsOf(alertId)).toMatchObject({ targeted: 3, sent: 1, delivered: 1, failed: 1 }),
    );
    const rows = await rowsOf(alertId);
    const rowOf = (sms: ReceivedSms) => rows.get(subscribers.get(sms.phoneNumber) ?? '');
    expect(rowOf(delivered)).toMatchObject({ state: 'delivered' });
    expect(rowOf(failed)).toMatchObject({ state: 'failed', last_error: 'MK:0001' });
    expect(rowOf(silent)).toMatchObject({ state: 'sent' });
  });
});
