import Redis from 'ioredis';
import { Client } from 'pg';
import { WxaApiClient } from '@libs/common/vendors/wxa/wxa-api-client';
import { WxaApiError } from '@libs/common/vendors/wxa/wxa-api-error';
import { WxaSubscribeMessages } from '@libs/common/vendors/wxa/wxa-subscribe-messages';
import { FakeWxaServer, PushFormat, SPARE_WXA_SECRET, WxaTamper } from '../fakes/fake-wxa-server';
import { eventually } from '../support/chat';
import { request } from '../support/http';
import { RunningSystem, startSystem } from '../support/running-system';

let fake: FakeWxaServer;
let system: RunningSystem;
let pushUrl: string;

beforeAll(async () => {
  fake = await FakeWxaServer.start();
  system = await startSystem(['gateway', 'dialogue', 'ticketing'], {
    env: { ...fake.gatewayEnv(), OUTBOUND_BACKOFF_BASE_MS: '200', OUTBOUND_BACKOFF_MAX_MS: '1000' },
  });
  pushUrl = system.url('gateway', '/channels/wxa/callback');
});
afterAll(async () => {
  await system?.stop();
  await fake?.stop();
});

/** An openid as WeChat makes them: 28 characters of [A-Za-z0-9_-], one per test so their replies do not mix. */
const openid = (name: string) => `oWxa_${name.padEnd(23, '0')}`.slice(0, 28);
const sendsTo = (user: string) => fake.customSends.filter((send) => send.touser === user);
const repliesTo = (user: string, count = 1) =>
  eventually(async () => {
    const sends = sendsTo(user);
    if (sends.length < count) throw new Error(`${sends.length} custom/send to ${user} so far, waiting for ${count}`);
    return sends;
  });
const settle = () => new Promise((resolve) => setTimeout(resolve, 2_000));
const text = (content: string, msgId: bigint) => ({ MsgType: 'text', Content: content, MsgId: msgId });

async function storedPlatformIds(): Promise<string[]> {
  const client = new Client({ connectionString: system.env.DATABASE_URL });
  await client.connect();
  try {
    const result = await client.query<{ platform_message_id: string }>(
      `SELECT m.platform_message_id FROM gateway.messages m JOIN gateway.conversations c ON c.id = m.conversation_id
        WHERE c.channel = 'wxa' AND m.platform_message_id IS NOT NULL`,
    );
    return result.rows.map((row) => row.platform_message_id);
  } finally {
    await client.end();
  }
}

