import { GatewayConfig } from '../config';
import { Backoff } from './delivery-policy';
import { OutboundRateLimits } from './outbound-rate-limits';

/** How the outbound queues run: from config in the app, shorter waits in tests (the same code either way). */
export interface OutboundSettings {
  redisUrl: string;
  /** BullMQ's key prefix in Redis. */
  prefix: string;
  rateLimits: OutboundRateLimits;
  maxAttempts: number;
  backoff: Backoff;
  /** Jobs one replica works on at once, per channel. No database connection is held while a vendor answers. */
  concurrency: number;
  /** A vendor call slower than this counts as a failed attempt (retryable). */
  sendTimeoutMs: number;
  /** How long a worker sending a reply is trusted before another may take it over: well above sendTimeoutMs. */
  leaseMs: number;
  /** A job that finds its conversation's head being sent by another worker looks again after this. */
  busyRetryMs: number;
  /** How often each replica looks for replies whose job was lost (Redis flushed, a job failed for good); 0 = never. */
  sweepEveryMs: number;
  /** A reply due this long without progress is presumed to have lost its job. */
  stalledAfterMs: number;
}

export const OUTBOUND_SETTINGS = Symbol('OutboundSettings');

export function outboundSettingsFrom(config: GatewayConfig): OutboundSettings {
  return {
    redisUrl: config.REDIS_URL,
    prefix: 'bull',
    rateLimits: config.OUTBOUND_RATE_LIMITS,
    maxAttempts: config.OUTBOUND_MAX_ATTEMPTS,
    backoff: { baseMs: config.OUTBOUND_BACKOFF_BASE_MS, maxMs: config.OUTBOUND_BACKOFF_MAX_MS },
    concurrency: 8,
    sendTimeoutMs: 15_000,
    leaseMs: 60_000,
    busyRetryMs: 500,
    sweepEveryMs: 60_000,
    stalledAfterMs: 5 * 60_000,
  };
}
