import Redis from 'ioredis';

/**
 * Remembers which envelopes a consumer group has handled, so a redelivered message (after a crash, a rebalance or a
 * producer retry) is not handled twice. Kept in Redis for a week: longer than any message stays unhandled.
 */
export class Inbox {
  private static readonly TTL_SECONDS = 7 * 24 * 3600;

  constructor(
    private readonly redis: Redis,
    private readonly consumerGroup: string,
  ) {}

  async seen(envelopeId: string): Promise<boolean> {
    return (await this.redis.exists(this.key(envelopeId))) === 1;
  }

  async remember(envelopeId: string): Promise<void> {
    await this.redis.set(this.key(envelopeId), '1', 'EX', Inbox.TTL_SECONDS);
  }

  private key(envelopeId: string): string {
    return `inbox:${this.consumerGroup}:${envelopeId}`;
  }
}
