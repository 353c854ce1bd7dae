import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import Redis from 'ioredis';
import { Logger } from 'pino';
import { z } from 'zod';
import { LOGGER } from '@libs/common/logging/logging.module';
import { traceContext } from '@libs/common/logging/trace-context';
import { REMINDER_QUEUE, REMINDER_QUEUE_PREFIX } from './reminder-jobs';
import { REMINDER_SETTINGS, ReminderSettings } from './reminder-settings';
import { SendReminder } from './send-reminder.use-case';

const ReminderJob = z.object({ reminderId: z.uuid() });
/** Reminders are few and never urgent: two at a time leave the notifier's CPU to the alerts. */
const CONCURRENCY = 2;

/** The reminders' worker in every notifier replica: a job that comes due sends its reminder, if still scheduled. */
@Injectable()
export class ReminderWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private worker: Worker | undefined;
  private connection: Redis | undefined;

  constructor(
    private readonly sendReminder: SendReminder,
    @Inject(REMINDER_SETTINGS) private readonly settings: ReminderSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Workers block on Redis and must retry for ever (BullMQ requires it).
    this.connection = new Redis(this.settings.redisUrl, {
      connectionName: 'notifier-reminder-worker',
      maxRetriesPerRequest: null,
    });
    const worker = new Worker(REMINDER_QUEUE, (job) => this.send(job), {
      connection: this.connection,
      prefix: REMINDER_QUEUE_PREFIX,
      concurrency: CONCURRENCY,
    });
    worker.on('error', (error) => this.logger.error({ err: error }, 'reminder worker error'));
    worker.on('failed', (job, error) =>
      this.logger.warn({ err: error, jobId: job?.id, attempts: job?.attemptsMade }, 'reminder job failed'),
    );
    this.worker = worker;
    await worker.waitUntilReady();
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
    await this.connection?.quit();
    this.worker = undefined;
    this.connection = undefined;
  }

  private send(job: Job): Promise<boolean> {
    const { reminderId } = ReminderJob.parse(job.data);
    return traceContext.run({ traceId: reminderId }, () => this.sendReminder.execute(reminderId));
  }
}
