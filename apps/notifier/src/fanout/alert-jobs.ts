import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { FAN_OUT_SETTINGS, FanOutChannel, FanOutSettings } from './fan-out-settings';
import { SendBatch } from './send-batches';

export const QUEUE_PREFIX = 'notifier';
export const FAN_OUT_QUEUE = 'alert-fanout';
export const sendQueueOf = (channel: FanOutChannel) => `alert-send-${channel}`;
export const FAN_OUT_CHANNELS: readonly FanOutChannel[] = ['sms', 'wxa', 'wecom'];

/**
 * The BullMQ queues of the fan-out, as producers see them: one job per alert to select and queue its recipients
 * (`alert-fanout`), and per channel the send jobs, each a vendor request's worth of recipients, in the order of the
 * alert's priority (urgency × severity: 1 first), so an Extreme alert's jobs go before a Minor one's still waiting.
 * The jobs point at notifier.deliveries rows; losing them loses no one (the sweep re-queues from Postgres).
 */
@Injectable()
export class AlertJobs implements OnModuleDestroy {
  private connection: Redis | undefined;
  private readonly queues = new Map<string, Queue>();

  constructor(@Inject(FAN_OUT_SETTINGS) private readonly settings: FanOutSettings) {}

  /** Once per alert while its job exists: a repeated start or the sweep adds nothing. */
  async fanOut(alertId: string, priority: number): Promise<void> {
    await this.queue(FAN_OUT_QUEUE).add(
      'fan-out',
      { alertId },
      {
        jobId: `fanout-${alertId}`,
        priority,
        attempts: this.settings.attempts,
        backoff: { type: 'exponential', delay: this.settings.retryDelayMs },
        removeOnComplete: true,
        removeOnFail: true,
      },
    );
  }

  async send(batches: readonly SendBatch[], priority: number, now = Date.now()): Promise<void> {
    const byChannel = new Map<FanOutChannel, SendBatch[]>();
    for (const batch of batches) {
      const list = byChannel.get(batch.channel) ?? [];
      list.push(batch);
      byChannel.set(batch.channel, list);
    }
    for (const [channel, list] of byChannel) {
      await this.queue(sendQueueOf(channel)).addBulk(
        list.map((batch) => ({
          name: 'send',
          data: batch,
          opts: {
            priority,
            delay: batch.sendAfter ? Math.max(0, Date.parse(batch.sendAfter) - now) : undefined,
            attempts: this.settings.attempts,
            backoff: { type: 'exponential', delay: this.settings.retryDelayMs },
            removeOnComplete: true,
            removeOnFail: true,
          },
        })),
      );
    }
  }

  /** Jobs not yet done in a channel's queue: none means queued rows of that channel have lost their job. */
  async pendingIn(channel: FanOutChannel): Promise<number> {
    const counts = await this.queue(sendQueueOf(channel)).getJobCounts(
      'waiting',
      'delayed',
      'prioritized',
      'active',
      'paused',
    );
    return Object.values(counts).reduce((sum, value) => sum + value, 0);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
    await this.connection?.quit();
    this.connection = undefined;
  }

  private queue(name: string): Queue {
    const existing = this.queues.get(name);
    if (existing) return existing;
    // Producers fail fast: the caller (the accept use case, the sweep) finds out and tries again later.
    this.connection ??= new Redis(this.settings.redisUrl, {
      connectionName: 'notifier-alert-jobs',
      maxRetriesPerRequest: 3,
    });
    const queue = new Queue(name, { connection: this.connection, prefix: QUEUE_PREFIX });
    this.queues.set(name, queue);
    return queue;
  }
}
