import { randomBytes, randomInt } from 'node:crypto';
import {
  acs3Signature,
  FakeSmsVendors,
  ReceivedSms,
  startFakeSmsVendors,
  tc3Signature,
} from '../fakes/fake-sms-vendors';
import { eventually } from '../support/chat';
import { request } from '../support/http';
import { RunningSystem, startSystem } from '../support/running-system';

let system: RunningSystem;
let fakes: FakeSmsVendors;
const secret = randomBytes(24).toString('hex');

beforeAll(async () => {
  fakes = await startFakeSmsVendors();
  system = await startSystem(['gateway', 'dialogue'], {
    env: {
      ...fakes.gatewayEnv(),
      SMS_PRIMARY: 'tencent',
      SMS_SEND_TIMEOUT_MS: '2000',
      SMS_CALLBACK_SECRET: secret,
      // IPv4 loopback only: the same gateway reached over [::1] is a caller off the list.
      SMS_CALLBACK_ALLOWED_IPS: '127.0.0.1/32',
      OUTBOUND_BACKOFF_BASE_MS: '500',
    },
  });
});
afterEach(() => fakes.reset());
afterAll(async () => {
  await system?.stop();
  await fakes?.stop();
});

/** A fresh mainland mobile number, so tests do not share conversations. */
const aMobile = () => `139${String(randomInt(0, 1e8)).padStart(8, '0')}`;

function tencentReply(mobile: string, text: string) {
  return { extend: '', mobile, nationcode: '86', sign: fakes.signName, text, time: Math.floor(Date.now() / 1000) };
}

