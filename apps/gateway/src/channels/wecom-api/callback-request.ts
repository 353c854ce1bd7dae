import type { Request } from 'express';
import { z } from 'zod';
import { SignedQuery } from './callback-crypto';
import { CallbackRejected } from './callback-rejected';
import { CallbackFields, MalformedXml, readCallbackXml } from './callback-xml';

const Signed = {
  msg_signature: z.string().regex(/^[0-9A-Fa-f]{40}$/),
  timestamp: z.string().regex(/^\d{1,12}$/),
  nonce: z.string().regex(/^[\w-]{1,64}$/),
};
const CallbackQuery = z.object(Signed);
const VerifyQuery = z.object({ ...Signed, echostr: z.string().min(1).max(2048) });

/** The signed part of a POST callback's query, or CallbackRejected. */
export function signedQueryOf(query: unknown): SignedQuery {
  const parsed = CallbackQuery.safeParse(query);
  if (!parsed.success) throw new CallbackRejected('bad_query');
  return signedPart(parsed.data);
}

/** The URL verification's query (GET): the signed part and the encrypted echostr, URL-decoded by Express. */
export function verifyQueryOf(query: unknown): { signed: SignedQuery; echostr: string } {
  const parsed = VerifyQuery.safeParse(query);
  if (!parsed.success) throw new CallbackRejected('bad_query');
  return { signed: signedPart(parsed.data), echostr: parsed.data.echostr };
}

function signedPart(query: z.infer<typeof CallbackQuery>): SignedQuery {
  return { msgSignature: query.msg_signature, timestamp: query.timestamp, nonce: query.nonce };
}

const MAX_BODY_BYTES = 64 * 1024;

/**
 * The callback's XML as text. Express has read it already when it came as text/xml or application/xml; any other
 * or no content type is read here, with the same size limit.
 */
export async function callbackBodyOf(request: Request): Promise<string> {
  if (typeof request.body === 'string') return request.body;
  if (request.body !== undefined || request.readableEnded) throw new CallbackRejected('bad_body');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += bytes.length;
    if (size > MAX_BODY_BYTES) throw new CallbackRejected('bad_body');
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The outer envelope of a POST callback: whom it is for and the ciphertext. */
export function encryptedPartOf(body: string): string {
  const fields = xmlFieldsOf(body);
  const encrypted = fields.Encrypt;
  if (!encrypted) throw new CallbackRejected('malformed_xml');
  return encrypted;
}

export function xmlFieldsOf(document: string): CallbackFields {
  try {
    return readCallbackXml(document);
  } catch (error) {
    if (error instanceof MalformedXml) throw new CallbackRejected('malformed_xml');
    throw error;
  }
}
