import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { SignedQuery } from '../wecom-api/callback-crypto';
import { CallbackRejected } from '../wecom-api/callback-rejected';
import { CallbackFields, MalformedXml, readCallbackXml } from '../wecom-api/callback-xml';
import { MalformedJson, readPushJson } from './push-json';
import { WxaPushRejected } from './wxa-push-rejected';

const hex40 = z.string().regex(/^[0-9A-Fa-f]{40}$/);
const timestamp = z.string().regex(/^\d{1,12}$/);
const nonce = z.string().regex(/^[\w-]{1,64}$/);

const VerifyQuery = z.object({ signature: hex40, timestamp, nonce, echostr: z.string().min(1).max(512) });
/** A safe-mode push's URL: signature and openid come too, but only msg_signature covers the body. */
const PushQuery = z.object({ msg_signature: hex40, timestamp, nonce, encrypt_type: z.string().optional() });

/**
 * The server check WeChat makes when the push URL is saved (消息推送配置): signature = SHA-1 of token, timestamp and
 * nonce sorted and joined. The echostr comes back as it came, in plain text (unlike WeCom's, it is not encrypted).
 */
export function verifiedEchostr(query: unknown, token: string): string {
  const parsed = VerifyQuery.safeParse(query);
  if (!parsed.success) throw new CallbackRejected('bad_query');
  const { signature, echostr } = parsed.data;
  const expected = Buffer.from(plainSignature(token, parsed.data.timestamp, parsed.data.nonce), 'hex');
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new WxaPushRejected('bad_signature');
  return echostr;
}

export function plainSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

/**
 * The signed part of a safe-mode push (安全模式). Plaintext and compatible modes are refused: their body is not
 * covered by any signature (signature covers only token, timestamp and nonce, which anyone can replay).
 */
export function pushQueryOf(query: unknown): SignedQuery {
  const parsed = PushQuery.safeParse(query);
  if (!parsed.success) {
    const isPlaintext = typeof query === 'object' && query !== null && !('msg_signature' in query);
    throw isPlaintext ? new WxaPushRejected('plaintext_push') : new CallbackRejected('bad_query');
  }
  if (parsed.data.encrypt_type !== undefined && parsed.data.encrypt_type !== 'aes') {
    throw new WxaPushRejected('plaintext_push');
  }
  return { msgSignature: parsed.data.msg_signature, timestamp: parsed.data.timestamp, nonce: parsed.data.nonce };
}

const JsonEnvelope = z.object({ Encrypt: z.string().min(1) });

/**
 * The ciphertext of a push, in whichever data format (数据格式) the console is set to: `{"ToUserName","Encrypt"}` in
 * JSON, `<xml><ToUserName/><Encrypt/></xml>` in XML. `body` is what the HTTP layer made of it: an object when it
 * came as application/json, text when it came as XML or was read raw.
 */
export function encryptedPartOfPush(body: unknown): string {
  if (typeof body === 'string') return encryptedPartOfText(body);
  const envelope = JsonEnvelope.safeParse(body);
  if (!envelope.success) throw new WxaPushRejected('malformed_json');
  return envelope.data.Encrypt;
}

function encryptedPartOfText(text: string): string {
  const fields = pushFieldsOf(text);
  if (!fields.Encrypt) throw new WxaPushRejected(looksLikeJson(text) ? 'malformed_json' : 'bad_body');
  return fields.Encrypt;
}

/** The decrypted push (or its envelope) as flat fields, read as JSON or XML by its first character. */
export function pushFieldsOf(text: string): CallbackFields {
  if (looksLikeJson(text)) {
    try {
      return readPushJson(text);
    } catch (error) {
      if (error instanceof MalformedJson) throw new WxaPushRejected('malformed_json');
      throw error;
    }
  }
  if (!text.trimStart().startsWith('<')) throw new WxaPushRejected('bad_body');
  try {
    return readCallbackXml(text);
  } catch (error) {
    if (error instanceof MalformedXml) throw new CallbackRejected('malformed_xml');
    throw error;
  }
}

const looksLikeJson = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('{');