describe('the mini-program channel (消息推送, 安全模式)', () => {
  it('passes the server check with the echostr as it came, as plain text', async () => {
    const check = await fake.verifyUrl(pushUrl);
    expect(check).toMatchObject({ status: 200, body: check.echo });
  });

  it('refuses the server check signed with another token', async () => {
    expect((await fake.verifyUrl(pushUrl, 'notTheToken1')).status).toBe(403);
  });

  it.each<PushFormat>(['json', 'xml'])(
    "answers a user's %s push at once, and replies through custom/send to that user",
    async (format) => {
      const user = openid(`reply${format}`);
      const started = Date.now();
      const push = await fake.userWrites(pushUrl, user, text('你好', 4561255354251345929n), { format });
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(push).toEqual({ status: 200, body: 'success' });
      const [reply] = await repliesTo(user);
      expect(reply.content).toContain('政务服务智能客服');
      expect(reply.content).toMatch(/\n1\. \S+/);
    },
  );

  it('keeps 24-digit MsgIds exact: two that one JS number would merge are two messages, one sent twice is one', async () => {
    const user = openid('bigmsgid');
    const first = 123456789012345678901234n;
    const second = 123456789012345678901235n;
    expect(Number(first)).toBe(Number(second));
    await fake.userWrites(pushUrl, user, text('你好', first), { format: 'json' });
    await fake.userWrites(pushUrl, user, text('你好', first), { format: 'json' });
    await fake.userWrites(pushUrl, user, text('你好', second), { format: 'xml' });
    await repliesTo(user, 2);
    await settle();
    expect(sendsTo(user)).toHaveLength(2);
    const stored = await storedPlatformIds();
    expect(stored).toEqual(expect.arrayContaining([String(first), String(second)]));
    expect(stored.filter((id) => id === String(first))).toHaveLength(1);
  });

  it('greets a user who opens the chat from the mini-program (user_enter_tempsession)', async () => {
    const user = openid('entersession');
    await fake.userWrites(
      pushUrl,
      user,
      { MsgType: 'event', Event: 'user_enter_tempsession', SessionFrom: 'guide' },
      {
        format: 'json',
      },
    );
    expect((await repliesTo(user))[0].content).toContain('政务服务智能客服');
  });

  it('fetches a new token once the old one expired (42001), and the reply still goes out', async () => {
    await repliesTo(openid('replyjson'));
    const fetchesBefore = fake.tokenFetchCalls();
    fake.expireTokens();
    const user = openid('expired');
    await fake.userWrites(pushUrl, user, text('你好', 7000000000000000001n), { format: 'xml' });
    await repliesTo(user);
    expect(fake.refusals).toContainEqual({ path: '/cgi-bin/message/custom/send', errcode: 42001 });
    expect(fake.tokenFetchCalls()).toBe(fetchesBefore + 1);
  });

  it('tries again after a rate limit (45011) and an outage (502), and delivers once', async () => {
    fake.failNext('/cgi-bin/message/custom/send', { errcode: 45011 });
    fake.failNext('/cgi-bin/message/custom/send', { status: 502 });
    const user = openid('flaky');
    await fake.userWrites(pushUrl, user, text('你好', 7000000000000000002n), { format: 'json' });
    await repliesTo(user);
    expect(fake.refusals).toContainEqual({ path: '/cgi-bin/message/custom/send', errcode: 45011 });
    await settle();
    expect(sendsTo(user)).toHaveLength(1);
  });

  it.each<[WxaTamper, PushFormat, number]>([
    ['signature', 'json', 403],
    ['signature', 'xml', 403],
    ['appid', 'json', 403],
    ['appid', 'xml', 403],
    ['ciphertext', 'json', 403],
    ['plaintext', 'json', 400],
  ])('refuses a push with a bad %s (%s) with %d, and produces nothing', async (tamper, format, status) => {
    const user = openid(`mallory${tamper}${format}`);
    const push = await fake.userWrites(pushUrl, user, text('你好', 7000000000000000099n), { format, tamper });
    expect(push.status).toBe(status);
    await settle();
    expect(sendsTo(user)).toEqual([]);
    expect(await storedPlatformIds()).not.toContain('7000000000000000099');
  });

  it('refuses a push without its signature', async () => {
    const unsigned = await request('POST', pushUrl, {
      json: { ToUserName: 'gh_97417a04a28d', Encrypt: 'abc' },
    });
    expect(unsigned.status).toBe(400);
  });
});

describe('ticket news after the 48-hour window', () => {
  async function tokenOf(username: string): Promise<string> {
    const login = await request<{ accessToken: string }>('POST', system.url('gateway', '/api/v1/auth/login'), {
      json: { username, password: system.staffPassword },
    });
    return login.body.accessToken;
  }

  async function signFor(ticketNo: string) {
    const signed = await request('POST', system.url('ticketing', `/api/v1/tickets/${ticketNo}/sign-for`), {
      json: {},
      token: await tokenOf('thzjj-staff'),
    });
    expect(signed.status).toBe(200);
  }

  async function complaintFrom(user: string, msgId: bigint): Promise<string> {
    await fake.userWrites(pushUrl, user, text('我要投诉天河区棠下小区周边工地夜间施工扰民', msgId), { format: 'json' });
    const [reply] = await repliesTo(user);
    const ticketNo = /工单号：(GD\d+)/.exec(reply.content)?.[1];
    if (!ticketNo) throw new Error(`no ticket in ${reply.content}`);
    return ticketNo;
  }

  it('reaches a user who allowed it as a subscribe message: number, state, time and what happened', async () => {
    const user = openid('ticketnews');
    const ticketNo = await complaintFrom(user, 7100000000000000001n);
    fake.closeWindow(user);
    fake.subscribe(user, fake.ticketTemplateId);

    await signFor(ticketNo);

    const card = await eventually(async () => {
      const found = fake.subscribeSends.find((send) => send.touser === user);
      if (!found) throw new Error('no subscribe message yet');
      return found;
    });
    expect(card).toMatchObject({
      template_id: fake.ticketTemplateId,
      data: {
        character_string1: { value: ticketNo },
        phrase2: { value: '已签收' },
        thing3: { value: expect.stringContaining(ticketNo.slice(0, 8)) },
        time4: { value: expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/) },
      },
    });
    expect(fake.refusals).toContainEqual({ path: '/cgi-bin/message/custom/send', errcode: 45015 });
  });

  it('goes to the dead letters, with the code, for a user who did not allow it', async () => {
    const user = openid('ticketnosub');
    const ticketNo = await complaintFrom(user, 7100000000000000002n);
    fake.closeWindow(user);

    await signFor(ticketNo);

    const adminToken = await tokenOf('admin');
    const deadLetter = await eventually(async () => {
      const listed = await request<{ deadLetters: Array<{ channel: string; vendorCode: string | null }> }>(
        'GET',
        system.url('gateway', '/api/v1/admin/outbound/dead-letters'),
        { token: adminToken },
      );
      const found = listed.body.deadLetters.find((letter) => letter.channel === 'wxa' && letter.vendorCode === '43101');
      if (!found) throw new Error('not dead-lettered yet');
      return found;
    });
    expect(deadLetter).toBeDefined();
    expect(fake.subscribeSends.filter((send) => send.touser === user)).toEqual([]);
  });
});

