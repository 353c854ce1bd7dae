import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Queue, QueueEvents, Worker } from 'bullmq';
import Redis from 'ioredis';
import { Logger } from 'pino';
import { DomainError } from '@libs/common/errors/domain-error';
import { LOGGER } from '@libs/common/logging/logging.module';
import { TICKETING_CONFIG, TicketingConfig } from '../config';
import { ScanDeadlines, ScanResult } from './scan-deadlines.use-case';

const QUEUE = 'ticketing-deadline-scan';
const SCHEDULER_ID = 'deadline-scan';
const JOB_OPTIONS = { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } };
/** How long an administrator's "scan now" waits for the worker before answering that the scan is still running. */
const SCAN_NOW_WAIT_MS = 30_000;

/**
 * Runs the deadline scan on a BullMQ job scheduler in the app's Redis: every replica upserts the same scheduler at
 * start (one schedule, however many replicas and restarts) and runs a worker; each scheduled scan is taken by one of
 * them. The scan compares deadlines with the clock, not with when a job fires, so a late or missed job only delays
 * alerts and never loses one; and "scan now" goes through the same queue and worker.
 */
@Injectable()
export class DeadlineScanScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private connection: Redis | undefined;
  private queue: Queue<Record<string, never>, ScanResult> | undefined;
  private events: QueueEvents | undefined;
  private worker: Worker<Record<string, never>, ScanResult> | undefined;

  constructor(
    private readonly scan: ScanDeadlines,
    @Inject(TICKETING_CONFIG) private readonly config: TicketingConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // BullMQ needs a connection that retries commands for ever; the shared REDIS client gives up after 3.
    const connection = new Redis(this.config.REDIS_URL, {
      connectionName: 'ticketing-deadlines',
      maxRetriesPerRequest: null,
    });
    this.connection = connection;
    const logError = (what: string) => (error: Error) => this.logger.error({ err: error }, what);
    this.queue = new Queue(QUEUE, { connection });
    this.queue.on('error', logError('deadline scan queue error'));
    this.events = new QueueEvents(QUEUE, { connection });
    this.events.on('error', logError('deadline scan events error'));
    this.worker = new Worker(QUEUE, () => this.scan.execute(), { connection, concurrency: 1 });
    this.worker.on('error', logError('deadline scan worker error'));
    this.worker.on('failed', (job, error) =>
      this.logger.error({ err: error, jobId: job?.id }, 'deadline scan failed; the next one will try again'),
    );
    await Promise.all([this.events.waitUntilReady(), this.worker.waitUntilReady()]);
    await this.queue.upsertJobScheduler(
      SCHEDULER_ID,
      { every: this.config.DEADLINE_SCAN_EVERY_SECONDS * 1000 },
      { name: 'scan', data: {}, opts: JOB_OPTIONS },
    );
  }

  /** A scan now, by the worker, and its result: for administrators after changing deadlines, and for checks. */
  async scanNow(): Promise<ScanResult> {
    if (!this.queue || !this.events) throw new DomainError('unavailable', '预警扫描尚未启动，请稍后再试');
    const job = await this.queue.add('scan', {}, JOB_OPTIONS);
    try {
      return await job.waitUntilFinished(this.events, SCAN_NOW_WAIT_MS);
    } catch (error) {
      if ((await job.getState()) === 'failed') throw error;
      throw new DomainError('unavailable', '预警扫描仍在进行中，请稍后查看超期工单列表');
    }
  }

  async onModuleDestroy(): Promise<void> {
    // The worker first: it finishes the scan in hand while the database is still there.
    await this.worker?.close();
    await this.events?.close();
    await this.queue?.close();
    await this.connection?.quit();
  }
}
