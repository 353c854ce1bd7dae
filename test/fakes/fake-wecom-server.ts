import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * WeCom's server API (qyapi) and its callbacks, as a test sees them: one local HTTP server that issues expiring
 * access tokens from gettoken (corpid + corpsecret), refuses a missing, unknown or expired token (41001, 40014,
 * 42001) and a token of the wrong secret, takes message/send for the self-built app and kf/sync_msg, kf/send_msg
 * and kf/service_state/* for 微信客服 with the platform's checks and codes, and can inject faults per path. It also
 * plays WeCom's side of the callbacks: it signs and encrypts what it sends to the gateway with its own
 * implementation of the documented scheme (not the vendor library the gateway uses), so a mistake in the gateway's
 * crypto cannot cancel out against the same mistake here.
 */

export interface FakeWeComOptions {
  /** Seconds an access token lives (the platform says 7200). */
  tokenLifetimeSeconds?: number;
  /** Members of the corp the app may message; anyone else gets 81013. */
  members?: string[];
  /** 微信客服 accounts of the corp. */
  openKfIds?: string[];
}

export type Fault = { errcode: number } | { status: number } | { delayMs: number };

export interface AppMessageSend {
  touser: string;
  agentid: number;
  content: string;
  msgid: string;
}

export interface KfSend {
  touser: string;
  open_kfid: string;
  msgid: string;
  msgtype: 'text' | 'msgmenu';
  text?: { content: string };
  msgmenu?: { head_content?: string; list: Array<{ type: string; click?: { id?: string; content: string } }> };
}

interface KfLogEntry {
  msgid: string;
  open_kfid: string;
  external_userid: string;
  send_time: number;
  origin: 3 | 4 | 5;
  msgtype: string;
  [field: string]: unknown;
}

interface CallbackSecrets {
  token: string;
  encodingAesKey: string;
}

const CORP_ID = 'ww5e4c7f0d3a1b2c90';
const AGENT_ID = 1000002;
const APP_SECRET = 'app-secret-Y2FsbGJhY2s0Mg0000000000000000000';
const KF_SECRET = 'kf-secret-d2VjaGF0a2YwMDAwMDAwMDAwMDAwMDAw000';
/** A third secret, known to the platform, for tests that need an access token nobody else uses. */
export const SPARE_SECRET = 'spare-secret-c3BhcmUwMDAwMDAwMDAwMDAwMDAw00';
const KF_TOKEN_LIFETIME_MS = 10 * 60 * 1000;
/** The documented cap: after a customer message, five messages within 48 hours. */
const KF_SENDS_PER_CUSTOMER_MESSAGE = 5;
/** The platform's answer to a service_state/trans it does not allow. */
const KF_ILLEGAL_STATE_CHANGE = 95016;

export class FakeWeComServer {
  readonly corpId = CORP_ID;
  readonly agentId = AGENT_ID;
  readonly appCallback: CallbackSecrets = { token: randomToken(), encodingAesKey: randomAesKey() };
  readonly kfCallback: CallbackSecrets = { token: randomToken(), encodingAesKey: randomAesKey() };
  /** message/send calls that passed every check. */
  readonly messageSends: AppMessageSend[] = [];
  /** kf/send_msg calls that passed every check. */
  readonly kfSends: KfSend[] = [];
  /** Every sync_msg request body that passed the token check (cursor, token, open_kfid as sent). */
  readonly syncRequests: Array<Record<string, unknown>> = [];
  /** Answers with a non-zero errcode, by path: what the gateway was refused. */
  readonly refusals: Array<{ path: string; errcode: number }> = [];

  private readonly gettokens = new Map<string, number>();
  private readonly tokens = new Map<string, { secret: string; expiresAt: number }>();
  private readonly kfCallbackTokens = new Map<string, number>();
  private readonly kfLog: KfLogEntry[] = [];
  private readonly kfSessions = new Map<string, { state: number; servicer?: string; sendsLeft: number }>();
  private readonly kfMsgIds = new Set<string>();
  private readonly faults = new Map<string, Fault[]>();
  private readonly secrets: Map<string, 'app' | 'kf'>;
  private server?: Server;
  private baseUrl = '';