describe('subscribe messages (订阅消息)', () => {
  let redis: Redis[];
  beforeAll(() => {
    redis = [new Redis(system.env.REDIS_URL ?? ''), new Redis(system.env.REDIS_URL ?? '')];
  });
  afterAll(() => Promise.all(redis.map((connection) => connection.quit())));

  const clientOn = (connection: Redis, secret = SPARE_WXA_SECRET) =>
    new WxaApiClient({ apiBase: fake.url, appId: fake.appId, secret }, connection);

  it('sends ticket progress to a user who subscribed, once per subscription, with a long thing shortened', async () => {
    const user = openid('subscriber');
    const messages = new WxaSubscribeMessages(clientOn(redis[0]), { ticketProgress: fake.ticketTemplateId });
    const values = {
      character_string1: 'GD20261126-0042',
      phrase2: '已办结',
      thing3: '承办单位已派网格员上门核实您反映的占道经营问题，请保持电话畅通',
      time4: '2026年11月26日 15:01',
    };
    fake.subscribe(user, fake.ticketTemplateId);
    const templateId = messages.templateFor('ticketProgress');
    await messages.send(user, templateId, values, 'pages/ticket/detail?no=GD20261126-0042');
    expect(fake.subscribeSends).toContainEqual({
      touser: user,
      template_id: fake.ticketTemplateId,
      page: 'pages/ticket/detail?no=GD20261126-0042',
      data: { ...wrap(values), thing3: { value: '承办单位已派网格员上门核实您反映的占道…' } },
    });
    // The one subscription is spent: the platform refuses a second message until the user agrees again.
    const refused: unknown = await messages.send(user, templateId, values).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WxaApiError);
    expect(refused).toHaveProperty('errcode', 43101);
  });

  it('says so when no template is configured for a kind', () => {
    const messages = new WxaSubscribeMessages(clientOn(redis[0]), {});
    expect(() => messages.templateFor('alert')).toThrow('WXA_ALERT_TEMPLATE_ID');
  });

  it('shares one stable token among many concurrent senders in two processes, and refreshes it once', async () => {
    const clients = redis.map((connection) => clientOn(connection));
    const user = openid('tokenshare');
    const sendMany = async (count: number) => {
      for (let index = 0; index < count; index += 1) fake.subscribe(user, fake.ticketTemplateId);
      await Promise.all(
        Array.from({ length: count }, (_, index) =>
          new WxaSubscribeMessages(clients[index % 2], {}).send(user, fake.ticketTemplateId, {
            character_string1: `GD${index}`,
            phrase2: '受理',
            thing3: '已受理',
            time4: '09:00',
          }),
        ),
      );
    };
    // Whatever an earlier test left in the cache is refused now: one fetch for the forty calls that follow.
    fake.expireTokens();
    const before = fake.tokenFetchCalls('spare');
    await sendMany(20);
    expect(fake.tokenFetchCalls('spare')).toBe(before + 1);
    fake.expireTokens();
    await sendMany(20);
    expect(fake.tokenFetchCalls('spare')).toBe(before + 2);
    expect(fake.subscribeSends.filter((send) => send.touser === user)).toHaveLength(40);
  });
});

function wrap(values: Record<string, string>) {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { value }]));
}
