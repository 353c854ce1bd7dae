import { Client } from 'pg';
import { ErrorAnswer } from '../support/chat';
import { request } from '../support/http';
import { staffToken } from '../support/notifier-access';
import { RunningSystem, startSystem } from '../support/running-system';

// The subscribers API of the notifier, as an administrator and as a channel service holding a key for its channel.

interface SubscriberView {
  id: string;
  channel: string;
  address: string;
  regionCodes: string[];
  location: { lat: number; lon: number } | null;
  lang: string;
  elderMode: boolean;
  quietHours: { start: string; end: string } | null;
  preference: number;
  isLinked: boolean;
}
type Answer = { subscriber: SubscriberView; created: boolean; subscribers: SubscriberView[] } & ErrorAnswer;

const WXA_KEY = 'e2e-wxa-server-0123456789abcdef';
const SMS_KEY = 'e2e-sms-optin-0123456789abcdefg';
const OPENID = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';

let system: RunningSystem;
let db: Client;
let adminToken: string;
let agentToken: string;

beforeAll(async () => {
  system = await startSystem(['notifier'], { env: { SUBSCRIBER_CHANNEL_KEYS: `wxa:${WXA_KEY},sms:${SMS_KEY}` } });
  db = new Client({ connectionString: system.env.DATABASE_URL });
  await db.connect();
  // Tokens as the gateway signs them at sign-in (its own e2e covers the sign-in).
  const tokenFor = (username: string, role: string) => staffToken(system, username, role);
  adminToken = await tokenFor('e2e-admin', 'admin');
  agentToken = await tokenFor('e2e-agent', 'agent');
});
afterAll(async () => {
  await db?.end();
  await system?.stop();
});

const asAdmin = (method: string, path: string, json?: unknown, token = adminToken) =>
  request<Answer>(method, system.url('notifier', `/api/v1/subscribers${path}`), { json, token });
const asChannel = (path: string, json: unknown, key?: string) =>
  request<Answer>('POST', system.url('notifier', `/api/v1/channel-subscribers${path}`), {
    json,
    headers: key === undefined ? {} : { 'x-channel-key': key },
  });

