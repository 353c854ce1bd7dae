import Redis from 'ioredis';
import { z } from 'zod';
import { WeComApiClient } from '@libs/common/vendors/wecom/wecom-api-client';
import { FakeWeComServer, SPARE_SECRET, Tamper } from '../fakes/fake-wecom-server';
import { eventually } from '../support/chat';
import { request } from '../support/http';
import { RunningSystem, startSystem } from '../support/running-system';

const MEMBERS = ['ZhangSan', 'LiSi', 'WangWu', 'ZhaoLiu', 'SunQi', 'ZhouBa', 'WuJiu', 'ZhengShi', 'Mallory'];

let fake: FakeWeComServer;
let system: RunningSystem;
let callbackUrl: string;

beforeAll(async () => {
  fake = await FakeWeComServer.start({ members: MEMBERS });
  // Short backoff: the retries after injected faults come within the test's patience.
  system = await startSystem(['gateway', 'dialogue'], {
    env: { ...fake.gatewayEnv(), OUTBOUND_BACKOFF_BASE_MS: '200', OUTBOUND_BACKOFF_MAX_MS: '1000' },
  });
  callbackUrl = system.url('gateway', '/channels/wecom/callback');
});
afterAll(async () => {
  await system?.stop();
  await fake?.stop();
});

const sendsTo = (member: string) => fake.messageSends.filter((send) => send.touser === member);
const replyTo = (member: string) =>
  eventually(async () => {
    const [first] = sendsTo(member);
    if (!first) throw new Error(`no message/send to ${member} yet`);
    return first;
  });
const settle = () => new Promise((resolve) => setTimeout(resolve, 2_000));
const text = (content: string, msgId: string) => ({ MsgType: 'text', Content: content, MsgId: msgId });

