import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DelayedError, Job, Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { Logger } from 'pino';
import { z } from 'zod';
import { Channel } from '@libs/common/contracts/common-fields';
import { LOGGER } from '@libs/common/logging/logging.module';
import { traceContext } from '@libs/common/logging/trace-context';
import { CHANNEL_SENDERS, ChannelSender } from '../channels/channel-sender';
import { OutboundDeliveries } from './outbound-deliveries';
import { OUTBOUND_SETTINGS, OutboundSettings } from './outbound-settings';
import { SendNextReply, sendersByChannel } from './send-next-reply.use-case';

/** A job names a conversation, never a text: "send what is next in this conversation". */
const DeliveryJob = z.object({ conversationId: z.uuid(), traceId: z.string().optional() });
type DeliveryJob = z.infer<typeof DeliveryJob>;

/** Errors that are not about one reply (Redis, Postgres down): BullMQ retries the job itself a few times. */
const JOB_OPTIONS = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: true,
  // A failed job would keep its id and swallow the next kick with that id; the sweep covers what it leaves.
  removeOnFail: true,
};
const SWEEP_BATCH = 500;

export const queueNameOf = (channel: Channel) => `outbound-${channel}`;

/**
 * One BullMQ queue per channel (`outbound-wecom`…), worked on by every gateway replica.
 *
 * Ordered delivery per conversation: the order lives in Postgres, not in the queue. Each reply has a row
 * (gateway.outbound_deliveries, seq = stored order) and a job that only names its conversation. A job takes the
 * conversation's oldest open row under a per-conversation advisory lock and a lease, sends it, and settles it; if
 * that row is in backoff or another worker is sending it, the job moves itself to delayed (BullMQ) and comes back
 * then. So whichever job and replica runs, a conversation's replies go out oldest first, one at a time, and a
 * retryable failure holds back the replies behind it until it is sent or dead-lettered. Attempts and backoff are
 * counted on the row (several jobs may carry one row), which also honours a vendor's retry-after. The rate limit is
 * BullMQ's limiter on the queue (shared by all replicas); one job makes at most one vendor call.
 */
@Injectable()
export class OutboundQueues implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly senders: ReadonlyMap<Channel, ChannelSender>;
  private readonly queues = new Map<Channel, Queue<DeliveryJob>>();
  private readonly workers: Worker<DeliveryJob>[] = [];
  private producerConnection: Redis | undefined;
  private workerConnection: Redis | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly sendNextReply: SendNextReply,
    private readonly deliveries: OutboundDeliveries,
    @Inject(CHANNEL_SENDERS) senders: ChannelSender[],
    @Inject(OUTBOUND_SETTINGS) private readonly settings: OutboundSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.senders = sendersByChannel(senders);
  }

  isConnected(channel: Channel): boolean {
    return this.senders.has(channel);
  }

  /**
   * Asks the channel's workers to send what is next in the conversation. `jobId` makes the kick idempotent while
   * its job exists (the reply's id: a redelivered reply adds no second job).
   */
  async kick(channel: Channel, conversationId: string, jobId: string): Promise<void> {
    const data: DeliveryJob = { conversationId, traceId: traceContext.current()?.traceId };
    await this.queueOf(channel).add('deliver', data, { ...JOB_OPTIONS, jobId });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  async start(): Promise<void> {
    // Workers block on Redis and must retry for ever (BullMQ requires it); producers fail fast instead, so a Kafka
    // reply whose job cannot be added is retried by the consumer rather than hanging it.
    const connection = new Redis(this.settings.redisUrl, {
      connectionName: 'gateway-outbound-worker',
      maxRetriesPerRequest: null,
    });
    this.workerConnection = connection;
    for (const channel of this.senders.keys()) {
      const worker = new Worker<DeliveryJob>(queueNameOf(channel), (job, token) => this.process(job, token), {
        connection,
        prefix: this.settings.prefix,
        concurrency: this.settings.concurrency,
        limiter: { max: this.settings.rateLimits.messagesPerSecond(channel), duration: 1_000 },
      });
      worker.on('error', (error) => this.logger.error({ err: error, channel }, 'outbound worker error'));
      worker.on('failed', (job, error) =>
        this.logger.error({ err: error, channel, jobId: job?.id }, 'outbound job failed; BullMQ or the sweep retries'),
      );
      this.workers.push(worker);
    }
    await Promise.all(this.workers.map((worker) => worker.waitUntilReady()));
    if (this.settings.sweepEveryMs > 0) {
      this.sweepTimer = setInterval(() => {
        this.sweep().catch((error) => this.logger.error({ err: error }, 'outbound sweep failed'));
      }, this.settings.sweepEveryMs);
      this.sweepTimer.unref();
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.sweepTimer);
    // Workers first: they finish the sends in hand while Postgres and Redis are still there.
    await Promise.all(this.workers.splice(0).map((worker) => worker.close()));
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
    await this.workerConnection?.quit();
    await this.producerConnection?.quit();
    this.workerConnection = undefined;
    this.producerConnection = undefined;
  }

  /**
   * Kicks conversations whose due replies made no progress for a while: their job was lost (Redis flushed or failed
   * over, a job that failed for good). One sweep job per conversation at a time, whatever the number of replicas.
   */
  async sweep(): Promise<number> {
    const stalled = await this.deliveries.stalled(this.settings.stalledAfterMs, SWEEP_BATCH);
    const kicked = stalled.filter(({ channel }) => this.isConnected(channel));
    await Promise.all(
      kicked.map(({ channel, conversationId }) => this.kick(channel, conversationId, `sweep-${conversationId}`)),
    );
    if (kicked.length > 0)
      this.logger.warn({ conversations: kicked.length }, 'outbound sweep kicked stalled conversations');
    return kicked.length;
  }

  private async process(job: Job<DeliveryJob>, token: string | undefined): Promise<string> {
    const { conversationId, traceId } = DeliveryJob.parse(job.data);
    const outcome = await traceContext.run({ traceId: traceId ?? job.id ?? conversationId, conversationId }, () =>
      this.sendNextReply.execute(conversationId),
    );
    if (outcome.kind !== 'later') return outcome.kind;
    // Busy: the other worker's send normally ends long before its lease; look again soon rather than at the lease.
    const at =
      outcome.reason === 'busy'
        ? Math.min(outcome.at.getTime(), Date.now() + this.settings.busyRetryMs)
        : outcome.at.getTime();
    await job.moveToDelayed(at, token);
    throw new DelayedError();
  }

  private queueOf(channel: Channel): Queue<DeliveryJob> {
    const existing = this.queues.get(channel);
    if (existing) return existing;
    if (!this.isConnected(channel)) throw new Error(`no outbound queue for channel ${channel}`);
    this.producerConnection ??= new Redis(this.settings.redisUrl, {
      connectionName: 'gateway-outbound',
      maxRetriesPerRequest: 3,
    });
    const queue = new Queue<DeliveryJob>(queueNameOf(channel), {
      connection: this.producerConnection,
      prefix: this.settings.prefix,
    });
    queue.on('error', (error) => this.logger.error({ err: error, channel }, 'outbound queue error'));
    this.queues.set(channel, queue);
    return queue;
  }
}
