import { createHash, timingSafeEqual } from 'node:crypto';
import { InvalidApiKey } from './open311-errors';

/**
 * The api_key values allowed to POST requests (OPEN311_API_KEYS). Keys are compared as SHA-256 digests in constant
 * time, and a client is known afterwards only by a short fingerprint of its key, so no key reaches the database or
 * the logs.
 */
export class Open311ApiKeys {
  private readonly digests: Buffer[];

  constructor(keys: readonly string[]) {
    this.digests = keys.map(digest);
  }

  /** The fingerprint of the client holding this key; throws InvalidApiKey for a missing or unknown key. */
  clientOf(candidate: unknown): string {
    if (typeof candidate !== 'string' || candidate === '') throw new InvalidApiKey();
    const presented = digest(candidate);
    // Every key is compared, matching or not, so the time taken says nothing about which one matched.
    const isKnown = this.digests.reduce((known, key) => timingSafeEqual(key, presented) || known, false);
    if (!isKnown) throw new InvalidApiKey();
    return presented.toString('hex').slice(0, 12);
  }
}

function digest(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}
