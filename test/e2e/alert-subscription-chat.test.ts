import { FakeWeComServer } from '../fakes/fake-wecom-server';
import { eventually, webChat } from '../support/chat';
import { request } from '../support/http';
import { staffToken } from '../support/notifier-access';
import { RunningSystem, startSystem } from '../support/running-system';

// 订阅预警 in a conversation: dialogue asks where, the gateway registers the member's WeCom userid with the notifier
// (with the gateway's key for the wecom channel), and 取消订阅预警 removes it. A web-chat citizen is told where to go.

const WECOM_KEY = 'e2e-gateway-wecom-0123456789abcdef';
const MEMBER = 'ZhangSan';

interface Subscriber {
  channel: string;
  address: string;
  regionCodes: string[];
  location: { lat: number; lon: number } | null;
  lang: string;
}

let fake: FakeWeComServer;
let system: RunningSystem;
let callbackUrl: string;
let adminToken: string;

beforeAll(async () => {
  fake = await FakeWeComServer.start({ members: [MEMBER, 'LiSi'] });
  system = await startSystem(['dialogue', 'notifier'], {
    env: { ...fake.gatewayEnv(), SUBSCRIBER_CHANNEL_KEYS: `wecom:${WECOM_KEY}` },
  });
  // The notifier's port is only known once the system runs: the gateway starts after, pointed at it (both settings
  // at once, as the gateway refuses one without the other).
  system.env.NOTIFIER_URL = system.url('notifier');
  system.env.ALERT_SUBSCRIPTION_KEYS = `wecom:${WECOM_KEY}`;
  await system.start('gateway');
  callbackUrl = system.url('gateway', '/channels/wecom/callback');
  adminToken = await staffToken(system, 'e2e-admin', 'admin');
});
afterAll(async () => {
  await system?.stop();
  await fake?.stop();
});

let messageNo = 4561255354251300000n;
/** What the member writes, and the reply that comes back to it through message/send. */
async function memberSays(member: string, text: string): Promise<string> {
  const before = fake.messageSends.filter((send) => send.touser === member).length;
  messageNo += 1n;
  const callback = await fake.memberWrites(callbackUrl, member, {
    MsgType: 'text',
    Content: text,
    MsgId: String(messageNo),
  });
  expect(callback.status).toBe(200);
  return eventually(async () => {
    const reply = fake.messageSends.filter((send) => send.touser === member)[before];
    if (!reply) throw new Error(`no reply to “${text}” yet`);
    return reply.content;
  });
}

const lookup = (address: string) =>
  request<{ subscriber?: Subscriber; message?: string }>(
    'POST',
    system.url('notifier', '/api/v1/channel-subscribers/lookup'),
    { json: { channel: 'wecom', address }, headers: { 'x-channel-key': WECOM_KEY } },
  );
const subscribersIn = (regionCode: string) =>
  request<{ subscribers: Subscriber[] }>(
    'GET',
    system.url('notifier', `/api/v1/subscribers?regionCode=${regionCode}`),
    {
      token: adminToken,
    },
  );

describe('订阅预警 in a WeCom conversation', () => {
  it('asks which district, subscribes the one named, and says how to cancel', async () => {
    expect(await memberSays(MEMBER, '订阅预警')).toContain('请问您想接收哪个区县的预警');
    const confirmation = await memberSays(MEMBER, '天河区');
    expect(confirmation).toContain('已为您订阅广东省广州市天河区的预警信息');
    expect(confirmation).toContain('企业微信消息');
    expect(confirmation).toContain('回复“取消订阅预警”');

    const found = await eventually(async () => {
      const answer = await lookup(MEMBER);
      if (answer.status !== 200) throw new Error(`lookup ${answer.status}: ${answer.body.message}`);
      return answer.body.subscriber;
    });
    expect(found).toMatchObject({ channel: 'wecom', regionCodes: ['440106'], lang: 'zh' });
    // The address leaves the notifier masked, and the staff list by district shows the member.
    expect(found?.address).not.toContain(MEMBER);
    const listed = await subscribersIn('440106');
    expect(listed.status).toBe(200);
    expect(listed.body.subscribers.filter((subscriber) => subscriber.channel === 'wecom')).toHaveLength(1);
  });

  it('adds a second district to the first', async () => {
    expect(await memberSays(MEMBER, '我还想收到越秀区的暴雨预警')).toContain('广东省广州市越秀区');
    await eventually(async () => {
      const answer = await lookup(MEMBER);
      if (answer.body.subscriber?.regionCodes.length !== 2) throw new Error('second district not registered yet');
    });
    expect((await lookup(MEMBER)).body.subscriber?.regionCodes).toEqual(['440104', '440106']);
  });

  it('removes the subscription on 取消订阅预警', async () => {
    expect(await memberSays(MEMBER, '取消订阅预警')).toContain('已为您取消预警订阅');
    await eventually(async () => {
      const answer = await lookup(MEMBER);
      if (answer.status !== 404) throw new Error(`still subscribed (${answer.status})`);
    });
    expect((await subscribersIn('440106')).body.subscribers).toEqual([]);
  });
});

describe('订阅预警 by a shared location', () => {
  it('subscribes the WeChat (GCJ-02) location, stored by the notifier as WGS-84', async () => {
    expect(await memberSays('LiSi', '我想收到暴雨台风预警')).toContain('也可以发送您的位置');
    const before = fake.messageSends.filter((send) => send.touser === 'LiSi').length;
    // 天河体育中心 as Tencent maps (GCJ-02) give it.
    const shared = {
      MsgType: 'location',
      Location_X: '23.1375',
      Location_Y: '113.3265',
      Scale: '15',
      Label: '天河体育中心',
    };
    await fake.memberWrites(callbackUrl, 'LiSi', { ...shared, MsgId: '4561255354251399001' });
    const confirmation = await eventually(async () => {
      const reply = fake.messageSends.filter((send) => send.touser === 'LiSi')[before];
      if (!reply) throw new Error('no reply to the location yet');
      return reply.content;
    });
    expect(confirmation).toContain('已按您分享的位置（天河体育中心）为您订阅预警信息');
    const found = await eventually(async () => {
      const answer = await lookup('LiSi');
      if (answer.status !== 200) throw new Error(`lookup ${answer.status}`);
      return answer.body.subscriber;
    });
    expect(found?.regionCodes).toEqual([]);
    // GCJ-02 is WGS-84 shifted by a few hundred metres; around Guangzhou about -0.0026° latitude, +0.0054° longitude.
    expect(found?.location?.lat).toBeCloseTo(23.1375 + 0.0026, 3);
    expect(found?.location?.lon).toBeCloseTo(113.3265 - 0.0054, 3);
  });
});

describe('订阅预警 on the web chat', () => {
  it('is answered honestly: alerts are subscribed to in the mini-program or by SMS, not here', async () => {
    const answer = await webChat(system).send({ text: '订阅预警' });
    expect(answer.status).toBe(200);
    const text = answer.body.replies?.map((reply) => reply.text).join('\n') ?? '';
    expect(text).toContain('不能主动向您推送预警');
    expect(text).toContain('小程序');
    expect(text).toContain('短信');
    expect(text).not.toContain('哪个区县');
  });
});
