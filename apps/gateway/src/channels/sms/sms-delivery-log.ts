import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { Counter } from 'prom-client';
import { REDIS } from '@libs/common/redis/redis.module';
import { SmsReceipt } from './sms-callback-bodies';
import { SmsVendorName } from '@libs/common/vendors/sms/sms-vendor-failure';

const receiptsTotal = new Counter({
  name: 'sms_delivery_receipts_total',
  help: 'SMS delivery receipts from the vendors, by vendor and outcome (delivered, failed, unknown)',
  labelNames: ['vendor', 'outcome'],
});

/** Long enough for the outbound queue's retries and for the carriers' late receipts (up to 72 hours). */
const KEEP_SECONDS = 7 * 24 * 3600;

export type PartDelivery = 'sent' | 'delivered' | `failed:${string}`;

/**
 * What became of each SMS of a reply, in Redis and without personal data: our reply id, the vendor's message ids and
 * the carriers' status codes, never a number or a text.
 * - progress: how many characters of a reply's text are already with a vendor, so a retry after a failure halfway
 *   through a long reply resumes at the first part not sent rather than sending the first parts twice;
 * - delivery: per vendor message id of the reply, `sent`, then `delivered` or `failed:<carrier code>` from the receipt.
 */
@Injectable()
export class SmsDeliveryLog {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async progressOf(messageId: string): Promise<number> {
    const stored = await this.redis.get(`sms:progress:${messageId}`);
    const sentUpTo = Number(stored ?? 0);
    return Number.isInteger(sentUpTo) && sentUpTo > 0 ? sentUpTo : 0;
  }

  /** A part of a reply is with the vendor: remember how far the reply got and which message the vendor id is. */
  async recordSent(messageId: string, vendor: SmsVendorName, vendorMessageId: string, sentUpTo: number): Promise<void> {
    const part = `${vendor}:${vendorMessageId}`;
    await this.redis
      .multi()
      .set(`sms:progress:${messageId}`, String(sentUpTo), 'EX', KEEP_SECONDS)
      .set(`sms:sent:${part}`, messageId, 'EX', KEEP_SECONDS)
      .hset(`sms:delivery:${messageId}`, part, 'sent')
      .expire(`sms:delivery:${messageId}`, KEEP_SECONDS)
      .exec();
  }

  /**
   * A carrier's receipt: the part's state becomes delivered or failed. Receipts for messages the gateway did not send
   * (the notifier's alerts) are counted as unknown and left to the caller.
   */
  async recordReceipt(receipt: SmsReceipt): Promise<'recorded' | 'unknown'> {
    const part = `${receipt.vendor}:${receipt.vendorMessageId}`;
    const messageId = await this.redis.get(`sms:sent:${part}`);
    const outcome = receipt.isDelivered ? 'delivered' : 'failed';
    receiptsTotal.inc({ vendor: receipt.vendor, outcome: messageId ? outcome : 'unknown' });
    if (!messageId) return 'unknown';
    const state: PartDelivery = receipt.isDelivered ? 'delivered' : `failed:${receipt.code.slice(0, 40)}`;
    await this.redis
      .multi()
      .hset(`sms:delivery:${messageId}`, part, state)
      .expire(`sms:delivery:${messageId}`, KEEP_SECONDS)
      .exec();
    return 'recorded';
  }

  /** Each SMS of a reply (`<vendor>:<vendor message id>`) and what became of it. */
  async deliveryOf(messageId: string): Promise<Record<string, string>> {
    return this.redis.hgetall(`sms:delivery:${messageId}`);
  }
}
