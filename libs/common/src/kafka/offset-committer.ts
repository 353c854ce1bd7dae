import { Consumer } from 'kafkajs';
import { Logger } from 'pino';

/**
 * Commits handled offsets in the background, a few times a second, instead of once per batch: an OffsetCommit waits
 * behind the fetch already in flight on the same connection (responses come in order), which cost every batch a whole
 * fetch wait. Only offsets of handled messages are ever committed; what a crash leaves uncommitted is fetched again
 * and dropped by the handlers' idempotency.
 */
export class OffsetCommitter {
  private readonly pending = new Map<string, { topic: string; partition: number; offset: string }>();
  private timer: NodeJS.Timeout | undefined;
  private committing: Promise<void> | undefined;

  constructor(
    private readonly consumer: Consumer,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  /** Everything before nextOffset in this partition is handled. */
  handledUpTo(topic: string, partition: number, nextOffset: string): void {
    this.pending.set(`${topic}/${partition}`, { topic, partition, offset: nextOffset });
    this.timer ??= setTimeout(() => void this.commit(), this.intervalMs);
  }

  async commit(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.committing;
    const offsets = [...this.pending.values()];
    this.pending.clear();
    if (offsets.length === 0) return;
    this.committing = this.consumer
      .commitOffsets(offsets)
      .catch((error: unknown) =>
        this.logger.warn({ err: error, offsets }, 'offset commit failed; redelivery will be dropped as duplicate'),
      )
      .finally(() => (this.committing = undefined));
    await this.committing;
  }
}
