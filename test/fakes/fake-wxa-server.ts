import { createHash, randomBytes, randomInt } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { flipLastByte, randomAesKey, randomToken, seal } from './fake-wecom-server';

/**
 * The mini-program's server API (api.weixin.qq.com) and its message push, as a test sees them: one local HTTP server
 * that issues expiring access tokens from stable_token (and /cgi-bin/token), refuses a missing, unknown or expired
 * token (41001, 40001, 42001), and takes message/custom/send and message/subscribe/send with the platform's checks
 * and codes: the customer-service window (five messages within 48 hours of the user's last message, 45047 / 45015),
 * one subscribe message per subscription (43101) and the template field rules (47003). Faults can be injected per
 * path. It also plays WeChat's side of the push in safe mode, JSON or XML, sealing with the fake WeCom server's own
 * implementation of the documented scheme (not the vendor library the gateway uses).
 */

export type WxaFault = { errcode: number } | { status: number } | { delayMs: number };

export interface CustomSend {
  touser: string;
  msgtype: string;
  content: string;
}

export interface SubscribeSend {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
}

/** One way to spoil a push: which check of the gateway's it should fail. */
export type WxaTamper = 'signature' | 'appid' | 'ciphertext' | 'plaintext';

export type PushFormat = 'json' | 'xml';

/** A push field: text, or a number written as digits (a bigint for ids beyond 2^53). */
type PushValue = string | number | bigint;

const APPID = 'wx5e4c7f0d3a1b2c90';
const ORIGINAL_ID = 'gh_97417a04a28d';
const SECRET = 'c8a1e7f04b2d9e6a3f5c0b8d7e1a2f93';
/** A second secret of the same AppID, for tests that need a token cache nobody else shares. */
export const SPARE_WXA_SECRET = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';
const WINDOW_MS = 48 * 3600 * 1000;
const SENDS_PER_USER_MESSAGE = 5;
/** Templates of the fake mini-program, with their keys (订阅消息 → 我的模板). */
const TEMPLATES: Record<string, string[]> = {
  tK9x_ticketProgress_0000000000000000000000: ['character_string1', 'phrase2', 'thing3', 'time4'],
  // 预警通知: 预警标题, 发布时间, 防御指引.
  aL3r_alertWarning_000000000000000000000000: ['thing1', 'time2', 'thing3'],
};

export class FakeWxaServer {
  readonly appId = APPID;
  readonly ticketTemplateId = Object.keys(TEMPLATES)[0];
  readonly alertTemplateId = Object.keys(TEMPLATES)[1];
  readonly push = { token: randomToken(), encodingAesKey: randomAesKey() };
  /** custom/send calls that passed every check. */
  readonly customSends: CustomSend[] = [];
  /** subscribe/send calls that passed every check. */
  readonly subscribeSends: SubscribeSend[] = [];
  /** Answers with a non-zero errcode, by path. */
  readonly refusals: Array<{ path: string; errcode: number }> = [];

  private readonly tokenFetches = new Map<string, number>();
  private readonly tokens = new Map<string, { secret: string; expiresAt: number }>();
  private readonly stableTokens = new Map<string, string>();
  private readonly windows = new Map<string, { until: number; sendsLeft: number }>();
  private readonly subscriptions = new Map<string, number>();
  private readonly faults = new Map<string, WxaFault[]>();
  private server?: Server;
  private baseUrl = '';

  private constructor(private readonly tokenLifetimeSeconds: number) {}

