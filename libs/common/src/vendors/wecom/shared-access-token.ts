import type Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { WeComApiError } from './wecom-api-error';

export interface IssuedToken {
  accessToken: string;
  expiresInSeconds: number;
}

/** Deletes the key only if it still holds the given value: a stale holder never removes a newer value. */
const DELETE_IF_HOLDS = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

export interface SharedAccessTokenTiming {
  /** How long one refresher may hold the lock (a gettoken that hangs longer lets another try). */
  lockMs: number;
  /** How often a waiting caller looks whether the token has arrived. */
  pollMs: number;
  /** How long a caller waits for a token in all before it gives up (retryable). */
  waitMs: number;
}

const DEFAULT_TIMING: SharedAccessTokenTiming = { lockMs: 10_000, pollMs: 50, waitMs: 15_000 };

/**
 * How long a token is used: until shortly before it expires (a tenth of its life, at most five minutes), so a
 * call never leaves with a token that dies on the way.
 */
export function cacheMillisFor(expiresInSeconds: number): number {
  const lifeMs = expiresInSeconds * 1000;
  return Math.max(1, lifeMs - Math.min(300_000, lifeMs / 10));
}

/**
 * One WeCom access_token per corp and secret, shared by every process through Redis. gettoken is
 * rate-limited and each call invalidates nothing but costs quota, so however many senders find the token missing
 * at once, one of them fetches it: within a process they share one promise, across processes one holds a Redis
 * lock while the others wait for the token to appear.
 */
export class SharedAccessToken {
  private refreshing?: Promise<string>;
  private readonly lockKey: string;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly issue: () => Promise<IssuedToken>,
    private readonly timing: SharedAccessTokenTiming = DEFAULT_TIMING,
  ) {
    this.lockKey = `${key}:refresh`;
  }

  async current(): Promise<string> {
    const cached = await this.redis.get(this.key);
    if (cached) return cached;
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** The platform refused this token (expired early, or revoked): forget it, unless a newer one replaced it. */
  async invalidate(refused: string): Promise<void> {
    await this.redis.eval(DELETE_IF_HOLDS, 1, this.key, refused);
  }

  private async refresh(): Promise<string> {
    const lockId = randomUUID();
    const deadline = Date.now() + this.timing.waitMs;
    while (Date.now() < deadline) {
      const cached = await this.redis.get(this.key);
      if (cached) return cached;
      if (await this.redis.set(this.lockKey, lockId, 'PX', this.timing.lockMs, 'NX')) {
        try {
          // Another process may have stored a token between our read and our lock.
          const stored = await this.redis.get(this.key);
          if (stored) return stored;
          const issued = await this.issue();
          await this.redis.set(this.key, issued.accessToken, 'PX', Math.round(cacheMillisFor(issued.expiresInSeconds)));
          return issued.accessToken;
        } finally {
          await this.redis.eval(DELETE_IF_HOLDS, 1, this.lockKey, lockId);
        }
      }
      await sleep(this.timing.pollMs);
    }
    throw new WeComApiError('/cgi-bin/gettoken', { failure: 'network', duringTokenFetch: true });
  }
}
