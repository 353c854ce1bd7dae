import { createHmac } from 'node:crypto';

/**
 * A keyed, deterministic fingerprint (HMAC-SM3) of a personal-data value, stored beside its ciphertext so rows can
 * be found by exact value (a phone number, an ID number) without decrypting anything. Values are normalised first,
 * so "138 0013 8000" and "13800138000" find the same row. Without the key the index reveals nothing.
 */
export class BlindIndex {
  constructor(private readonly key: Buffer) {}

  /** For platform ids, which are case-sensitive and kept exactly as the platform sends them. */
  ofExact(kind: string, value: string): string {
    return createHmac('sm3', this.key).update(`${kind}\u0000${value}`).digest('base64url');
  }

  of(kind: string, value: string): string {
    return createHmac('sm3', this.key)
      .update(`${kind}\u0000${normalise(value)}`)
      .digest('base64url');
  }
}

function normalise(value: string): string {
  return value.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
}