function aliyunSmsUp(mobile: string, text: string) {
  const sendTime = new Date(Date.now() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
  return [
    {
      phone_number: mobile,
      send_time: sendTime,
      content: text,
      sign_name: fakes.signName,
      dest_code: '1234',
      sequence_id: randomInt(1, 2 ** 47),
    },
  ];
}

const post = (path: string, json: unknown, base = system.url('gateway')) =>
  request<Record<string, unknown>>('POST', `${base}${path}`, { json });

const sentTo = (messages: readonly ReceivedSms[], phoneNumber: string) =>
  messages.filter((sms) => sms.phoneNumber === phoneNumber);

describe('the fake SMS vendors', () => {
  it('compute TC3-HMAC-SHA256 as in Tencent Cloud’s documented example', () => {
    expect(
      tc3Signature({
        secretKey: 'Gu5t9xGARNpq86cd98joQYCN3*******',
        method: 'POST',
        path: '/',
        query: '',
        headers: { 'content-type': 'application/json; charset=utf-8', host: 'cvm.tencentcloudapi.com' },
        signedHeaders: ['content-type', 'host'],
        payload: String.raw`{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}`,
        timestamp: 1551113065,
        service: 'cvm',
      }),
    ).toBe('2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c');
  });

  it('compute ACS3-HMAC-SHA256 as in Alibaba Cloud’s documented example', () => {
    const emptyBody = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    expect(
      acs3Signature({
        secret: 'YourAccessKeySecret',
        method: 'POST',
        path: '/',
        query: [
          ['ImageId', 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd'],
          ['RegionId', 'cn-shanghai'],
        ],
        headers: {
          host: 'ecs.cn-shanghai.aliyuncs.com',
          'x-acs-action': 'RunInstances',
          'x-acs-content-sha256': emptyBody,
          'x-acs-date': '2023-10-26T10:22:32Z',
          'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d',
          'x-acs-version': '2014-05-26',
        },
        signedHeaders: [
          'host',
          'x-acs-action',
          'x-acs-content-sha256',
          'x-acs-date',
          'x-acs-signature-nonce',
          'x-acs-version',
        ],
        hashedPayload: emptyBody,
      }),
    ).toBe('06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0');
  });
});

describe('a citizen texting the service', () => {
  it('gets the assistant’s answer by SMS to the same number, through a correctly signed SendSms', async () => {
    const mobile = aMobile();
    const acknowledged = await post(`/channels/sms/tencent/inbound/${secret}`, tencentReply(mobile, '你好'));
    expect(acknowledged).toMatchObject({ status: 200, body: { result: 0, errmsg: 'OK' } });

    const replies = await eventually(async () => {
      const found = sentTo(fakes.tencent.sent, `+86${mobile}`);
      if (found.length === 0) throw new Error('no SMS sent yet');
      return found;
    }, 40_000);
    expect(replies[0]).toMatchObject({ signName: fakes.signName, template: '2233445' });
    expect(replies[0].reference).toMatch(/^[0-9a-f-]{36}$/);
    expect(replies.map((sms) => sms.parameters[0]).join('')).toContain('政务服务');
    // Every request the gateway made passed the vendor's signature and template checks.
    expect(fakes.tencent.refused).toEqual([]);
  });

  it('is answered once when the vendor pushes the same reply twice', async () => {
    const mobile = aMobile();
    const uplink = tencentReply(mobile, '你好');
    await post(`/channels/sms/tencent/inbound/${secret}`, uplink);
    await post(`/channels/sms/tencent/inbound/${secret}`, uplink);
    const first = await eventually(async () => {
      const found = sentTo(fakes.tencent.sent, `+86${mobile}`);
      if (found.length === 0) throw new Error('no SMS sent yet');
      return found.length;
    }, 40_000);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(sentTo(fakes.tencent.sent, `+86${mobile}`)).toHaveLength(first);
  });

  it('still gets the answer, from the other vendor, while the primary is down', async () => {
    fakes.tencent.mode = 'outage';
    const mobile = aMobile();
    const acknowledged = await post(`/channels/sms/aliyun/inbound/${secret}`, aliyunSmsUp(mobile, '你好'));
    expect(acknowledged).toMatchObject({ status: 200, body: { code: 0, msg: '接收成功' } });

    const replies = await eventually(async () => {
      const found = sentTo(fakes.aliyun.sent, mobile);
      if (found.length === 0) throw new Error('no SMS sent yet');
      return found;
    }, 40_000);
    // The primary was tried once for the whole answer, not once per part.
    expect(fakes.tencent.refused).toEqual([{ code: 'http_503' }]);
    expect(replies.every((sms) => [...sms.parameters[0]].length <= 35)).toBe(true);
    expect(fakes.aliyun.refused).toEqual([]);
  });

  it('gets the rest of a long answer where a vendor failed halfway, no part twice', async () => {
    fakes.tencent.mode = 'outage';
    fakes.aliyun.outageAfterSends = 1;
    const mobile = aMobile();
    await post(`/channels/sms/aliyun/inbound/${secret}`, aliyunSmsUp(mobile, '你好'));
    await eventually(async () => {
      if (!fakes.aliyun.refused.some(({ code }) => code === 'ServiceUnavailable')) throw new Error('not cut yet');
    }, 40_000);
    const [first] = sentTo(fakes.aliyun.sent, mobile);
    expect(first).toBeDefined();

    fakes.tencent.mode = 'ok';
    const rest = await eventually(async () => {
      const found = sentTo(fakes.tencent.sent, `+86${mobile}`);
      if (found.length === 0) throw new Error('the rest is not sent yet');
      return found;
    }, 40_000);
    expect(rest.map((sms) => sms.parameters[0]).join('')).not.toContain(first.parameters[0]);
    expect(sentTo(fakes.aliyun.sent, mobile)).toHaveLength(1);
  });

  it('gets the answer late, not never, when both vendors are down for a while', async () => {
    fakes.tencent.mode = 'outage';
    fakes.aliyun.mode = 'outage';
    const mobile = aMobile();
    await post(`/channels/sms/tencent/inbound/${secret}`, tencentReply(mobile, '你好'));
    await eventually(async () => {
      if (fakes.aliyun.attempts === 0) throw new Error('no attempt yet');
    }, 40_000);
    fakes.tencent.mode = 'ok';
    fakes.aliyun.mode = 'ok';
    await eventually(async () => {
      if (sentTo(fakes.tencent.sent, `+86${mobile}`).length === 0) throw new Error('no SMS sent yet');
    }, 40_000);
  });
});

describe('the SMS callbacks', () => {
  it('answer a wrong secret as an unknown route, and an address off the allowlist with 403, producing nothing', async () => {
    const [guessed, offList, control] = [aMobile(), aMobile(), aMobile()];
    const wrongSecret = await post(`/channels/sms/tencent/inbound/${'0'.repeat(48)}`, tencentReply(guessed, '你好'));
    expect(wrongSecret.status).toBe(404);
    const noSecret = await post('/channels/sms/aliyun/inbound', aliyunSmsUp(guessed, '你好'));
    expect(noSecret.status).toBe(404);
    const ipv6 = system.url('gateway').replace('127.0.0.1', '[::1]');
    const refused = await post(`/channels/sms/tencent/inbound/${secret}`, tencentReply(offList, '你好'), ipv6);
    expect(refused.status).toBe(403);

    // A message let in after them is answered; the refused ones never are.
    await post(`/channels/sms/tencent/inbound/${secret}`, tencentReply(control, '你好'));
    await eventually(async () => {
      if (sentTo(fakes.tencent.sent, `+86${control}`).length === 0) throw new Error('no SMS sent yet');
    }, 40_000);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(sentTo(fakes.tencent.sent, `+86${guessed}`)).toEqual([]);
    expect(sentTo(fakes.tencent.sent, `+86${offList}`)).toEqual([]);
  });

  it('take delivery receipts in each vendor’s format', async () => {
    const tencent = await post(`/channels/sms/tencent/status/${secret}`, [
      {
        user_receive_time: '2026-11-26 08:03:04',
        nationcode: '86',
        mobile: aMobile(),
        report_status: 'SUCCESS',
        errmsg: 'DELIVRD',
        description: '用户短信送达成功',
        sid: '2433:0123456789abcdef0123',
      },
    ]);
    expect(tencent).toMatchObject({ status: 200, body: { result: 0, errmsg: 'OK' } });
    const aliyun = await post(`/channels/sms/aliyun/status/${secret}`, [
      {
        phone_number: aMobile(),
        send_time: '2026-11-26 11:12:13',
        report_time: '2026-11-26 11:12:15',
        success: false,
        err_code: 'MK:0001',
        err_msg: '用户接收失败',
        sms_size: '1',
        biz_id: '932702304080415357^0',
        out_id: '1184585343',
      },
    ]);
    expect(aliyun).toMatchObject({ status: 200, body: { code: 0, msg: '接收成功' } });
    const wrongSecret = await post(`/channels/sms/aliyun/status/${'f'.repeat(48)}`, []);
    expect(wrongSecret.status).toBe(404);
  });

  it('refuse a body that is not the vendor’s format', async () => {
    const answer = await post(`/channels/sms/tencent/inbound/${secret}`, { hello: 'world' });
    expect(answer.status).toBe(400);
  });
});
