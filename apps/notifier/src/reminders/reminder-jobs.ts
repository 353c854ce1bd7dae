import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { REMINDER_SETTINGS, ReminderSettings } from './reminder-settings';

export const REMINDER_QUEUE_PREFIX = 'notifier';
export const REMINDER_QUEUE = 'reminders';
/**
 * Below every alert: BullMQ orders by priority within a queue only, and reminders have a queue of their own, so this
 * says what they are (low priority) more than it reorders anything; their worker runs few at a time.
 */
const REMINDER_PRIORITY = 2_000_000;
const ATTEMPTS = 5;
const RETRY_DELAY_MS = 5_000;

/**
 * One delayed BullMQ job per reminder, its id the reminder's: adding it again while it waits adds nothing, so the
 * consumer and the sweep can both schedule it. The job carries the id only; the row says whether to send.
 */
@Injectable()
export class ReminderJobs implements OnModuleDestroy {
  private connection: Redis | undefined;
  private queue: Queue | undefined;

  constructor(@Inject(REMINDER_SETTINGS) private readonly settings: ReminderSettings) {}

  async schedule(reminderId: string, dueAt: Date, now = Date.now()): Promise<void> {
    await this.reminders().add(
      'remind',
      { reminderId },
      {
        jobId: reminderId,
        delay: Math.max(0, dueAt.getTime() - now),
        priority: REMINDER_PRIORITY,
        attempts: ATTEMPTS,
        backoff: { type: 'exponential', delay: RETRY_DELAY_MS },
        removeOnComplete: true,
        removeOnFail: true,
      },
    );
  }

  /**
   * What the queue holds for a reminder: nothing (never added, Redis lost it, or it gave up), a job still waiting for
   * its time, or one on its way.
   */
  async stateOf(reminderId: string): Promise<'none' | 'delayed' | 'other'> {
    const job = await this.reminders().getJob(reminderId);
    if (!job) return 'none';
    return (await job.isDelayed()) ? 'delayed' : 'other';
  }

  /** Runs a waiting job now. */
  async runNow(reminderId: string): Promise<void> {
    const job = await this.reminders().getJob(reminderId);
    if (job && (await job.isDelayed())) await job.promote();
  }

  /** The job of a cancelled reminder is dropped (it would find the row cancelled and send nothing anyway). */
  async drop(reminderId: string): Promise<void> {
    await this.reminders().remove(reminderId);
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue?.close();
    await this.connection?.quit();
    this.queue = undefined;
    this.connection = undefined;
  }

  private reminders(): Queue {
    // Producers fail fast: the caller (the consumer, the sweep) finds out and tries again later.
    this.connection ??= new Redis(this.settings.redisUrl, {
      connectionName: 'notifier-reminder-jobs',
      maxRetriesPerRequest: 3,
    });
    this.queue ??= new Queue(REMINDER_QUEUE, { connection: this.connection, prefix: REMINDER_QUEUE_PREFIX });
    return this.queue;
  }
}