  static async start(options: { tokenLifetimeSeconds?: number } = {}): Promise<FakeWxaServer> {
    const fake = new FakeWxaServer(options.tokenLifetimeSeconds ?? 7200);
    fake.server = createServer((request, response) => void fake.handle(request, response));
    await new Promise<void>((resolve) => fake.server?.listen(0, '127.0.0.1', resolve));
    fake.baseUrl = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  get url(): string {
    return this.baseUrl;
  }

  /** The gateway settings of the mini-program channel, pointing at this server. */
  gatewayEnv(): Record<string, string> {
    return {
      WXA_APPID: APPID,
      WXA_SECRET: SECRET,
      WXA_TOKEN: this.push.token,
      WXA_ENCODING_AES_KEY: this.push.encodingAesKey,
      WXA_API_BASE: this.baseUrl,
      WXA_TICKET_TEMPLATE_ID: this.ticketTemplateId,
    };
  }

  /** The notifier's settings for alerts as subscribe messages, pointing at this server. */
  notifierEnv(): Record<string, string> {
    return {
      WXA_APPID: APPID,
      WXA_SECRET: SECRET,
      WXA_API_BASE: this.baseUrl,
      WXA_ALERT_TEMPLATE_ID: this.alertTemplateId,
    };
  }

  tokenFetchCalls(secret: 'main' | 'spare' = 'main'): number {
    return this.tokenFetches.get(secret === 'main' ? SECRET : SPARE_WXA_SECRET) ?? 0;
  }

  /** Every token issued so far expires now: the next call with one gets 42001. */
  expireTokens(): void {
    for (const token of this.tokens.values()) token.expiresAt = Date.now() - 1;
  }

  /** The next `times` calls to `path` get this fault instead of an answer. */
  failNext(path: string, fault: WxaFault, times = 1): void {
    this.faults.set(path, [...(this.faults.get(path) ?? []), ...Array.from({ length: times }, () => fault)]);
  }

  /** 48 hours pass since the user's last message: custom/send to them is refused (45015) until they write again. */
  closeWindow(openid: string): void {
    const window = this.windows.get(openid);
    if (window) window.until = Date.now() - 1;
  }

  /** The user taps "allow" for a template in the mini-program (wx.requestSubscribeMessage): one message allowed. */
  subscribe(openid: string, templateId: string): void {
    const key = `${openid}|${templateId}`;
    this.subscriptions.set(key, (this.subscriptions.get(key) ?? 0) + 1);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  // --- WeChat's side of the push -------------------------------------------------------------------------------

  /** The server check WeChat makes when the push URL is saved; returns the echostr it expects back. */
  async verifyUrl(pushUrl: string, token = this.push.token): Promise<{ status: number; body: string; echo: string }> {
    const echo = String(randomInt(1e9, 1e10)) + String(randomInt(1e8, 1e9));
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = String(randomInt(1e8, 1e9));
    const query = new URLSearchParams({ signature: sha1([token, timestamp, nonce]), echostr: echo, timestamp, nonce });
    const response = await fetch(`${pushUrl}?${query}`);
    return { status: response.status, body: await response.text(), echo };
  }

  /**
   * A user writes to the mini-program's customer service (客服消息): WeChat encrypts the message in the configured
   * data format and POSTs it. `fields` follow ToUserName/FromUserName/CreateTime (MsgType, Content, MsgId, …);
   * a bigint is written as bare digits, exactly as WeChat writes a 64-bit MsgId in JSON.
   */
  async userWrites(
    pushUrl: string,
    openid: string,
    fields: Record<string, PushValue>,
    options: { format: PushFormat; tamper?: WxaTamper },
  ): Promise<{ status: number; body: string }> {
    this.windows.set(openid, { until: Date.now() + WINDOW_MS, sendsLeft: SENDS_PER_USER_MESSAGE });
    const message = {
      ToUserName: ORIGINAL_ID,
      FromUserName: openid,
      CreateTime: Math.floor(Date.now() / 1000),
      ...fields,
    };
    const plaintext = options.format === 'json' ? jsonOf(message) : xmlOf(message);
    return this.postPush(pushUrl, openid, plaintext, options.format, options.tamper);
  }

  private async postPush(
    pushUrl: string,
    openid: string,
    plaintext: string,
    format: PushFormat,
    tamper?: WxaTamper,
  ): Promise<{ status: number; body: string }> {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = String(randomInt(1e8, 1e9));
    const token = tamper === 'signature' ? 'wrongToken1' : this.push.token;
    const original = seal(this.push.encodingAesKey, plaintext, tamper === 'appid' ? 'wx0000000000000000' : APPID);
    const encrypted = tamper === 'ciphertext' ? flipLastByte(original) : original;
    const query = new URLSearchParams({ signature: sha1([token, timestamp, nonce]), timestamp, nonce, openid });
    if (tamper !== 'plaintext') {
      query.set('encrypt_type', 'aes');
      // 'ciphertext': changed on the way, under the signature of the original.
      query.set('msg_signature', sha1([token, timestamp, nonce, original]));
    }
    const envelope = tamper === 'plaintext' ? plaintext : envelopeOf(format, encrypted);
    const response = await fetch(`${pushUrl}?${query}`, {
      method: 'POST',
      headers: { 'content-type': format === 'json' ? 'application/json' : 'text/xml' },
      body: envelope,
    });
    return { status: response.status, body: await response.text() };
  }

  // --- The API ---------------------------------------------------------------------------------------------------

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.baseUrl);
    const fault = this.faults.get(url.pathname)?.shift();
    if (fault && 'delayMs' in fault) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault && 'status' in fault) return void response.writeHead(fault.status).end('Bad Gateway');
    const body = request.method === 'POST' ? await readJson(request) : {};
    if (fault && 'errcode' in fault) return this.answer(response, url.pathname, { errcode: fault.errcode });
    if (body === undefined) return this.answer(response, url.pathname, { errcode: 47001, errmsg: 'data format error' });
    if (url.pathname === '/cgi-bin/stable_token') return this.answer(response, url.pathname, this.stableToken(body));
    if (url.pathname === '/cgi-bin/token') {
      return this.answer(response, url.pathname, this.plainToken(url.searchParams));
    }
    const refusal = this.tokenRefusal(url.searchParams.get('access_token'));
    if (refusal) return this.answer(response, url.pathname, refusal);
    if (url.pathname === '/cgi-bin/message/custom/send')
      return this.answer(response, url.pathname, this.customSend(body));
    if (url.pathname === '/cgi-bin/message/subscribe/send') {
      return this.answer(response, url.pathname, this.subscribeSend(body));
    }
    response.writeHead(404).end();
  }

  private answer(response: ServerResponse, path: string, answer: Record<string, unknown>): void {
    const full = { errcode: 0, errmsg: 'ok', ...answer };
    if (full.errcode !== 0) this.refusals.push({ path, errcode: Number(full.errcode) });
    response.writeHead(200, { 'content-type': 'application/json; encoding=utf-8' }).end(JSON.stringify(full));
  }

  private credentialRefusal(appid: unknown, secret: unknown): Record<string, unknown> | undefined {
    if (appid !== APPID) return { errcode: 40013, errmsg: 'invalid appid' };
    if (secret !== SECRET && secret !== SPARE_WXA_SECRET) return { errcode: 40125, errmsg: 'invalid appsecret' };
    return undefined;
  }

  /** stable_token: the same token to every caller until it expires, unless force_refresh. */
  private stableToken(body: Record<string, unknown>): Record<string, unknown> {
    if (body.grant_type !== 'client_credential') return { errcode: 40002, errmsg: 'invalid grant_type' };
    const refusal = this.credentialRefusal(body.appid, body.secret);
    if (refusal) return refusal;
    const secret = String(body.secret);
    this.tokenFetches.set(secret, (this.tokenFetches.get(secret) ?? 0) + 1);
    const current = this.stableTokens.get(secret);
    const issued = current === undefined ? undefined : this.tokens.get(current);
    if (current && issued && issued.expiresAt > Date.now() && body.force_refresh !== true) {
      return { access_token: current, expires_in: Math.floor((issued.expiresAt - Date.now()) / 1000) };
    }
    const token = this.issue(secret);
    this.stableTokens.set(secret, token);
    return { access_token: token, expires_in: this.tokenLifetimeSeconds };
  }

  private plainToken(query: URLSearchParams): Record<string, unknown> {
    if (query.get('grant_type') !== 'client_credential') return { errcode: 40002, errmsg: 'invalid grant_type' };
    const refusal = this.credentialRefusal(query.get('appid'), query.get('secret'));
    if (refusal) return refusal;
    const secret = query.get('secret') ?? '';
    this.tokenFetches.set(secret, (this.tokenFetches.get(secret) ?? 0) + 1);
    return { access_token: this.issue(secret), expires_in: this.tokenLifetimeSeconds };
  }

  private issue(secret: string): string {
    const token = `${randomInt(10, 99)}_${randomBytes(60).toString('base64url')}`;
    this.tokens.set(token, { secret, expiresAt: Date.now() + this.tokenLifetimeSeconds * 1000 });
    return token;
  }

  private tokenRefusal(token: string | null): Record<string, unknown> | undefined {
    if (!token) return { errcode: 41001, errmsg: 'access_token missing' };
    const issued = this.tokens.get(token);
    if (!issued) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
    if (issued.expiresAt <= Date.now()) return { errcode: 42001, errmsg: 'access_token expired' };
    return undefined;
  }

  private customSend(body: Record<string, unknown>): Record<string, unknown> {
    const touser = String(body.touser ?? '');
    const window = this.windows.get(touser);
    if (!window) return { errcode: 40003, errmsg: 'invalid openid' };
    if (window.until <= Date.now()) return { errcode: 45015, errmsg: 'response out of time limit' };
    if (window.sendsLeft <= 0) return { errcode: 45047, errmsg: 'out of response count limit' };
    if (body.msgtype !== 'text') return { errcode: 40008, errmsg: 'invalid message type' };
    const content = (body.text as { content?: unknown } | undefined)?.content;
    if (typeof content !== 'string' || content === '') return { errcode: 44004, errmsg: 'empty content' };
    if (Buffer.byteLength(content) > 2048) return { errcode: 45002, errmsg: 'content size out of limit' };
    window.sendsLeft -= 1;
    this.customSends.push({ touser, msgtype: 'text', content });
    return {};
  }

  private subscribeSend(body: Record<string, unknown>): Record<string, unknown> {
    const touser = String(body.touser ?? '');
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(touser)) return { errcode: 40003, errmsg: 'invalid openid' };
    const templateId = String(body.template_id ?? '');
    const keys = TEMPLATES[templateId];
    if (!keys) return { errcode: 40037, errmsg: 'invalid template_id' };
    const subscription = `${touser}|${templateId}`;
    if ((this.subscriptions.get(subscription) ?? 0) <= 0)
      return { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    const data = body.data;
    if (typeof data !== 'object' || data === null) return { errcode: 47003, errmsg: 'argument invalid! data is empty' };
    const values = new Map(Object.entries(data).map(([key, field]) => [key, valueOf(field)]));
    for (const key of keys) {
      const value = values.get(key);
      if (!value) return { errcode: 47003, errmsg: `argument invalid! data.${key}.value is empty` };
      if (key.startsWith('thing') && [...value].length > 20) {
        return { errcode: 47003, errmsg: `argument invalid! data.${key}.value invalid` };
      }
      if (key.startsWith('phrase') && !/^\p{Script=Han}{1,5}$/u.test(value)) {
        return { errcode: 47003, errmsg: `argument invalid! data.${key}.value invalid` };
      }
    }
    if (body.page !== undefined && (typeof body.page !== 'string' || body.page.startsWith('/'))) {
      return { errcode: 41030, errmsg: 'invalid page' };
    }
    this.subscriptions.set(subscription, (this.subscriptions.get(subscription) ?? 0) - 1);
    this.subscribeSends.push({
      touser,
      template_id: templateId,
      ...(typeof body.page === 'string' ? { page: body.page } : {}),
      data: Object.fromEntries([...values].map(([key, value]) => [key, { value }])),
    });
    return { msgid: Number(randomInt(1e9, 2e9)) };
  }
}

function valueOf(field: unknown): string {
  if (typeof field !== 'object' || field === null || !('value' in field)) return '';
  return typeof field.value === 'string' ? field.value : '';
}

/** The push as WeChat writes JSON: text quoted, numbers bare (a bigint as all its digits). */
function jsonOf(fields: Record<string, PushValue>): string {
  const members = Object.entries(fields).map(
    ([name, value]) => `${JSON.stringify(name)}:${typeof value === 'string' ? JSON.stringify(value) : String(value)}`,
  );
  return `{${members.join(',')}}`;
}

/** The push as WeChat writes XML: text as CDATA, numbers as they are. */
function xmlOf(fields: Record<string, PushValue>): string {
  const elements = Object.entries(fields).map(([name, value]) =>
    typeof value === 'string' ? `<${name}><![CDATA[${value}]]></${name}>` : `<${name}>${String(value)}</${name}>`,
  );
  return `<xml>${elements.join('')}</xml>`;
}

function envelopeOf(format: PushFormat, encrypted: string): string {
  return format === 'json'
    ? JSON.stringify({ ToUserName: ORIGINAL_ID, Encrypt: encrypted })
    : `<xml><ToUserName><![CDATA[${ORIGINAL_ID}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`;
}

function sha1(parts: string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
