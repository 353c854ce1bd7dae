import { Channel } from '@libs/common/contracts/common-fields';

/** Messages per second of a channel that config does not name. */
export const DEFAULT_MESSAGES_PER_SECOND = 20;

/** The default of OUTBOUND_RATE_LIMITS: SMS gateways take bursts better than the WeChat family of APIs. */
export const DEFAULT_OUTBOUND_RATE_LIMITS = 'wecom=20,wechat_kf=20,wxa=20,sms=50';

const MAX_MESSAGES_PER_SECOND = 10_000;

/** How many messages per second each channel's queue may hand to its vendor, across all gateway replicas. */
export class OutboundRateLimits {
  constructor(private readonly perSecond: ReadonlyMap<Channel, number>) {}

  messagesPerSecond(channel: Channel): number {
    return this.perSecond.get(channel) ?? DEFAULT_MESSAGES_PER_SECOND;
  }
}

export type RateLimitsParse = { ok: true; limits: OutboundRateLimits } | { ok: false; problem: string };

/**
 * Reads `wecom=20,sms=50`: channel=messages per second, comma-separated. A channel named twice, an unknown channel
 * or a rate that is not a whole number from 1 to 10000 is refused (naming the entry's position, not its text).
 */
export function parseRateLimits(text: string): RateLimitsParse {
  const perSecond = new Map<Channel, number>();
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const [index, entry] of entries.entries()) {
    const match = /^([a-z_]+)\s*=\s*(\d+)$/.exec(entry);
    const channel = Channel.safeParse(match?.[1]);
    const rate = Number(match?.[2]);
    const where = `entry ${index + 1}`;
    if (!match || !channel.success) return { ok: false, problem: `${where}: must be <channel>=<messages per second>` };
    if (!Number.isInteger(rate) || rate < 1 || rate > MAX_MESSAGES_PER_SECOND)
      return { ok: false, problem: `${where}: the rate must be a whole number from 1 to ${MAX_MESSAGES_PER_SECOND}` };
    if (perSecond.has(channel.data)) return { ok: false, problem: `${where}: names a channel already given` };
    perSecond.set(channel.data, rate);
  }
  return { ok: true, limits: new OutboundRateLimits(perSecond) };
}
