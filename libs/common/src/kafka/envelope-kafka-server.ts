import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import { Logger } from 'pino';
import { EnvelopeContext } from './envelope-context';
import { kafkaMetrics } from './kafka-metrics';
import { OffsetCommitter } from './offset-committer';

export interface EnvelopeServerOptions {
  kafka: Kafka;
  groupId: string;
  logger: Logger;
  /** How long the broker may hold a fetch that has nothing to return. On the dev broker this is the latency floor. */
  maxWaitTimeInMs: number;
  sessionTimeoutMs?: number;
  /** How often handled offsets are committed. */
  commitIntervalMs?: number;
}

/**
 * A Nest transport that feeds @EventPattern(topic) handlers from kafkajs batches (Nest's own Kafka transport takes
 * one message at a time). Within a partition's batch, messages of different keys are handled concurrently and
 * messages of one key in order. Offsets are committed only up to the last message handled without error, after
 * handling (in the background, see OffsetCommitter); a failure is rethrown so kafkajs fetches the rest again
 * (handlers are idempotent).
 */
export class EnvelopeKafkaServer extends Server implements CustomTransportStrategy {
  private consumer: Consumer | undefined;
  private committer: OffsetCommitter | undefined;

  constructor(private readonly options: EnvelopeServerOptions) {
    super();
  }

  listen(callback: (error?: unknown) => void): void {
    this.start().then(() => callback(), callback);
  }

  async close(): Promise<void> {
    await this.committer?.commit();
    await this.consumer?.disconnect();
  }

  on(): never {
    throw new Error('EnvelopeKafkaServer has no events to listen to');
  }

  unwrap<T>(): T {
    if (!this.consumer) throw new Error('not started');
    return this.consumer as T;
  }

  private async start(): Promise<void> {
    const topics = [...this.messageHandlers.keys()];
    if (topics.length === 0) return;
    const consumer = this.options.kafka.consumer({
      groupId: this.options.groupId,
      sessionTimeout: this.options.sessionTimeoutMs ?? 10_000,
      heartbeatInterval: 1_000,
      maxWaitTimeInMs: this.options.maxWaitTimeInMs,
      allowAutoTopicCreation: true,
    });
    this.consumer = consumer;
    this.committer = new OffsetCommitter(consumer, this.options.commitIntervalMs ?? 200, this.options.logger);
    await consumer.connect();
    // Earliest, for a group's first start: a message accepted before its consumer ever ran must still be handled.
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 8,
      eachBatch: (payload) => this.handleBatch(payload),
    });
    this.options.logger.info({ topics, groupId: this.options.groupId }, 'consuming');
  }

  private async handleBatch({ batch, resolveOffset, heartbeat }: EachBatchPayload) {
    const stopTimer = kafkaMetrics.batchSeconds.startTimer({ topic: batch.topic });
    const handled = new Set<string>();
    const outcomes = await Promise.allSettled(
      [...groupByKey(batch.messages).values()].map(async (messagesOfKey) => {
        for (const message of messagesOfKey) {
          await this.dispatch(batch.topic, batch.partition, message);
          handled.add(message.offset);
        }
      }),
    );
    let nextOffset: string | undefined;
    for (const message of batch.messages) {
      if (!handled.has(message.offset)) break;
      resolveOffset(message.offset);
      nextOffset = (BigInt(message.offset) + 1n).toString();
    }
    if (nextOffset !== undefined) this.committer?.handledUpTo(batch.topic, batch.partition, nextOffset);
    await heartbeat();
    stopTimer();
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure) {
      kafkaMetrics.handled.inc({ topic: batch.topic, outcome: 'failed' });
      this.options.logger.error(
        { topic: batch.topic, partition: batch.partition, err: failure.reason },
        'handling failed; the message will be fetched again',
      );
      throw failure.reason;
    }
  }

  private async dispatch(topic: string, partition: number, message: KafkaMessage): Promise<void> {
    const handler = this.getHandlerByPattern(topic);
    if (!handler) throw new Error(`no handler for ${topic}`);
    const result = await handler(
      message.value?.toString('utf8') ?? '',
      new EnvelopeContext([message, topic, partition]),
    );
    if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
  }
}

function groupByKey(messages: KafkaMessage[]): Map<string, KafkaMessage[]> {
  const groups = new Map<string, KafkaMessage[]>();
  for (const message of messages) {
    const key = message.key?.toString('utf8') ?? '';
    const group = groups.get(key);
    if (group) group.push(message);
    else groups.set(key, [message]);
  }
  return groups;
}
