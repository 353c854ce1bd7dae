import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../errors/domain-error';

/**
 * Encrypts one personal-data field with SM4 (GB/T 32907) in CBC mode and authenticates it with HMAC-SM3
 * (encrypt-then-MAC; OpenSSL 3.0 has no SM4-GCM). Stored form: `sm4:<keyId>:<base64url(iv | ciphertext | mac)>`.
 * The key id travels with the ciphertext, so old rows stay readable after PII_ACTIVE_KEY_ID moves to a new key.
 */
export class FieldCipher {
  private readonly keys = new Map<string, { encryption: Buffer; mac: Buffer }>();

  constructor(
    masterKeys: ReadonlyMap<string, Buffer>,
    private readonly activeKeyId: string,
  ) {
    for (const [id, master] of masterKeys) {
      this.keys.set(id, {
        encryption: Buffer.from(hkdfSync('sm3', master, Buffer.alloc(0), 'pii/sm4-cbc', 16)),
        mac: Buffer.from(hkdfSync('sm3', master, Buffer.alloc(0), 'pii/hmac-sm3', 32)),
      });
    }
    if (!this.keys.has(activeKeyId)) throw new Error(`the active PII key ${activeKeyId} is not among the keys`);
  }

  encrypt(plain: string): string {
    const keyId = this.activeKeyId;
    const key = this.keyFor(keyId);
    const iv = randomBytes(16);
    const cipher = createCipheriv('sm4-cbc', key.encryption, iv);
    const body = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final()]);
    const mac = this.mac(key.mac, keyId, body);
    return `sm4:${keyId}:${Buffer.concat([body, mac]).toString('base64url')}`;
  }

  decrypt(stored: string): string {
    const [scheme, keyId, data] = stored.split(':');
    if (scheme !== 'sm4' || !keyId || !data) throw new PersonalDataUnreadable('not an encrypted field');
    const key = this.keyFor(keyId);
    const raw = Buffer.from(data, 'base64url');
    if (raw.length < 16 + 16 + 32) throw new PersonalDataUnreadable('too short');
    const body = raw.subarray(0, raw.length - 32);
    const expected = this.mac(key.mac, keyId, body);
    if (!timingSafeEqual(expected, raw.subarray(raw.length - 32)))
      throw new PersonalDataUnreadable('integrity check failed');
    const decipher = createDecipheriv('sm4-cbc', key.encryption, body.subarray(0, 16));
    return Buffer.concat([decipher.update(body.subarray(16)), decipher.final()]).toString('utf8');
  }

  /** The plaintext, or undefined when the value cannot be read (a key no longer configured, a damaged value). */
  tryDecrypt(stored: string): string | undefined {
    try {
      return this.decrypt(stored);
    } catch (error) {
      if (error instanceof PersonalDataUnreadable) return undefined;
      throw error;
    }
  }

  /** True when the value was written under an older key and should be re-encrypted. */
  isStale(stored: string): boolean {
    return stored.split(':')[1] !== this.activeKeyId;
  }

  private keyFor(keyId: string) {
    const key = this.keys.get(keyId);
    if (!key) throw new PersonalDataUnreadable(`unknown key id ${keyId}`);
    return key;
  }

  private mac(macKey: Buffer, keyId: string, body: Buffer): Buffer {
    return createHmac('sm3', macKey).update(`sm4:${keyId}:`).update(body).digest();
  }
}

export class PersonalDataUnreadable extends DomainError {
  constructor(reason: string) {
    super('unprocessable', `encrypted field cannot be read: ${reason}`);
  }
}
