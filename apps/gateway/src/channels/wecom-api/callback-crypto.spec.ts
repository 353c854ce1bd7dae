import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { CallbackCrypto, SignedQuery } from './callback-crypto';
import { CallbackRejected, RejectionReason } from './callback-rejected';

// The sample of WeCom's callback documentation and of its official WXBizMsgCrypt libraries (Sample.cpp/.py/.php).
const SAMPLE = {
  token: 'QDG6eK',
  encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  receiveId: 'wx5823bf96d3bd56c7',
};
const VERIFY_URL = {
  query: { msgSignature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3', timestamp: '1409659589', nonce: '263014780' },
  echostr: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
};
const POSTED = {
  query: { msgSignature: '477715d11cdb4164915debcba66cb864d751f3e6', timestamp: '1409659813', nonce: '1372623149' },
  encrypt:
    'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==',
};

const crypto = new CallbackCrypto(SAMPLE);

/** An independent sealer written from the documentation, able to break the format on purpose. */
function seal(
  message: string,
  options: {
    receiveId?: string;
    padTo?: number;
    firstPadByte?: number;
    lastPadByte?: number;
    lengthDelta?: number;
  } = {},
): string {
  const key = Buffer.from(`${SAMPLE.encodingAesKey}=`, 'base64');
  const body = Buffer.from(message);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length + (options.lengthDelta ?? 0));
  const plain = Buffer.concat([randomBytes(16), length, body, Buffer.from(options.receiveId ?? SAMPLE.receiveId)]);
  const block = options.padTo ?? 32;
  const padLength = block - (plain.length % block);
  const pad = Buffer.alloc(padLength, padLength);
  if (options.firstPadByte !== undefined) pad[0] = options.firstPadByte;
  if (options.lastPadByte !== undefined) pad[pad.length - 1] = options.lastPadByte;
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plain, pad])), cipher.final()]).toString('base64');
}

function signed(ciphertext: string, token = SAMPLE.token): SignedQuery {
  const timestamp = '1716000000';
  const nonce = '1234567';
  const msgSignature = createHash('sha1').update([token, timestamp, nonce, ciphertext].sort().join('')).digest('hex');
  return { msgSignature, timestamp, nonce };
}

function rejection(act: () => unknown): RejectionReason | 'accepted' {
  try {
    act();
    return 'accepted';
  } catch (error) {
    if (error instanceof CallbackRejected) return error.reason;
    throw error;
  }
}

function flipByte(ciphertext: string, fromEnd: number): string {
  const bytes = Buffer.from(ciphertext, 'base64');
  bytes[bytes.length - fromEnd] ^= 0x01;
  return bytes.toString('base64');
}

describe('CallbackCrypto with the official sample', () => {
  it('answers the URL verification with the decrypted echostr', () => {
    expect(crypto.open(VERIFY_URL.query, VERIFY_URL.echostr)).toBe('1616140317555161061');
  });

  it('opens the sample text message', () => {
    const message = crypto.open(POSTED.query, POSTED.encrypt);
    expect(message).toContain('<Content><![CDATA[hello]]></Content>');
    expect(message).toContain('<MsgId>4561255354251345929</MsgId>');
  });

  it('accepts the signature in upper-case hex too', () => {
    const query = { ...POSTED.query, msgSignature: POSTED.query.msgSignature.toUpperCase() };
    expect(rejection(() => crypto.open(query, POSTED.encrypt))).toBe('accepted');
  });
});

describe('CallbackCrypto refuses', () => {
  it('a wrong signature', () => {
    const query = { ...POSTED.query, msgSignature: '0'.repeat(40) };
    expect(rejection(() => crypto.open(query, POSTED.encrypt))).toBe('bad_signature');
  });

  it('a signature made with another token', () => {
    const ciphertext = seal('<xml></xml>');
    expect(rejection(() => crypto.open(signed(ciphertext, 'AnotherToken'), ciphertext))).toBe('bad_signature');
  });

  it('a signature of another timestamp (replayed with a new one)', () => {
    expect(rejection(() => crypto.open({ ...POSTED.query, timestamp: '1409659814' }, POSTED.encrypt))).toBe(
      'bad_signature',
    );
  });

  it('a tampered ciphertext under its original signature', () => {
    expect(rejection(() => crypto.open(POSTED.query, flipByte(POSTED.encrypt, 20)))).toBe('bad_signature');
  });

  it('a tampered ciphertext even when re-signed (the padding no longer holds)', () => {
    const tampered = flipByte(POSTED.encrypt, 1);
    expect(rejection(() => crypto.open(signed(tampered), tampered))).toBe('bad_ciphertext');
  });

  it('another receiveid (a message for another corp)', () => {
    const ciphertext = seal('<xml></xml>', { receiveId: 'ww0000000000000000' });
    expect(rejection(() => crypto.open(signed(ciphertext), ciphertext))).toBe('wrong_receiver');
  });

  it('the right message sealed without its receiveid', () => {
    const ciphertext = seal('<xml></xml>', { receiveId: '' });
    expect(rejection(() => crypto.open(signed(ciphertext), ciphertext))).toBe('wrong_receiver');
  });

  // 38 bytes of frame (random, length, receiveid) + 30 = 68: 4 bytes into a 32-byte block, so every padding differs.
  const message = '<xml><A>' + 'x'.repeat(12) + '</A></xml>';
  it.each<[string, Parameters<typeof seal>[1], RejectionReason]>([
    ['padding bytes that disagree', { firstPadByte: 0x41 }, 'bad_ciphertext'],
    ['a pad length of zero', { lastPadByte: 0 }, 'bad_ciphertext'],
    ['a pad length beyond the block', { lastPadByte: 33 }, 'bad_ciphertext'],
    ['PKCS#7 to 16-byte blocks where WeCom pads to 32', { padTo: 16 }, 'bad_ciphertext'],
    ['a length field beyond the plaintext', { lengthDelta: 100 }, 'bad_ciphertext'],
    // A length field that lies within the plaintext moves bytes between message and receiveid.
    ['a length field a little longer than the message', { lengthDelta: 5 }, 'wrong_receiver'],
    ['a length field shorter than the message', { lengthDelta: -3 }, 'wrong_receiver'],
  ])('%s', (_case, options, reason) => {
    expect(Buffer.byteLength(message)).toBe(30);
    const ciphertext = seal(message, options);
    expect(rejection(() => crypto.open(signed(ciphertext), ciphertext))).toBe(reason);
  });

  it.each([
    ['not base64', 'not base64!'],
    ['a truncated ciphertext', POSTED.encrypt.slice(0, 64)],
    ['an empty ciphertext', ''],
    ['one AES block short of a WeCom block', Buffer.alloc(16).toString('base64')],
  ])('%s', (_case, ciphertext) => {
    expect(rejection(() => crypto.open(signed(ciphertext), ciphertext))).toBe('bad_ciphertext');
  });
});