describe('the subscribers API for staff', () => {
  it('is closed to anyone without an admin token', async () => {
    const body = { channel: 'sms', address: '13812340000', regionCodes: ['440106'] };
    const anonymous = await asAdmin('POST', '', body, '');
    expect(anonymous.status).toBe(401);
    const agent = await asAdmin('POST', '', body, agentToken);
    expect(agent.status).toBe(403);
    expect(agent.body.message).toContain('admin');
    expect((await asAdmin('GET', '', undefined, agentToken)).status).toBe(403);
  });

  it('registers, shows, changes, lists and removes a subscription, the address masked and stored encrypted', async () => {
    const registered = await asAdmin('POST', '', {
      channel: 'sms',
      address: '+86 138-1234-5678',
      regionCodes: ['440106'],
      quietHours: { start: '22:00', end: '07:00' },
    });
    expect(registered.status).toBe(200);
    expect(registered.body).toMatchObject({
      created: true,
      subscriber: { channel: 'sms', address: '138****5678', regionCodes: ['440106'], lang: 'zh', preference: 1 },
    });
    const id = registered.body.subscriber.id;

    // Typed another way, the same number is the same subscription: registering again replaces it.
    const again = await asAdmin('POST', '', { channel: 'sms', address: '13812345678', regionCodes: ['440104'] });
    expect(again.body).toMatchObject({ created: false, subscriber: { id, regionCodes: ['440104'], quietHours: null } });

    const changed = await asAdmin('PUT', `/${id}`, {
      regionCodes: ['440106', '440100'],
      lang: 'ug',
      elderMode: true,
      quietHours: { start: '23:00', end: '06:30' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.subscriber).toMatchObject({
      id,
      channel: 'sms',
      address: '138****5678',
      regionCodes: ['440100', '440106'],
      lang: 'ug',
      elderMode: true,
      quietHours: { start: '23:00', end: '06:30' },
      preference: 1,
    });
    expect((await asAdmin('GET', `/${id}`)).body.subscriber).toEqual(changed.body.subscriber);
    const found = await asAdmin('POST', '/lookup', { channel: 'sms', address: '138 1234 5678' });
    expect(found.body.subscriber.id).toBe(id);

    // A city's list holds its districts' subscriptions; another city's does not.
    const inCity = await asAdmin('GET', '?regionCode=440100&limit=200');
    expect(inCity.body.subscribers.map((one) => one.id)).toContain(id);
    const elsewhere = await asAdmin('GET', '?regionCode=440300');
    expect(elsewhere.body.subscribers.map((one) => one.id)).not.toContain(id);

    const { rows } = await db.query(`SELECT * FROM notifier.subscribers WHERE id = $1`, [id]);
    expect(JSON.stringify(rows[0])).not.toContain('12345678');

    expect((await asAdmin('DELETE', `/${id}`)).status).toBe(204);
    const gone = await asAdmin('GET', `/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.message).toContain('不存在');
    expect((await asAdmin('DELETE', `/${id}`)).status).toBe(404);
  });

  it('stores a location shared in WeChat (GCJ-02) as GPS (WGS-84), within a metre', async () => {
    const answer = await asAdmin('POST', '', {
      channel: 'wxa',
      address: OPENID,
      location: { lat: 22.540796131694766, lon: 113.9171764808363 },
      coordinateSystem: 'gcj02',
      phone: '13900001111',
    });
    expect(answer.status).toBe(200);
    const location = answer.body.subscriber.location;
    expect(location?.lat).toBeCloseTo(22.543847, 5);
    expect(location?.lon).toBeCloseTo(113.912316, 5);
    expect(answer.body.subscriber).toMatchObject({ address: 'oUpF****eS6o', isLinked: true });
    await asAdmin('DELETE', `/${answer.body.subscriber.id}`);
  });

  it('refuses what cannot be a subscription with 400, every problem named', async () => {
    const answer = await asAdmin('POST', '', {
      channel: 'sms',
      address: '1381234',
      regionCodes: ['4401', '990106'],
      lang: 'fr',
      quietHours: { start: '22:00', end: '7:00' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('address: 短信订阅需要正确的 11 位手机号码（中国大陆）');
    expect(answer.body.message).toContain('regionCodes.0: 行政区划代码应为 6 位数字');
    expect(answer.body.message).toContain('regionCodes.1: 不是有效的行政区划代码');
    expect(answer.body.message).toContain('lang: 语言应为 zh、en 或 ug');
    expect(answer.body.message).toContain('quietHours.end: 时间应为 24 小时制 HH:MM');
    expect(answer.text).not.toContain('1381234');
    const nowhere = await asAdmin('POST', '', { channel: 'wxa', address: OPENID });
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.message).toBe('regionCodes: 请至少选择一个行政区划，或提供位置');
    expect((await asAdmin('GET', '/not-a-uuid')).status).toBe(400);
    const { rows } = await db.query(`SELECT count(*)::int AS count FROM notifier.subscribers WHERE channel = 'wxa'`);
    expect(rows[0].count).toBe(0);
  });
});

describe('the subscribers API for channel services', () => {
  const citizen = { channel: 'wxa', address: OPENID, regionCodes: ['440106'], lang: 'en', elderMode: true };

  it('refuses a call without a key or with an unknown one', async () => {
    expect((await asChannel('', citizen)).status).toBe(401);
    const wrong = await asChannel('', citizen, `${WXA_KEY}-old`);
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toContain('渠道密钥无效');
    // A staff token is not a channel key.
    const staff = await request('POST', system.url('notifier', '/api/v1/channel-subscribers'), {
      json: citizen,
      token: adminToken,
    });
    expect(staff.status).toBe(401);
  });

  it('lets a channel register, look up and unsubscribe its own citizens, and nobody else’s', async () => {
    const registered = await asChannel('', citizen, WXA_KEY);
    expect(registered.status).toBe(200);
    expect(registered.body).toMatchObject({
      created: true,
      subscriber: { channel: 'wxa', regionCodes: ['440106'], lang: 'en', elderMode: true, preference: 2 },
    });
    const bySms = await asChannel('/lookup', { channel: 'wxa', address: OPENID }, SMS_KEY);
    expect(bySms.status).toBe(403);
    expect(bySms.body.message).toContain('只能管理 sms 渠道的订阅');
    const signUpOther = await asChannel(
      '',
      { channel: 'sms', address: '13700001234', regionCodes: ['440106'] },
      WXA_KEY,
    );
    expect(signUpOther.status).toBe(403);

    const found = await asChannel('/lookup', { channel: 'wxa', address: OPENID }, WXA_KEY);
    expect(found.body.subscriber.id).toBe(registered.body.subscriber.id);
    const unsubscribed = await asChannel('/unsubscribe', { channel: 'wxa', address: OPENID }, WXA_KEY);
    expect(unsubscribed.body).toEqual({ unsubscribed: true });
    expect((await asChannel('/unsubscribe', { channel: 'wxa', address: OPENID }, WXA_KEY)).body).toEqual({
      unsubscribed: false,
    });
    expect((await asChannel('/lookup', { channel: 'wxa', address: OPENID }, WXA_KEY)).status).toBe(404);
  });
});