describe('the WeCom self-built app channel', () => {
  it('passes the URL verification with the decrypted echostr, as plain text', async () => {
    const verification = await fake.verifyUrl(callbackUrl, 'app');
    expect(verification).toMatchObject({ status: 200, body: verification.echo });
  });

  it("answers a member's encrypted message at once, and replies through message/send to that member", async () => {
    const started = Date.now();
    const callback = await fake.memberWrites(callbackUrl, 'ZhangSan', text('你好', '4561255354251345929'));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(callback).toEqual({ status: 200, body: '' });
    const reply = await replyTo('ZhangSan');
    expect(reply.agentid).toBe(fake.agentId);
    expect(reply.content).toContain('政务服务智能客服');
    // The greeting's choices, as numbered lines a member can answer with.
    expect(reply.content).toMatch(/\n1\. \S+/);
  });

  it('gives one reply to a callback WeCom sends again', async () => {
    const message = text('你好', '4561255354251345930');
    await fake.memberWrites(callbackUrl, 'LiSi', message);
    await fake.memberWrites(callbackUrl, 'LiSi', message);
    await replyTo('LiSi');
    await settle();
    expect(sendsTo('LiSi')).toHaveLength(1);
  });

  it('greets a member who opens the app (enter_agent)', async () => {
    await fake.memberWrites(callbackUrl, 'ZhengShi', { MsgType: 'event', Event: 'enter_agent', EventKey: '' });
    expect((await replyTo('ZhengShi')).content).toContain('政务服务智能客服');
  });

  it('fetches a new token once the old one expired (42001), and the reply still goes out', async () => {
    await replyTo('ZhangSan');
    const tokensBefore = fake.gettokenCalls('app');
    fake.expireTokens();
    await fake.memberWrites(callbackUrl, 'WangWu', text('你好', '4561255354251345931'));
    await replyTo('WangWu');
    expect(fake.refusals).toContainEqual({ path: '/cgi-bin/message/send', errcode: 42001 });
    expect(fake.gettokenCalls('app')).toBe(tokensBefore + 1);
  });

  it('tries again after a rate limit (45033) and an outage (502), and delivers once', async () => {
    fake.failNext('/cgi-bin/message/send', { errcode: 45033 });
    fake.failNext('/cgi-bin/message/send', { status: 502 });
    await fake.memberWrites(callbackUrl, 'ZhaoLiu', text('你好', '4561255354251345932'));
    await replyTo('ZhaoLiu');
    expect(fake.refusals).toContainEqual({ path: '/cgi-bin/message/send', errcode: 45033 });
    await settle();
    expect(sendsTo('ZhaoLiu')).toHaveLength(1);
  });

  it('does not try again when WeCom says the recipient is not a member it can reach (81013)', async () => {
    await fake.memberWrites(callbackUrl, 'Outsider', text('你好', '4561255354251345933'));
    await eventually(async () => {
      if (!fake.refusals.some((refusal) => refusal.errcode === 81013)) throw new Error('not refused yet');
    });
    await settle();
    expect(fake.refusals.filter((refusal) => refusal.errcode === 81013)).toHaveLength(1);
  });

  it.each<[Tamper, number, string]>([
    ['signature', 403, '签名校验失败'],
    ['receiveid', 403, '消息接收方与本服务不符'],
    ['padding', 400, '密文无法解密'],
    ['ciphertext', 403, '签名校验失败'],
    ['ciphertext-resigned', 400, '密文无法解密'],
    ['inner-xml', 400, '消息 XML 格式错误'],
    ['outer-xml', 400, '消息 XML 格式错误'],
  ])('refuses a callback with a bad %s (%d) and produces nothing', async (tamper, status, message) => {
    const callback = await fake.memberWrites(callbackUrl, 'Mallory', text('你好', '4561255354251345999'), tamper);
    expect(callback.status).toBe(status);
    expect(JSON.parse(callback.body)).toMatchObject({ message });
    await settle();
    expect(sendsTo('Mallory')).toEqual([]);
  });

  it('refuses a callback without its signature, and a URL verification with a wrong one', async () => {
    const unsigned = await request('POST', callbackUrl, {
      body: '<xml><Encrypt><![CDATA[abc]]></Encrypt></xml>',
      headers: { 'content-type': 'text/xml' },
    });
    expect(unsigned.status).toBe(400);
    const forged = await request(
      'GET',
      `${callbackUrl}?msg_signature=${'0'.repeat(40)}&timestamp=1716000000&nonce=1&echostr=${encodeURIComponent('P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==')}`,
    );
    expect(forged.status).toBe(403);
  });

  it('shares one access token among many concurrent senders in several processes, and refreshes it once', async () => {
    const redis = [new Redis(system.env.REDIS_URL ?? ''), new Redis(system.env.REDIS_URL ?? '')];
    try {
      const settings = { apiBase: fake.url, corpId: fake.corpId, secret: SPARE_SECRET };
      // Two clients with their own Redis connections: two gateway processes, as far as the token is concerned.
      const clients = redis.map((connection) => new WeComApiClient(settings, connection));
      const sendMany = (count: number) =>
        Promise.all(
          Array.from({ length: count }, (_, index) =>
            clients[index % 2].post(
              '/cgi-bin/message/send',
              { touser: 'ZhouBa', msgtype: 'text', agentid: fake.agentId, text: { content: `第${index + 1}条` } },
              z.object({ msgid: z.string() }),
            ),
          ),
        );
      await sendMany(20);
      expect(fake.gettokenCalls('spare')).toBe(1);
      fake.expireTokens();
      await sendMany(20);
      expect(fake.gettokenCalls('spare')).toBe(2);
      expect(sendsTo('ZhouBa')).toHaveLength(40);
    } finally {
      await Promise.all(redis.map((connection) => connection.quit()));
    }
  });
});

describe('a gateway without WECOM_* and WXKF_* settings', () => {
  let bare: RunningSystem;
  beforeAll(async () => {
    bare = await startSystem(['gateway']);
  });
  afterAll(() => bare?.stop());

  it.each(['/channels/wecom/callback', '/channels/wechat-kf/callback'])(
    'answers %s with 503 and says why',
    async (path) => {
      const verification = await request<{ message: string }>('GET', bare.url('gateway', path));
      expect(verification.status).toBe(503);
      expect(verification.body.message).toMatch(/渠道未启用：请设置全部 (WECOM|WXKF)_\* 配置项/);
      const callback = await request('POST', bare.url('gateway', path), { body: '<xml></xml>' });
      expect(callback.status).toBe(503);
    },
  );
});
