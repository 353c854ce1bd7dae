export interface MicroBatchOptions {
  /** How long an item may wait for others to share its batch. */
  lingerMs: number;
  maxBatchSize: number;
}

interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: Error) => void;
}

/**
 * Gathers the items that arrive within lingerMs (or until maxBatchSize) and hands them to `run` together: one Kafka
 * request or one multi-row INSERT for many concurrent callers instead of one each, which is what a 2-core machine
 * can afford (docs/adr/0002-batch-at-the-kafka-edges.md). `run` answers one result per item, in order; each caller's
 * promise settles with its own. One batch runs at a time and what queues meanwhile goes next, so items leave in the
 * order they came.
 */
export class MicroBatcher<T, R> {
  private queue: Array<Pending<T, R>> = [];
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly run: (items: T[]) => Promise<R[]>,
    private readonly options: MicroBatchOptions,
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.inFlight) return;
      if (this.queue.length >= this.options.maxBatchSize) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), this.options.lingerMs);
    });
  }

  /** Resolves when everything added so far has been run. */
  async drain(): Promise<void> {
    while (this.inFlight || this.queue.length > 0) await (this.inFlight ?? this.flush());
  }

  private flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.queue.splice(0, this.options.maxBatchSize);
    this.inFlight = this.runBatch(batch).finally(() => {
      this.inFlight = undefined;
      if (this.queue.length > 0) void this.flush();
    });
    return this.inFlight;
  }

  private async runBatch(batch: Array<Pending<T, R>>): Promise<void> {
    try {
      const results = await this.run(batch.map((pending) => pending.item));
      if (results.length !== batch.length) {
        throw new Error(`a batch of ${batch.length} gave ${results.length} results`);
      }
      batch.forEach((pending, index) => pending.resolve(results[index]));
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      batch.forEach((pending) => pending.reject(failure));
    }
  }
}

/**
 * For a MicroBatcher's `run` whose batch fails whole (one INSERT, one transaction): tries the items `together`,
 * and after a failure each `alone`, so that only an item at fault gets an error, as its result. Callers throw it.
 */
export function eachAloneOnFailure<T, R>(
  together: (items: T[]) => Promise<R[]>,
  alone: (item: T) => Promise<R> = async (item) => (await together([item]))[0],
): (items: T[]) => Promise<Array<R | Error>> {
  return async (items) => {
    if (items.length > 1) {
      const results = await together(items).catch(() => undefined);
      if (results) return results;
    }
    return Promise.all(
      items.map((item) =>
        alone(item).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
      ),
    );
  };
}
