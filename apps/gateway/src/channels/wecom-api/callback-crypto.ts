import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import { timingSafeEqual } from 'node:crypto';
import { CallbackRejected } from './callback-rejected';

export interface CallbackCryptoSettings {
  /** The Token set beside the callback URL in the admin console. */
  token: string;
  /** The 43-character EncodingAESKey: base64 of the AES-256 key, without its trailing "=". */
  encodingAesKey: string;
  /** Who the messages are for: the CorpID for a self-built app and for 微信客服. */
  receiveId: string;
}

/** msg_signature, timestamp and nonce of a callback URL, already checked for shape. */
export interface SignedQuery {
  msgSignature: string;
  timestamp: string;
  nonce: string;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** WeCom pads with PKCS#7 to 32-byte blocks, so every genuine ciphertext is a whole number of them. */
const BLOCK_BYTES = 32;

/**
 * WeCom's callback encryption (加解密方案), the same for self-built apps and 微信客服: msg_signature is the SHA-1 of
 * token, timestamp, nonce and ciphertext sorted and joined; the ciphertext is AES-256-CBC (IV = first 16 key bytes)
 * of random(16) ‖ length(4, network order) ‖ message ‖ receiveid, PKCS#7-padded to 32 bytes. The arithmetic is
 * the vendor's own library; this adds what it leaves out: a constant-time signature check, a strict padding and
 * length check, and the receiveid check.
 */
export class CallbackCrypto {
  constructor(private readonly settings: CallbackCryptoSettings) {}

  /** The plaintext of a signed ciphertext (the Encrypt field, or echostr), or CallbackRejected. */
  open(query: SignedQuery, ciphertext: string): string {
    this.verifySignature(query, ciphertext);
    const opened = this.decryptStrictly(ciphertext);
    if (opened.id !== this.settings.receiveId) throw new CallbackRejected('wrong_receiver');
    return opened.message;
  }

  private verifySignature(query: SignedQuery, ciphertext: string): void {
    const expected = Buffer.from(getSignature(this.settings.token, query.timestamp, query.nonce, ciphertext), 'hex');
    const given = Buffer.from(query.msgSignature, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new CallbackRejected('bad_signature');
    }
  }

  private decryptStrictly(ciphertext: string): { message: string; id: string } {
    if (!BASE64.test(ciphertext) || ciphertext.length % 4 !== 0) throw new CallbackRejected('bad_ciphertext');
    const bytes = Buffer.from(ciphertext, 'base64').length;
    if (bytes === 0 || bytes % BLOCK_BYTES !== 0) throw new CallbackRejected('bad_ciphertext');
    let opened: ReturnType<typeof decrypt>;
    try {
      opened = decrypt(this.settings.encodingAesKey, ciphertext);
    } catch {
      throw new CallbackRejected('bad_ciphertext');
    }
    // The library strips padding by its last byte and trusts the length field. Sealing what it read again, with the
    // same random bytes, must give back the very same ciphertext: that holds only when the padding is exact PKCS#7,
    // the length field is true and the message is valid UTF-8.
    const resealed = encrypt(this.settings.encodingAesKey, opened.message, opened.id, opened.random);
    if (resealed !== ciphertext) throw new CallbackRejected('bad_ciphertext');
    return opened;
  }
}

/** An EncodingAESKey as the admin console makes it: 43 letters and digits, decoding to 32 bytes. */
export const ENCODING_AES_KEY = /^[A-Za-z0-9]{43}$/;
