import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * Tencent Cloud SMS and Aliyun SMS as a test sees them: two local HTTP servers that check each SendSms the way the
 * vendors do (TC3-HMAC-SHA256 for Tencent, ACS3-HMAC-SHA256 for Aliyun, computed here independently of the gateway's
 * code, with the timestamp window, nonce replay, key ids, app id, sign and template checks) and answer with the
 * vendors' response shapes and error codes. A switch per vendor simulates an outage (5xx), throttling or a timeout.
 */

export type VendorMode = 'ok' | 'outage' | 'throttle' | 'timeout';

export interface ReceivedSms {
  phoneNumber: string;
  signName: string;
  template: string;
  parameters: string[];
  /** Tencent SessionContext / Aliyun OutId. */
  reference?: string;
  vendorMessageId: string;
}

export interface FakeVendor {
  readonly url: string;
  mode: VendorMode;
  /** Messages accepted after every check passed. */
  readonly sent: ReceivedSms[];
  /** Requests refused, with the vendor's code (a bad signature shows up here). */
  readonly refused: Array<{ code: string }>;
  /** Every SendSms that reached the server, whatever became of it. */
  attempts: number;
  /** Once this many messages were accepted, behave as in an outage (a vendor failing in the middle of a long reply). */
  outageAfterSends?: number;
}

export interface FakeSmsVendors {
  tencent: FakeVendor;
  aliyun: FakeVendor;
  signName: string;
  /** The gateway settings that point at these fakes with valid keys. */
  gatewayEnv(): Record<string, string>;
  reset(): void;
  stop(): Promise<void>;
}

const SIGN_NAME = '天河政务';
const TENCENT = {
  secretId: 'AKIDfakeTencentSms0000000000000000',
  sdkAppId: '1400123456',
  templateId: '2233445',
  regions: ['ap-guangzhou', 'ap-beijing', 'ap-nanjing'],
};
const ALIYUN = { accessKeyId: 'LTAI5tFakeAliyunSms000000', templateCode: 'SMS_460910001', paramMaxChars: 35 };
/** What the registered reply template adds around its parameter: 【sign】 + this + parameter ≤ 500. */
const TEMPLATE_TEXT = '政务服务回复：';

export async function startFakeSmsVendors(): Promise<FakeSmsVendors> {
  const tencentKey = randomBytes(24).toString('hex');
  const aliyunSecret = randomBytes(24).toString('hex');
  const held: ServerResponse[] = [];
  const tencent = await listen((state, request, body, response) =>
    handleTencent(state, request, body, response, tencentKey, held),
  );
  const aliyun = await listen((state, request, body, response) =>
    handleAliyun(state, request, body, response, aliyunSecret, held),
  );
  return {
    tencent: tencent.state,
    aliyun: aliyun.state,
    signName: SIGN_NAME,
    gatewayEnv: () => ({
      SMS_SIGN_NAME: SIGN_NAME,
      SMS_TENCENT_SECRET_ID: TENCENT.secretId,
      SMS_TENCENT_SECRET_KEY: tencentKey,
      SMS_TENCENT_SDK_APP_ID: TENCENT.sdkAppId,
      SMS_TENCENT_TEMPLATE_ID: TENCENT.templateId,
      SMS_TENCENT_API_BASE: tencent.state.url,
      SMS_ALIYUN_ACCESS_KEY_ID: ALIYUN.accessKeyId,
      SMS_ALIYUN_ACCESS_KEY_SECRET: aliyunSecret,
      SMS_ALIYUN_TEMPLATE_CODE: ALIYUN.templateCode,
      SMS_ALIYUN_API_BASE: aliyun.state.url,
      SMS_ALIYUN_PARAM_MAX_CHARS: String(ALIYUN.paramMaxChars),
    }),
    reset() {
      for (const state of [tencent.state, aliyun.state]) {
        state.mode = 'ok';
        state.sent.length = 0;
        state.refused.length = 0;
        state.attempts = 0;
        state.outageAfterSends = undefined;
      }
    },
    async stop() {
      for (const response of held.splice(0)) response.destroy();
      await Promise.all([tencent.close(), aliyun.close()]);
    },
  };
}

