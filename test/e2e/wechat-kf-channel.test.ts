import Redis from 'ioredis';
import { ChannelContact } from '../../apps/gateway/src/channels/channel-contacts';
import { WechatKfHandover } from '../../apps/gateway/src/channels/wechat-kf/wechat-kf-handover';
import { WeComApiClient } from '@libs/common/vendors/wecom/wecom-api-client';
import { FakeWeComServer } from '../fakes/fake-wecom-server';
import { eventually } from '../support/chat';
import { RunningSystem, startSystem } from '../support/running-system';

let fake: FakeWeComServer;
let system: RunningSystem;
let callbackUrl: string;

beforeAll(async () => {
  fake = await FakeWeComServer.start();
  system = await startSystem(['gateway', 'dialogue'], {
    env: { ...fake.gatewayEnv(), OUTBOUND_BACKOFF_BASE_MS: '200', OUTBOUND_BACKOFF_MAX_MS: '1000' },
  });
  callbackUrl = system.url('gateway', '/channels/wechat-kf/callback');
});
afterAll(async () => {
  await system?.stop();
  await fake?.stop();
});

const sendsTo = (customer: string) => fake.kfSends.filter((send) => send.touser === customer);
const replyTo = (customer: string, count = 1) =>
  eventually(async () => {
    const sends = sendsTo(customer);
    if (sends.length < count) throw new Error(`${sends.length} kf/send_msg to ${customer} so far`);
    return sends[count - 1];
  });
const settle = () => new Promise((resolve) => setTimeout(resolve, 2_000));
const hello = { msgtype: 'text', text: { content: '你好' } };

describe('the 微信客服 channel', () => {
  it('passes the URL verification with the decrypted echostr', async () => {
    const verification = await fake.verifyUrl(callbackUrl, 'kf');
    expect(verification).toMatchObject({ status: 200, body: verification.echo });
  });

  it("pulls the customer's message on kf_msg_or_event and replies with send_msg, choices as a menu", async () => {
    const callback = await fake.customerWrites(callbackUrl, 'wmCustomer0001', hello);
    expect(callback).toMatchObject({ status: 200, body: '' });
    const reply = await replyTo('wmCustomer0001');
    expect(reply.open_kfid).toBe(fake.openKfId);
    expect(reply.msgtype).toBe('msgmenu');
    expect(reply.msgmenu?.head_content).toContain('政务服务智能客服');
    expect(reply.msgmenu?.list.map((item) => item.click?.content)).toContain('我要投诉');
    // The pull used the event's token, on the event's account.
    expect(fake.syncRequests[0]).toMatchObject({ open_kfid: fake.openKfId });
    expect(fake.syncRequests[0].token).toMatch(/^ENC/);
  });

  it('pulls on from where the last pull left off, also after a restart', async () => {
    await replyTo('wmCustomer0001');
    await fake.customerWrites(callbackUrl, 'wmCustomer0002', hello);
    await replyTo('wmCustomer0002');
    const cursorBefore = fake.syncRequests.at(-1)?.cursor;
    expect(cursorBefore).toEqual(expect.any(String));
    await system.kill('gateway');
    await system.start('gateway');
    await fake.customerWrites(callbackUrl, 'wmCustomer0003', hello);
    await replyTo('wmCustomer0003');
    expect(fake.syncRequests.at(-1)?.cursor).toEqual(expect.any(String));
    expect(fake.syncRequests.at(-1)?.cursor).not.toBe(cursorBefore);
    await settle();
    // Nobody was answered twice: the earlier messages were not pulled again.
    expect(sendsTo('wmCustomer0001')).toHaveLength(1);
    expect(sendsTo('wmCustomer0002')).toHaveLength(1);
  });

  it("leaves a servicer's own messages (origin 5) unanswered", async () => {
    await fake.servicerWrites(callbackUrl, 'wmCustomer0004', '您好，我是人工客服小李');
    await settle();
    expect(sendsTo('wmCustomer0004')).toEqual([]);
    expect(fake.refusals.filter((refusal) => refusal.path === '/cgi-bin/kf/send_msg')).toEqual([]);
  });

  it("pulls without the event's token when it has expired (95007)", async () => {
    fake.failNext('/cgi-bin/kf/sync_msg', { errcode: 95007 });
    await fake.customerWrites(callbackUrl, 'wmCustomer0005', hello);
    await replyTo('wmCustomer0005');
    expect(fake.syncRequests.at(-1)?.token).toBeUndefined();
  });

  it('answers 503 when the pull fails, and the message is answered when WeCom calls again', async () => {
    fake.failNext('/cgi-bin/kf/sync_msg', { status: 502 });
    const failed = await fake.customerWrites(callbackUrl, 'wmCustomer0006', hello);
    expect(failed.status).toBe(503);
    const retried = await fake.notifyKf(callbackUrl);
    expect(retried.status).toBe(200);
    await replyTo('wmCustomer0006');
  });

  it('refuses a forged callback (403) without pulling', async () => {
    const pullsBefore = fake.syncRequests.length;
    const forged = await fake.notifyKf(callbackUrl, fake.openKfId, 'signature');
    expect(forged.status).toBe(403);
    const wrongCorp = await fake.notifyKf(callbackUrl, fake.openKfId, 'receiveid');
    expect(wrongCorp.status).toBe(403);
    expect(fake.syncRequests).toHaveLength(pullsBefore);
  });

  it('hands a conversation to a servicer and back to the assistant', async () => {
    await fake.customerWrites(callbackUrl, 'wmCustomer0007', hello);
    await replyTo('wmCustomer0007');
    const redis = new Redis(system.env.REDIS_URL ?? '');
    try {
      const env = fake.gatewayEnv();
      const api = new WeComApiClient({ apiBase: fake.url, corpId: env.WXKF_CORP_ID, secret: env.WXKF_SECRET }, redis);
      const handover = new WechatKfHandover(api);
      const contact: ChannelContact = {
        channel: 'wechat_kf',
        account: fake.openKfId,
        address: 'wmCustomer0007',
        conversationId: '00000000-0000-4000-8000-000000000007',
        citizenId: 'wechat_kf:test',
      };
      await handover.toHuman(contact);
      expect(fake.kfSessionState(fake.openKfId, 'wmCustomer0007')).toBe(2);
      await handover.toHuman(contact, 'LiSi');
      expect(fake.kfSessionState(fake.openKfId, 'wmCustomer0007')).toBe(3);
      expect(await handover.stateOf(contact)).toEqual({ state: 3, servicerUserId: 'LiSi' });
      await handover.backToAssistant(contact);
      expect(fake.kfSessionState(fake.openKfId, 'wmCustomer0007')).toBe(4);
    } finally {
      await redis.quit();
    }
    // The customer writes again: a new session, and the assistant answers it.
    await fake.customerWrites(callbackUrl, 'wmCustomer0007', hello);
    await replyTo('wmCustomer0007', 2);
    expect(fake.kfSessionState(fake.openKfId, 'wmCustomer0007')).toBe(0);
  });

  it("puts a customer who asks for a person into the servicer queue, through dialogue's handoff", async () => {
    await fake.customerWrites(callbackUrl, 'wmCustomer0008', { msgtype: 'text', text: { content: '转人工' } });
    expect((await replyTo('wmCustomer0008')).text?.content).toContain('正在为您转接人工客服');
    // dialogue's conversation.handoff (waiting) → gateway → service_state/trans to the queue (2).
    await eventually(async () => expect(fake.kfSessionState(fake.openKfId, 'wmCustomer0008')).toBe(2));
  });
});