  private constructor(private readonly options: Required<FakeWeComOptions>) {
    this.secrets = new Map([
      [APP_SECRET, 'app'],
      [KF_SECRET, 'kf'],
      [SPARE_SECRET, 'app'],
    ]);
  }

  static async start(options: FakeWeComOptions = {}): Promise<FakeWeComServer> {
    const fake = new FakeWeComServer({
      tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 7200,
      members: options.members ?? [],
      openKfIds: options.openKfIds ?? ['wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q'],
    });
    fake.server = createServer((request, response) => void fake.handle(request, response));
    await new Promise<void>((resolve) => fake.server?.listen(0, '127.0.0.1', resolve));
    fake.baseUrl = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  get url(): string {
    return this.baseUrl;
  }

  /** The gateway settings of both channels, pointing at this server. */
  gatewayEnv(): Record<string, string> {
    return {
      WECOM_CORP_ID: CORP_ID,
      WECOM_AGENT_ID: String(AGENT_ID),
      WECOM_SECRET: APP_SECRET,
      WECOM_TOKEN: this.appCallback.token,
      WECOM_ENCODING_AES_KEY: this.appCallback.encodingAesKey,
      WECOM_API_BASE: this.baseUrl,
      WXKF_CORP_ID: CORP_ID,
      WXKF_SECRET: KF_SECRET,
      WXKF_TOKEN: this.kfCallback.token,
      WXKF_ENCODING_AES_KEY: this.kfCallback.encodingAesKey,
      WXKF_API_BASE: this.baseUrl,
    };
  }

  get openKfId(): string {
    return this.options.openKfIds[0];
  }

  gettokenCalls(secret: 'app' | 'kf' | 'spare'): number {
    return this.gettokens.get({ app: APP_SECRET, kf: KF_SECRET, spare: SPARE_SECRET }[secret]) ?? 0;
  }

  /** Every token issued so far expires now: the next call with one gets 42001. */
  expireTokens(): void {
    for (const token of this.tokens.values()) token.expiresAt = Date.now() - 1;
  }

  /** Invalidates the callbacks' pull tokens (as ten minutes would): sync_msg with one gets 95007. */
  expireKfCallbackTokens(): void {
    for (const token of this.kfCallbackTokens.keys()) this.kfCallbackTokens.set(token, Date.now() - 1);
  }

  /** The next `times` calls to `path` (e.g. /cgi-bin/message/send) get this fault instead of an answer. */
  failNext(path: string, fault: Fault, times = 1): void {
    this.faults.set(path, [...(this.faults.get(path) ?? []), ...Array.from({ length: times }, () => fault)]);
  }

  kfSessionState(openKfId: string, externalUserId: string): number | undefined {
    return this.kfSessions.get(`${openKfId}|${externalUserId}`)?.state;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  // --- WeCom's side of the callbacks ---------------------------------------------------------------------------

  /** The URL check WeCom makes when a callback is saved in the admin console; returns the echo it expects back. */
  async verifyUrl(callbackUrl: string, which: 'app' | 'kf'): Promise<{ status: number; body: string; echo: string }> {
    const secrets = which === 'app' ? this.appCallback : this.kfCallback;
    const echo = randomDigits(19);
    const echostr = seal(secrets.encodingAesKey, echo, CORP_ID);
    const query = new URLSearchParams({ ...signature(secrets.token, echostr), echostr });
    const response = await fetch(`${callbackUrl}?${query}`);
    return { status: response.status, body: await response.text(), echo };
  }

  /**
   * A member writes to the self-built app: WeCom encrypts the message XML and POSTs it. `fields` are the XML's
   * elements after ToUserName/FromUserName/CreateTime (MsgType, Content, MsgId, …). `tamper` breaks one thing.
   */
  async memberWrites(
    callbackUrl: string,
    from: string,
    fields: Record<string, string | number>,
    tamper?: Tamper,
  ): Promise<{ status: number; body: string }> {
    const inner = xml({
      ToUserName: CORP_ID,
      FromUserName: from,
      CreateTime: Math.floor(Date.now() / 1000),
      ...fields,
      AgentID: AGENT_ID,
    });
    return this.postCallback(callbackUrl, this.appCallback, inner, { AgentID: AGENT_ID }, tamper);
  }

  /** A WeChat customer writes to a 微信客服 account: the message joins the log and WeCom calls the gateway. */
  async customerWrites(
    callbackUrl: string,
    externalUserId: string,
    message: { msgtype: string; [field: string]: unknown },
    openKfId = this.openKfId,
  ): Promise<{ status: number; body: string; msgid: string }> {
    const msgid = this.appendKfLog({ open_kfid: openKfId, external_userid: externalUserId, origin: 3, ...message });
    const session = this.kfSession(openKfId, externalUserId);
    if (session.state === 4) session.state = 0;
    session.sendsLeft = KF_SENDS_PER_CUSTOMER_MESSAGE;
    return { ...(await this.notifyKf(callbackUrl, openKfId)), msgid };
  }

  /** A servicer answers in the WeCom client: it shows up in sync_msg as origin 5, and WeCom calls the gateway. */
  async servicerWrites(callbackUrl: string, externalUserId: string, text: string, openKfId = this.openKfId) {
    this.appendKfLog({
      open_kfid: openKfId,
      external_userid: externalUserId,
      origin: 5,
      servicer_userid: 'LiSi',
      msgtype: 'text',
      text: { content: text },
    });
    return this.notifyKf(callbackUrl, openKfId);
  }

  /** kf_msg_or_event, with a fresh pull token. */
  async notifyKf(callbackUrl: string, openKfId = this.openKfId, tamper?: Tamper) {
    const token = `ENC${randomBytes(24).toString('base64url')}`;
    this.kfCallbackTokens.set(token, Date.now() + KF_TOKEN_LIFETIME_MS);
    const inner = xml({
      ToUserName: CORP_ID,
      CreateTime: Math.floor(Date.now() / 1000),
      MsgType: 'event',
      Event: 'kf_msg_or_event',
      Token: token,
      OpenKfId: openKfId,
    });
    return this.postCallback(callbackUrl, this.kfCallback, inner, {}, tamper);
  }

  private async postCallback(
    callbackUrl: string,
    secrets: CallbackSecrets,
    inner: string,
    outerExtra: Record<string, string | number>,
    tamper?: Tamper,
  ): Promise<{ status: number; body: string }> {
    const receiveId = tamper === 'receiveid' ? 'ww0000000000000000' : CORP_ID;
    const plaintext = tamper === 'inner-xml' ? '<xml><Content>oops</xml>' : inner;
    const original = seal(secrets.encodingAesKey, plaintext, receiveId, { badPadding: tamper === 'padding' });
    const isFlipped = tamper === 'ciphertext' || tamper === 'ciphertext-resigned';
    const encrypted = isFlipped ? flipLastByte(original) : original;
    // 'ciphertext': changed on the way, under the signature of the original; 'ciphertext-resigned': by someone
    // who also knows the Token.
    const signedOver = tamper === 'ciphertext' ? original : encrypted;
    const signed = signature(tamper === 'signature' ? 'wrongToken1' : secrets.token, signedOver);
    const body =
      tamper === 'outer-xml'
        ? `<xml><ToUserName>${CORP_ID}</ToUserName><Encrypt>${encrypted}`
        : xml({ ToUserName: CORP_ID, Encrypt: encrypted, ...outerExtra });
    const response = await fetch(`${callbackUrl}?${new URLSearchParams(signed)}`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body,
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
    if (fault && 'errcode' in fault)
      return this.answer(response, url.pathname, { errcode: fault.errcode, errmsg: 'injected' });
    if (url.pathname === '/cgi-bin/gettoken')
      return this.answer(response, url.pathname, this.gettoken(url.searchParams));
    const holder = this.tokenHolder(url.searchParams.get('access_token'));
    if ('errcode' in holder) return this.answer(response, url.pathname, holder);
    if (body === undefined) return this.answer(response, url.pathname, { errcode: 47001, errmsg: 'data format error' });
    const route = ROUTES[url.pathname];
    if (!route) return void response.writeHead(404).end();
    if (route.secret !== holder.kind) {
      return this.answer(response, url.pathname, { errcode: 48002, errmsg: 'api forbidden' });
    }
    return this.answer(response, url.pathname, route.handle(this, body));
  }

  private answer(response: ServerResponse, path: string, answer: Record<string, unknown>): void {
    const full = { errcode: 0, errmsg: 'ok', ...answer };
    if (full.errcode !== 0) this.refusals.push({ path, errcode: Number(full.errcode) });
    response.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' }).end(JSON.stringify(full));
  }

  private gettoken(query: URLSearchParams): Record<string, unknown> {
    if (query.get('corpid') !== CORP_ID) return { errcode: 40013, errmsg: 'invalid corpid' };
    const secret = query.get('corpsecret') ?? '';
    if (!this.secrets.has(secret)) return { errcode: 40001, errmsg: 'invalid credential' };
    this.gettokens.set(secret, (this.gettokens.get(secret) ?? 0) + 1);
    const token = randomBytes(48).toString('base64url');
    this.tokens.set(token, { secret, expiresAt: Date.now() + this.options.tokenLifetimeSeconds * 1000 });
    return { access_token: token, expires_in: this.options.tokenLifetimeSeconds };
  }

  private tokenHolder(token: string | null): { kind: 'app' | 'kf' } | { errcode: number; errmsg: string } {
    if (!token) return { errcode: 41001, errmsg: 'access_token missing' };
    const issued = this.tokens.get(token);
    if (!issued) return { errcode: 40014, errmsg: 'invalid access_token' };
    if (issued.expiresAt <= Date.now()) return { errcode: 42001, errmsg: 'access_token expired' };
    return { kind: this.secrets.get(issued.secret) ?? 'app' };
  }

  messageSend(body: Record<string, unknown>): Record<string, unknown> {
    if (body.agentid !== AGENT_ID) return { errcode: 40056, errmsg: 'invalid agentid' };
    if (body.msgtype !== 'text') return { errcode: 40008, errmsg: 'invalid message type' };
    const content = (body.text as { content?: unknown } | undefined)?.content;
    if (typeof content !== 'string' || content === '') return { errcode: 44004, errmsg: 'empty content' };
    if (Buffer.byteLength(content) > 2048) return { errcode: 45002, errmsg: 'content size out of limit' };
    const touser = String(body.touser ?? '');
    // Up to 1,000 userids joined by '|': those not in the corp come back in invaliduser, the others get it.
    const userIds = touser.split('|');
    if (userIds.length > 1000) return { errcode: 40058, errmsg: 'touser exceeds 1000' };
    const invalid = this.options.members.length > 0 ? userIds.filter((id) => !this.options.members.includes(id)) : [];
    if (invalid.length === userIds.length) {
      return { errcode: 81013, errmsg: 'user & party & tag all invalid' };
    }
    const msgid = randomBytes(24).toString('base64url');
    this.messageSends.push({ touser, agentid: AGENT_ID, content, msgid });
    return {
      invaliduser: invalid.join('|'),
      invalidparty: '',
      invalidtag: '',
      unlicenseduser: '',
      msgid,
      response_code: '',
    };
  }

  syncMsg(body: Record<string, unknown>): Record<string, unknown> {
    if (body.token !== undefined) {
      const expiresAt = this.kfCallbackTokens.get(String(body.token));
      if (!expiresAt || expiresAt <= Date.now()) return { errcode: 95007, errmsg: 'invalid msg token' };
    }
    const openKfId = body.open_kfid === undefined ? undefined : String(body.open_kfid);
    if (openKfId !== undefined && !this.options.openKfIds.includes(openKfId)) {
      return { errcode: 95000, errmsg: 'invalid open_kfid' };
    }
    const start = body.cursor === undefined ? 0 : cursorPosition(String(body.cursor));
    if (start === undefined) return { errcode: 40058, errmsg: 'invalid cursor' };
    this.syncRequests.push(body);
    const limit = Math.min(1000, Math.max(1, Number(body.limit ?? 1000)));
    const matching: KfLogEntry[] = [];
    let position = start;
    while (position < this.kfLog.length && matching.length < limit) {
      const entry = this.kfLog[position];
      position += 1;
      if (openKfId === undefined || entry.open_kfid === openKfId) matching.push(entry);
    }
    const hasMore = this.kfLog.slice(position).some((entry) => openKfId === undefined || entry.open_kfid === openKfId);
    return { next_cursor: cursorAt(position), has_more: hasMore ? 1 : 0, msg_list: matching };
  }

  kfSendMsg(body: Record<string, unknown>): Record<string, unknown> {
    const openKfId = String(body.open_kfid ?? '');
    if (!this.options.openKfIds.includes(openKfId)) return { errcode: 95000, errmsg: 'invalid open_kfid' };
    const msgid = body.msgid === undefined ? randomBytes(16).toString('hex') : String(body.msgid);
    if (!/^[0-9a-zA-Z_-]{1,32}$/.test(msgid)) return { errcode: 40058, errmsg: 'invalid msgid' };
    const session = this.kfSessions.get(`${openKfId}|${String(body.touser ?? '')}`);
    if (!session) return { errcode: 95024, errmsg: 'no customer message within 48 hours' };
    // Assumed: a msgid already used is the same message sent again, answered as sent (not counted twice).
    if (this.kfMsgIds.has(msgid)) return { msgid };
    if (session.sendsLeft <= 0) return { errcode: 95001, errmsg: 'send msg count limit' };
    const send = this.checkKfContent(body);
    if ('errcode' in send) return send;
    session.sendsLeft -= 1;
    this.kfMsgIds.add(msgid);
    this.kfSends.push({ touser: String(body.touser), open_kfid: openKfId, msgid, ...send });
    return { msgid };
  }

  private checkKfContent(
    body: Record<string, unknown>,
  ): Pick<KfSend, 'msgtype' | 'text' | 'msgmenu'> | { errcode: number; errmsg: string } {
    if (body.msgtype === 'text') {
      const content = (body.text as { content?: unknown } | undefined)?.content;
      if (typeof content !== 'string' || content === '') return { errcode: 44004, errmsg: 'empty content' };
      if (Buffer.byteLength(content) > 2048) return { errcode: 45002, errmsg: 'content size out of limit' };
      return { msgtype: 'text', text: { content } };
    }
    if (body.msgtype === 'msgmenu') {
      const menu = body.msgmenu as KfSend['msgmenu'] | undefined;
      if (!menu || !Array.isArray(menu.list)) return { errcode: 40058, errmsg: 'invalid msgmenu' };
      if (menu.list.length > 10) return { errcode: 95008, errmsg: 'too many menu items' };
      if (menu.head_content !== undefined && Buffer.byteLength(menu.head_content) > 1024) {
        return { errcode: 45002, errmsg: 'head_content size out of limit' };
      }
      for (const item of menu.list) {
        if (item.type !== 'click' || !item.click?.content) return { errcode: 95009, errmsg: 'invalid menu item' };
        if (Buffer.byteLength(item.click.content) > 128) return { errcode: 45002, errmsg: 'menu item too long' };
      }
      return { msgtype: 'msgmenu', msgmenu: menu };
    }
    return { errcode: 40008, errmsg: 'invalid message type' };
  }

  serviceStateGet(body: Record<string, unknown>): Record<string, unknown> {
    const session = this.kfSessions.get(`${String(body.open_kfid)}|${String(body.external_userid)}`);
    return { service_state: session?.state ?? 4, servicer_userid: session?.servicer ?? '' };
  }

  serviceStateTrans(body: Record<string, unknown>): Record<string, unknown> {
    const session = this.kfSessions.get(`${String(body.open_kfid)}|${String(body.external_userid)}`);
    const to = Number(body.service_state);
    const allowed: Record<number, number[]> = { 0: [1, 2, 3, 4], 1: [2, 3, 4], 2: [3, 4], 3: [3, 4], 4: [] };
    if (!session || !allowed[session.state]?.includes(to)) {
      return { errcode: KF_ILLEGAL_STATE_CHANGE, errmsg: 'service state change not allowed' };
    }
    if (to === 3 && !body.servicer_userid) return { errcode: 40058, errmsg: 'servicer_userid required' };
    session.state = to;
    session.servicer = to === 3 ? String(body.servicer_userid) : undefined;
    return { msg_code: randomBytes(12).toString('hex') };
  }

  private appendKfLog(entry: {
    open_kfid: string;
    external_userid: string;
    origin: KfLogEntry['origin'];
    msgtype: string;
    [field: string]: unknown;
  }): string {
    const msgid = `from_msgid_${randomDigits(19)}`;
    this.kfLog.push({ msgid, send_time: Math.floor(Date.now() / 1000), ...entry });
    return msgid;
  }

  private kfSession(openKfId: string, externalUserId: string) {
    const key = `${openKfId}|${externalUserId}`;
    const session = this.kfSessions.get(key) ?? { state: 0, sendsLeft: 0 };
    this.kfSessions.set(key, session);
    return session;
  }
}

/** One way to spoil a callback: which check of the gateway's it should fail. */
export type Tamper =
  'signature' | 'receiveid' | 'padding' | 'ciphertext' | 'ciphertext-resigned' | 'inner-xml' | 'outer-xml';

const ROUTES: Record<
  string,
  { secret: 'app' | 'kf'; handle: (fake: FakeWeComServer, body: Record<string, unknown>) => Record<string, unknown> }
> = {
  '/cgi-bin/message/send': { secret: 'app', handle: (fake, body) => fake.messageSend(body) },
  '/cgi-bin/kf/sync_msg': { secret: 'kf', handle: (fake, body) => fake.syncMsg(body) },
  '/cgi-bin/kf/send_msg': { secret: 'kf', handle: (fake, body) => fake.kfSendMsg(body) },
  '/cgi-bin/kf/service_state/get': { secret: 'kf', handle: (fake, body) => fake.serviceStateGet(body) },
  '/cgi-bin/kf/service_state/trans': { secret: 'kf', handle: (fake, body) => fake.serviceStateTrans(body) },
};

// --- The callback scheme, written from the documentation --------------------------------------------------------

/** AES-256-CBC, IV the key's first 16 bytes, of random(16) ‖ length(4, big-endian) ‖ message ‖ receiveid, PKCS#7/32. */
export function seal(
  encodingAesKey: string,
  message: string,
  receiveId: string,
  options: { badPadding?: boolean } = {},
) {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const plain = Buffer.concat([randomBytes(16), length, body, Buffer.from(receiveId)]);
  const padLength = 32 - (plain.length % 32);
  const pad = Buffer.alloc(padLength, padLength);
  if (options.badPadding) pad[pad.length - 1] = 0;
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plain, pad])), cipher.final()]).toString('base64');
}

