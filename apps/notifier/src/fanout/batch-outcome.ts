/** Thrown to have BullMQ try the batch again later: its recipients not sent are queued again. */
export class BatchToRetry extends Error {
  constructor(
    readonly code: string,
    readonly retryAfterMs?: number,
  ) {
    super(`alert batch to retry: ${code}`);
    this.name = 'BatchToRetry';
  }
}

export interface BatchOutcome {
  sent: number;
  failed: number;
}