type Handler = (state: FakeVendor, request: IncomingMessage, body: Buffer, response: ServerResponse) => void;

async function listen(handle: Handler): Promise<{ state: FakeVendor; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => handle(state, request, Buffer.concat(chunks), response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const state: FakeVendor = { url, mode: 'ok', sent: [], refused: [], attempts: 0 };
  return {
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())).then(() => undefined),
  };
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json;charset=utf-8' });
  response.end(JSON.stringify(body));
}

const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const header = (request: IncomingMessage, name: string) => {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(',') : (value ?? '');
};
const smsChars = (text: string) => [...text].length;
const billed = (chars: number) => (chars <= 70 ? 1 : Math.ceil(chars / 67));

// ---------------------------------------------------------------- Tencent Cloud SMS (API 3.0, SendSms 2021-01-11)

/** TC3-HMAC-SHA256 as the server recomputes it from what it received: the signed headers the client named. */
export function tc3Signature(input: {
  secretKey: string;
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  signedHeaders: string[];
  payload: Buffer | string;
  timestamp: number;
  service: string;
}): string {
  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10);
  const canonicalHeaders = input.signedHeaders
    .map((name) => `${name}:${(input.headers[name] ?? '').trim().toLowerCase()}\n`)
    .join('');
  const canonicalRequest = [
    input.method,
    input.path,
    input.query,
    canonicalHeaders,
    input.signedHeaders.join(';'),
    sha256Hex(input.payload),
  ].join('\n');
  const scope = `${date}/${input.service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(input.timestamp), scope, sha256Hex(canonicalRequest)].join('\n');
  const hmac = (key: Buffer | string, text: string) => createHmac('sha256', key).update(text).digest();
  const signingKey = hmac(hmac(hmac(`TC3${input.secretKey}`, date), input.service), 'tc3_request');
  return createHmac('sha256', signingKey).update(stringToSign).digest('hex');
}

function handleTencent(
  state: FakeVendor,
  request: IncomingMessage,
  body: Buffer,
  response: ServerResponse,
  secretKey: string,
  held: ServerResponse[],
): void {
  state.attempts += 1;
  const requestId = randomUUID();
  const refuse = (code: string, message: string) => {
    state.refused.push({ code });
    json(response, 200, { Response: { Error: { Code: code, Message: message }, RequestId: requestId } });
  };
  if (state.mode === 'outage' || state.sent.length >= (state.outageAfterSends ?? Infinity)) {
    state.refused.push({ code: 'http_503' });
    response.writeHead(503, { 'content-type': 'text/html' });
    response.end('<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>');
    return;
  }
  if (state.mode === 'timeout') {
    held.push(response);
    return;
  }
  if (request.method !== 'POST' || (request.url ?? '/') !== '/') return refuse('InvalidAction', 'only POST /');
  const authorization =
    /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([a-z]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
      header(request, 'authorization'),
    );
  if (!authorization) return refuse('AuthFailure.InvalidAuthorization', 'Authorization is not TC3-HMAC-SHA256');
  const [, secretId, date, service, signedHeaderList, signature] = authorization;
  if (secretId !== TENCENT.secretId) return refuse('AuthFailure.SecretIdNotFound', 'The SecretId is not found');
  const timestamp = Number(header(request, 'x-tc-timestamp'));
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300) {
    return refuse('AuthFailure.SignatureExpire', 'Signature expired: the timestamp is more than 5 minutes off');
  }
  const signedHeaders = signedHeaderList.split(';');
  if (!signedHeaders.includes('content-type') || !signedHeaders.includes('host')) {
    return refuse('AuthFailure.InvalidAuthorization', 'content-type and host must be signed');
  }
  if (service !== 'sms' || date !== new Date(timestamp * 1000).toISOString().slice(0, 10)) {
    return refuse('AuthFailure.InvalidAuthorization', 'the credential scope does not match the request');
  }
  const headers = Object.fromEntries(signedHeaders.map((name) => [name, header(request, name)]));
  const expected = tc3Signature({
    secretKey,
    method: 'POST',
    path: '/',
    query: '',
    headers,
    signedHeaders,
    payload: body,
    timestamp,
    service,
  });
  if (expected !== signature) {
    return refuse('AuthFailure.SignatureFailure', 'The provided credentials could not be validated');
  }
  if (header(request, 'x-tc-action') !== 'SendSms') return refuse('InvalidAction', 'the action does not exist');
  if (header(request, 'x-tc-version') !== '2021-01-11') return refuse('NoSuchVersion', 'the version does not exist');
  if (!TENCENT.regions.includes(header(request, 'x-tc-region'))) {
    return refuse('UnsupportedRegion', 'SMS is not offered in this region');
  }
  if (!header(request, 'content-type').startsWith('application/json')) {
    return refuse('InvalidParameter', 'the body must be JSON');
  }
  if (state.mode === 'throttle') return refuse('RequestLimitExceeded', 'Your current request is too frequent');
  let params: {
    PhoneNumberSet?: unknown;
    SmsSdkAppId?: unknown;
    SignName?: unknown;
    TemplateId?: unknown;
    TemplateParamSet?: unknown;
    SessionContext?: unknown;
  };
  try {
    params = JSON.parse(body.toString('utf8'));
  } catch {
    return refuse('FailedOperation.FailResolvePacket', 'the request body is not JSON');
  }
  if (params.SmsSdkAppId !== TENCENT.sdkAppId) return refuse('InvalidParameterValue.SdkAppIdNotExist', 'SdkAppId');
  if (params.SignName !== SIGN_NAME) {
    return refuse('FailedOperation.SignatureIncorrectOrUnapproved', 'the sign is not approved');
  }
  if (params.TemplateId !== TENCENT.templateId) {
    return refuse('FailedOperation.TemplateIncorrectOrUnapproved', 'the template is not approved');
  }
  const templateParams = params.TemplateParamSet;
  if (!Array.isArray(templateParams) || templateParams.length !== 1 || typeof templateParams[0] !== 'string') {
    return refuse('FailedOperation.TemplateParamSetNotMatchApprovedTemplate', 'the template has one parameter');
  }
  const parameter = templateParams[0];
  if (/https?:\/\/|www\./i.test(parameter)) {
    return refuse('InvalidParameterValue.ProhibitedUseUrlInTemplateParameter', 'no URL in a template parameter');
  }
  const chars = smsChars(`【${SIGN_NAME}】${TEMPLATE_TEXT}${parameter}`);
  if (chars > 500) return refuse('InvalidParameterValue.ContentLengthLimit', 'the message is too long');
  const numbers = Array.isArray(params.PhoneNumberSet) ? params.PhoneNumberSet : [];
  if (numbers.length === 0) return refuse('MissingParameter', 'PhoneNumberSet');
  const reference = typeof params.SessionContext === 'string' ? params.SessionContext : undefined;
  const statuses = numbers.map((number) => {
    const phoneNumber = String(number);
    if (!/^\+[1-9]\d{6,14}$/.test(phoneNumber)) {
      state.refused.push({ code: 'InvalidParameterValue.IncorrectPhoneNumber' });
      return {
        SerialNo: '',
        PhoneNumber: phoneNumber,
        Fee: 0,
        SessionContext: reference ?? '',
        Code: 'InvalidParameterValue.IncorrectPhoneNumber',
        Message: 'incorrect number format',
        IsoCode: 'DEF',
      };
    }
    const serialNo = `2433:${randomBytes(10).toString('hex')}`;
    state.sent.push({
      phoneNumber,
      signName: SIGN_NAME,
      template: TENCENT.templateId,
      parameters: [parameter],
      reference,
      vendorMessageId: serialNo,
    });
    return {
      SerialNo: serialNo,
      PhoneNumber: phoneNumber,
      Fee: billed(chars),
      SessionContext: reference ?? '',
      Code: 'Ok',
      Message: 'send success',
      IsoCode: phoneNumber.startsWith('+86') ? 'CN' : 'DEF',
    };
  });
  json(response, 200, { Response: { SendStatusSet: statuses, RequestId: requestId } });
}

/**
 * Tencent's 短信下发状态通知 for messages the fake accepted, as the vendor posts it to the callback URL: a JSON array,
 * the number split into nationcode and mobile, the time in Beijing time.
 */
export function tencentStatusReports(reports: Array<{ sms: ReceivedSms; isDelivered: boolean; code?: string }>) {
  return reports.map(({ sms, isDelivered, code }) => ({
    user_receive_time: beijingTime(new Date()),
    nationcode: sms.phoneNumber.startsWith('+86') ? '86' : '',
    mobile: sms.phoneNumber.replace(/^\+86/, ''),
    report_status: isDelivered ? 'SUCCESS' : 'FAIL',
    errmsg: code ?? (isDelivered ? 'DELIVRD' : 'UNDELIV'),
    description: isDelivered ? '用户短信送达成功' : '用户短信接收失败',
    sid: sms.vendorMessageId,
  }));
}

/** Aliyun's SmsReport (HTTP batch push) for messages the fake accepted: one BizId per request, told apart by number. */
export function aliyunSmsReports(reports: Array<{ sms: ReceivedSms; isDelivered: boolean; code?: string }>) {
  return reports.map(({ sms, isDelivered, code }) => ({
    phone_number: sms.phoneNumber,
    send_time: beijingTime(new Date(Date.now() - 2000)),
    report_time: beijingTime(new Date()),
    success: isDelivered,
    err_code: code ?? (isDelivered ? 'DELIVERED' : 'MK:0001'),
    err_msg: isDelivered ? '用户接收成功' : '用户接收失败',
    sms_size: '1',
    biz_id: sms.vendorMessageId,
    out_id: sms.reference ?? '',
  }));
}

/** `YYYY-MM-DD HH:mm:ss` in Beijing time, as both vendors write times in their callbacks. */
function beijingTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
}

// ---------------------------------------------------------------- Aliyun SMS (dysmsapi 2017-05-25, RPC style)

/** RFC 3986 as Aliyun's signature wants it: only A-Z a-z 0-9 - _ . ~ stay as they are. */
export function acsPercentEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** ACS3-HMAC-SHA256 as the server recomputes it: canonical request from the parameters and the signed headers. */
export function acs3Signature(input: {
  secret: string;
  method: string;
  path: string;
  query: Array<[string, string]>;
  headers: Record<string, string>;
  signedHeaders: string[];
  hashedPayload: string;
}): string {
  const canonicalQuery = input.query
    .map(([key, value]) => [acsPercentEncode(key), acsPercentEncode(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  const canonicalHeaders = input.signedHeaders
    .map((name) => `${name}:${(input.headers[name] ?? '').trim()}\n`)
    .join('');
  const canonicalRequest = [
    input.method,
    input.path,
    canonicalQuery,
    canonicalHeaders,
    input.signedHeaders.join(';'),
    input.hashedPayload,
  ].join('\n');
  const stringToSign = `ACS3-HMAC-SHA256\n${sha256Hex(canonicalRequest)}`;
  return createHmac('sha256', input.secret).update(stringToSign).digest('hex');
}

const usedNonces = new Set<string>();

function handleAliyun(
  state: FakeVendor,
  request: IncomingMessage,
  body: Buffer,
  response: ServerResponse,
  secret: string,
  held: ServerResponse[],
): void {
  state.attempts += 1;
  const requestId = randomUUID().toUpperCase();
  const refuse = (status: number, code: string, message: string) => {
    state.refused.push({ code });
    json(response, status, { RequestId: requestId, Code: code, Message: message, HostId: 'dysmsapi.aliyuncs.com' });
  };
  if (state.mode === 'outage' || state.sent.length >= (state.outageAfterSends ?? Infinity)) {
    return refuse(503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.');
  }
  if (state.mode === 'timeout') {
    held.push(response);
    return;
  }
  const url = new URL(request.url ?? '/', 'http://fake');
  const authorization =
    /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([a-z0-9;-]+),Signature=([0-9a-f]{64})$/.exec(
      header(request, 'authorization'),
    );
  if (!authorization) return refuse(400, 'IncompleteSignature', 'The request signature does not conform to standards.');
  const [, accessKeyId, signedHeaderList, signature] = authorization;
  if (accessKeyId !== ALIYUN.accessKeyId)
    return refuse(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
  const date = Date.parse(header(request, 'x-acs-date'));
  if (!Number.isFinite(date) || Math.abs(Date.now() - date) > 15 * 60_000) {
    return refuse(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
  }
  const signedHeaders = signedHeaderList.split(';');
  const acsHeaders = Object.keys(request.headers).filter((name) => name.startsWith('x-acs-'));
  if (!signedHeaders.includes('host') || acsHeaders.some((name) => !signedHeaders.includes(name))) {
    return refuse(400, 'IncompleteSignature', 'host and every x-acs-* header must be signed.');
  }
  const hashedPayload = header(request, 'x-acs-content-sha256');
  const formParams =
    header(request, 'content-type').startsWith('application/x-www-form-urlencoded') && body.length > 0
      ? [...new URLSearchParams(body.toString('utf8'))]
      : [];
  const expected = acs3Signature({
    secret,
    method: request.method ?? 'POST',
    path: url.pathname,
    query: [...url.searchParams],
    headers: Object.fromEntries(signedHeaders.map((name) => [name, header(request, name)])),
    signedHeaders,
    hashedPayload,
  });
  if (expected !== signature || hashedPayload !== sha256Hex(body)) {
    return refuse(400, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.');
  }
  const nonce = header(request, 'x-acs-signature-nonce');
  if (!nonce || usedNonces.has(nonce))
    return refuse(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
  usedNonces.add(nonce);
  if (header(request, 'x-acs-action') !== 'SendSms')
    return refuse(404, 'InvalidAction.NotFound', 'Specified api is not found.');
  if (header(request, 'x-acs-version') !== '2017-05-25')
    return refuse(400, 'InvalidVersion', 'Specified parameter Version is not valid.');
  if (state.mode === 'throttle') {
    state.refused.push({ code: 'isv.BUSINESS_LIMIT_CONTROL' });
    return json(response, 200, {
      Code: 'isv.BUSINESS_LIMIT_CONTROL',
      Message: '触发分钟级流控Permits:1',
      RequestId: requestId,
    });
  }
  const params = new Map([...url.searchParams, ...formParams]);
  const business = (code: string, message: string) => {
    state.refused.push({ code });
    json(response, 200, { Code: code, Message: message, RequestId: requestId });
  };
  // SendSms takes up to 1,000 numbers, comma-separated, under one BizId.
  const phoneNumbers = (params.get('PhoneNumbers') ?? '').split(',');
  if (phoneNumbers.length > 1000) return business('isv.MOBILE_COUNT_OVER_LIMIT', '手机号码数量超过限制');
  if (!phoneNumbers.every((number) => /^(1[3-9]\d{9}|[1-9]\d{7,14})$/.test(number))) {
    return business('isv.MOBILE_NUMBER_ILLEGAL', '非法手机号');
  }
  if (params.get('SignName') !== SIGN_NAME) return business('isv.SMS_SIGNATURE_ILLEGAL', '该账号下找不到对应签名');
  if (params.get('TemplateCode') !== ALIYUN.templateCode)
    return business('isv.SMS_TEMPLATE_ILLEGAL', '该账号下找不到对应模板');
  let templateParam: unknown;
  try {
    templateParam = JSON.parse(params.get('TemplateParam') ?? '');
  } catch {
    return business('isv.INVALID_JSON_PARAM', 'JSON参数不合法，只接受字符串值');
  }
  const content = (templateParam as { content?: unknown } | null)?.content;
  if (typeof content !== 'string' || content === '')
    return business('isv.TEMPLATE_MISSING_PARAMETERS', '模板变量缺少对应参数值');
  if (smsChars(content) > ALIYUN.paramMaxChars) return business('isv.PARAM_LENGTH_LIMIT', '参数超出长度限制');
  const bizId = `${Date.now()}${randomBytes(3).readUIntBE(0, 3)}^0`;
  for (const phoneNumber of phoneNumbers) {
    state.sent.push({
      phoneNumber,
      signName: SIGN_NAME,
      template: ALIYUN.templateCode,
      parameters: [content],
      reference: params.get('OutId'),
      vendorMessageId: bizId,
    });
  }
  json(response, 200, { Code: 'OK', Message: 'OK', BizId: bizId, RequestId: requestId });
}