/** The inverse of seal, for tests that read what the gateway would see. */
export function unseal(encodingAesKey: string, encrypted: string): { message: string; receiveId: string } {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
  const unpadded = plain.subarray(0, plain.length - plain[plain.length - 1]);
  const length = unpadded.readUInt32BE(16);
  return {
    message: unpadded.subarray(20, 20 + length).toString('utf8'),
    receiveId: unpadded.subarray(20 + length).toString(),
  };
}

function signature(token: string, encrypted: string): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(randomInt(1e8, 1e9));
  const msg_signature = createHash('sha1').update([token, timestamp, nonce, encrypted].sort().join('')).digest('hex');
  return { msg_signature, timestamp, nonce };
}

/** WeCom's XML: strings as CDATA, numbers as they are. */
function xml(fields: Record<string, string | number>): string {
  const elements = Object.entries(fields).map(([name, value]) =>
    typeof value === 'number' ? `<${name}>${value}</${name}>` : `<${name}><![CDATA[${value}]]></${name}>`,
  );
  return `<xml>${elements.join('')}</xml>`;
}

function randomDigits(count: number): string {
  return `${randomInt(1, 10)}${Array.from({ length: count - 1 }, () => randomInt(10)).join('')}`;
}

export function flipLastByte(encrypted: string): string {
  const bytes = Buffer.from(encrypted, 'base64');
  bytes[bytes.length - 1] ^= 0x01;
  return bytes.toString('base64');
}

export function randomToken(): string {
  return randomBytes(24)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 32);
}

export function randomAesKey(): string {
  // 43 characters of the base64 alphabet without + and /, as the admin console makes them.
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: 43 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

function cursorAt(position: number): string {
  return Buffer.from(`kfc:${position}`).toString('base64url');
}

function cursorPosition(cursor: string): number | undefined {
  const match = /^kfc:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? Number(match[1]) : undefined;
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
