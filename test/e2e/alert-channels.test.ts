import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { FakeWeComServer } from '../fakes/fake-wecom-server';
import { FakeWxaServer } from '../fakes/fake-wxa-server';
import { ErrorAnswer, eventually } from '../support/chat';
import { request } from '../support/http';
import { publishAlert, staffToken } from '../support/notifier-access';
import { RunningSystem, startSystem } from '../support/running-system';

// An alert to subscribers of the mini-program and of WeCom: the notifier sends one 订阅消息 per openid with the alert
// template (the fake checks the token, the template, its keys and that the user still has a subscription left) and
// one message/send for all the WeCom members at once, their userids joined by '|' (the fake names the ones that are
// not members in invaliduser). Subscribers are registered through the admin API, as staff would.

let wxa: FakeWxaServer;
let wecom: FakeWeComServer;
let system: RunningSystem;
let db: Client;
let adminToken: string;
let officerToken: string;

const MEMBERS = ['ZhangSan', 'LiSi.yjj', 'wang_wu@gz'];
const SENDER = 'gz-warning-centre@12379.example.cn';
const SENT = '2026-06-12T08:30:00+08:00';

beforeAll(async () => {
  wxa = await FakeWxaServer.start();
  wecom = await FakeWeComServer.start({ members: MEMBERS });
  system = await startSystem(['notifier'], {
    env: {
      // Gateway settings too (its demo content is loaded with the same environment); the notifier reads its part.
      ...wecom.gatewayEnv(),
      ...wxa.gatewayEnv(),
      ...wxa.notifierEnv(),
      ALERT_WXA_TEMPLATE_FIELDS: 'thing1:headline,time2:sent,thing3:instruction',
      ALERT_SWEEP_EVERY_MS: '1000',
      ALERT_RETRY_DELAY_MS: '200',
    },
  });
  db = new Client({ connectionString: system.env.DATABASE_URL });
  await db.connect();
  const tokenFor = (username: string, role: string) => staffToken(system, username, role);
  adminToken = await tokenFor('e2e-admin', 'admin');
  officerToken = await tokenFor('e2e-officer', 'emergency_officer');
});
afterAll(async () => {
  await db?.end();
  await system?.stop();
  await wecom?.stop();
  await wxa?.stop();
});

async function register(channel: 'wxa' | 'wecom', address: string, regionCode: string): Promise<void> {
  const answer = await request<ErrorAnswer>('POST', system.url('notifier', '/api/v1/subscribers'), {
    json: { channel, address, regionCodes: [regionCode] },
    token: adminToken,
  });
  expect(answer.status).toBe(200);
}

