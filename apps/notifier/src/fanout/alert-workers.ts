import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import Redis from 'ioredis';
import { Logger } from 'pino';
import { z } from 'zod';
import { Lang } from '@libs/common/contracts/common-fields';
import { LOGGER } from '@libs/common/logging/logging.module';
import { traceContext } from '@libs/common/logging/trace-context';
import { FAN_OUT_CHANNELS, FAN_OUT_QUEUE, QUEUE_PREFIX, sendQueueOf } from './alert-jobs';
import { FanOutAlert } from './fan-out-alert.use-case';
import { FAN_OUT_SETTINGS, FanOutSettings } from './fan-out-settings';
import { SendAlertBatch } from './send-alert-batch.use-case';

const FanOutJob = z.object({ alertId: z.uuid() });
const SendJob = z.object({
  alertId: z.uuid(),
  channel: z.enum(['sms', 'wxa', 'wecom']),
  lang: Lang,
  elderMode: z.boolean(),
  subscriberIds: z.array(z.uuid()).min(1),
  sendAfter: z.string().nullable(),
});

/**
 * The fan-out's workers in every notifier replica: one for `alert-fanout` (select and queue an alert's recipients)
 * and one per channel for the send jobs, limited to the channel's vendor requests per second across all replicas
 * (BullMQ's limiter lives in Redis), with ALERT_SEND_CONCURRENCY requests in flight per process.
 */
@Injectable()
export class AlertWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly workers: Worker[] = [];
  private connection: Redis | undefined;

  constructor(
    private readonly fanOutAlert: FanOutAlert,
    private readonly sendAlertBatch: SendAlertBatch,
    @Inject(FAN_OUT_SETTINGS) private readonly settings: FanOutSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Workers block on Redis and must retry for ever (BullMQ requires it).
    const connection = new Redis(this.settings.redisUrl, {
      connectionName: 'notifier-alert-workers',
      maxRetriesPerRequest: null,
    });
    this.connection = connection;
    const fanOut = new Worker(FAN_OUT_QUEUE, (job) => this.fanOut(job), {
      connection,
      prefix: QUEUE_PREFIX,
      concurrency: 2,
      // Selecting a province's million subscribers takes a while; the lock is renewed meanwhile.
      lockDuration: 120_000,
    });
    this.workers.push(fanOut);
    for (const channel of FAN_OUT_CHANNELS) {
      const worker = new Worker(sendQueueOf(channel), (job) => this.send(job), {
        connection,
        prefix: QUEUE_PREFIX,
        concurrency: this.settings.concurrency,
        limiter: { max: this.settings.requestsPerSecond[channel], duration: 1_000 },
      });
      this.workers.push(worker);
    }
    for (const worker of this.workers) {
      worker.on('error', (error) => this.logger.error({ err: error, queue: worker.name }, 'alert worker error'));
      worker.on('failed', (job, error) =>
        this.logger.warn(
          { err: error, queue: worker.name, jobId: job?.id, attempts: job?.attemptsMade },
          'alert job failed',
        ),
      );
    }
    await Promise.all(this.workers.map((worker) => worker.waitUntilReady()));
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.close()));
    await this.connection?.quit();
    this.connection = undefined;
  }

  private async fanOut(job: Job): Promise<number> {
    const { alertId } = FanOutJob.parse(job.data);
    const { targeted } = await traceContext.run({ traceId: alertId }, () => this.fanOutAlert.execute(alertId));
    return targeted;
  }

  private async send(job: Job): Promise<number> {
    const batch = SendJob.parse(job.data);
    const isLastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    try {
      const outcome = await traceContext.run({ traceId: batch.alertId }, () =>
        this.sendAlertBatch.execute(batch, isLastAttempt),
      );
      return outcome.sent;
    } catch (error) {
      // Postgres or the network away on the last attempt: what is still queued stays for the sweep, not failed.
      if (isLastAttempt)
        this.logger.error({ err: error, alertId: batch.alertId }, 'alert batch gave up; the sweep retries');
      throw error;
    }
  }
}