function cap(identifier: string, regionCode: string, msgType: 'Alert' | 'Cancel' = 'Alert', references = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>${identifier}</identifier>
  <sender>${SENDER}</sender>
  <sent>${SENT}</sent>
  <status>Actual</status>
  <msgType>${msgType}</msgType>
  <scope>Public</scope>
  ${references ? `<references>${SENDER},${references},${SENT}</references>` : ''}
  <info>
    <language>zh-CN</language>
    <category>Met</category>
    <event>暴雨</event>
    <urgency>Expected</urgency>
    <severity>Severe</severity>
    <certainty>Likely</certainty>
    <senderName>广州市气象台</senderName>
    <headline>越秀区暴雨橙色预警</headline>
    <instruction>请停止户外活动，切勿涉水</instruction>
    <web>https://www.12379.example.cn/warnings/${identifier}</web>
    <area>
      <areaDesc>${regionCode}</areaDesc>
      <geocode><valueName>GB/T 2260</valueName><value>${regionCode}</value></geocode>
    </area>
  </info>
</alert>`;
}

function publish(xml: string): Promise<string> {
  return publishAlert(system, officerToken, xml);
}

async function lastErrors(alertId: string): Promise<Record<string, string>> {
  const { rows } = await db.query<{ state: string; last_error: string | null; count: number }>(
    `SELECT state, last_error, count(*)::int AS count FROM notifier.deliveries WHERE alert_id = $1
      GROUP BY state, last_error`,
    [alertId],
  );
  return Object.fromEntries(rows.map((row) => [`${row.state}:${row.last_error ?? ''}`, String(row.count)]));
}

const openid = () => `oE2e${randomBytes(12).toString('base64url')}`;

describe('alerts through the mini-program and WeCom', () => {
  it('sends a subscribe message per openid and one message/send for all members, and reports them sent', async () => {
    const region = '440104';
    const subscribed = [openid(), openid()];
    const withoutSubscription = openid();
    for (const id of subscribed) wxa.subscribe(id, wxa.alertTemplateId);
    for (const id of [...subscribed, withoutSubscription]) await register('wxa', id, region);
    for (const member of [...MEMBERS, 'left.the.corp']) await register('wecom', member, region);
    const identifier = `channels-${randomUUID().slice(0, 8)}`;

    const id = await publish(cap(identifier, region));

    const report = await eventually(async () => {
      const answer = await request<{ deliveries: Record<string, number> }>(
        'GET',
        system.url('notifier', `/api/v1/alerts/${id}`),
        { token: officerToken },
      );
      expect(answer.body.deliveries).toMatchObject({ targeted: 7, queued: 0, sent: 5, failed: 2 });
      return answer.body;
    }, 30_000);
    expect(report.deliveries.cancelled).toBe(0);

    // The mini-program: one subscribe/send per openid still subscribed, with the alert template and its card. (A row
    // is claimed as sent before its call leaves, so the fake may still be answering the last one.)
    const reached = (send: { touser: string }) => [...subscribed, withoutSubscription].includes(send.touser);
    await eventually(async () => expect(wxa.subscribeSends.filter(reached)).toHaveLength(2));
    const cards = wxa.subscribeSends.filter(reached);
    expect(cards.map((card) => card.touser).sort()).toEqual([...subscribed].sort());
    for (const card of cards) {
      expect(card.template_id).toBe(wxa.alertTemplateId);
      expect(card.data).toEqual({
        thing1: { value: '越秀区暴雨橙色预警' },
        time2: { value: '2026年6月12日 08:30' },
        thing3: { value: '请停止户外活动，切勿涉水' },
      });
    }
    expect(wxa.refusals).toContainEqual({ path: '/cgi-bin/message/subscribe/send', errcode: 43101 });

    // WeCom: one call for every member, the text with its link; the one who left is failed alone.
    const calls = wecom.messageSends.filter((send) => send.content.includes(identifier));
    expect(calls).toHaveLength(1);
    expect(calls[0].touser.split('|').sort()).toEqual([...MEMBERS, 'left.the.corp'].sort());
    expect(calls[0].content).toBe(
      `【预警】越秀区暴雨橙色预警。请停止户外活动，切勿涉水。详情: https://www.12379.example.cn/warnings/${identifier}`,
    );

    expect(await lastErrors(id)).toEqual({ 'sent:': '5', 'failed:43101': '1', 'failed:invaliduser': '1' });
    await eventually(async () => {
      const { rows } = await db.query<{ channel: string; vendor_message_id: string | null }>(
        `SELECT channel, vendor_message_id FROM notifier.deliveries WHERE alert_id = $1 AND state = 'sent'`,
        [id],
      );
      expect(rows.filter((row) => row.channel === 'wxa' && /^wxa:\d+$/.test(row.vendor_message_id ?? ''))).toHaveLength(
        2,
      );
      expect(
        rows.filter((row) => row.channel === 'wecom' && row.vendor_message_id === `wecom:${calls[0].msgid}`),
      ).toHaveLength(3);
    });
  });

  it('tells those reached that the warning is lifted, on a card that says so', async () => {
    const region = '440105';
    const citizen = openid();
    // Two agreements: one for the alert, one for its cancellation.
    wxa.subscribe(citizen, wxa.alertTemplateId);
    wxa.subscribe(citizen, wxa.alertTemplateId);
    await register('wxa', citizen, region);
    const identifier = `lifted-${randomUUID().slice(0, 8)}`;
    const alertId = await publish(cap(identifier, region));
    await eventually(async () => expect(await lastErrors(alertId)).toEqual({ 'sent:': '1' }), 30_000);
    await eventually(async () => expect(wxa.subscribeSends.filter((send) => send.touser === citizen)).toHaveLength(1));

    const cancelId = await publish(cap(`${identifier}-c`, region, 'Cancel', identifier));

    await eventually(async () => expect(await lastErrors(cancelId)).toEqual({ 'sent:': '1' }), 30_000);
    const cards = await eventually(async () => {
      const sent = wxa.subscribeSends.filter((send) => send.touser === citizen);
      expect(sent).toHaveLength(2);
      return sent;
    });
    expect(cards[1].data.thing1.value).toBe('已解除：越秀区暴雨橙色预警');
    expect(cards[1].data.thing3.value).toBe('预警已解除，请留意后续通知');
  });
});
