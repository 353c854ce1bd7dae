import { eachAloneOnFailure, MicroBatcher } from './micro-batcher';

describe('a micro-batcher', () => {
  it('runs what arrives within the linger time as one batch, and answers each caller with its own result', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher(
      async (items: number[]) => {
        batches.push(items);
        return items.map((item) => item * 10);
      },
      { lingerMs: 5, maxBatchSize: 100 },
    );
    await expect(Promise.all([1, 2, 3].map((item) => batcher.add(item)))).resolves.toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('cuts batches at the maximum size and keeps the order of arrival across them', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher(
      async (items: number[]) => {
        batches.push(items);
        return items;
      },
      { lingerMs: 1, maxBatchSize: 2 },
    );
    await Promise.all([1, 2, 3, 4, 5].map((item) => batcher.add(item)));
    expect(batches.flat()).toEqual([1, 2, 3, 4, 5]);
    expect(Math.max(...batches.map((batch) => batch.length))).toBe(2);
  });

  it('runs one batch at a time: what comes while one runs waits for it', async () => {
    let running = 0;
    let most = 0;
    const batcher = new MicroBatcher(
      async (items: number[]) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        return items;
      },
      { lingerMs: 0, maxBatchSize: 1 },
    );
    await Promise.all([1, 2, 3, 4].map((item) => batcher.add(item)));
    expect(most).toBe(1);
  });

  it('rejects every caller of a failed batch, and goes on with the next one', async () => {
    const batcher = new MicroBatcher(
      async (items: number[]) => {
        if (items.includes(2)) throw new Error('refused');
        return items;
      },
      { lingerMs: 0, maxBatchSize: 1 },
    );
    const results = await Promise.allSettled([1, 2, 3].map((item) => batcher.add(item)));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('rejects a batch whose run answers the wrong number of results', async () => {
    const batcher = new MicroBatcher(async () => [1], { lingerMs: 0, maxBatchSize: 10 });
    await expect(Promise.all([batcher.add(1), batcher.add(2)])).rejects.toThrow('a batch of 2 gave 1 results');
  });

  it('drains: resolves once everything added has run', async () => {
    const done: number[] = [];
    const batcher = new MicroBatcher(
      async (items: number[]) => {
        done.push(...items);
        return items;
      },
      { lingerMs: 50, maxBatchSize: 100 },
    );
    void batcher.add(1);
    void batcher.add(2);
    await batcher.drain();
    expect(done).toEqual([1, 2]);
  });
});

describe('eachAloneOnFailure', () => {
  const doubleUnlessOdd = async (items: number[]) => {
    if (items.some((item) => item % 2 === 1)) throw new Error(`odd among ${items.join(',')}`);
    return items.map((item) => item * 2);
  };

  it('runs the items together when that works', async () => {
    const together = jest.fn(doubleUnlessOdd);
    expect(await eachAloneOnFailure(together)([2, 4, 6])).toEqual([4, 8, 12]);
    expect(together).toHaveBeenCalledTimes(1);
  });

  it('after a failure, runs each alone: only the item at fault gets an error', async () => {
    const results = await eachAloneOnFailure(doubleUnlessOdd)([2, 3, 4]);
    expect(results).toEqual([4, new Error('odd among 3'), 8]);
  });

  it('runs a single item alone, with its own way of doing one', async () => {
    const alone = jest.fn(async (item: number) => item + 100);
    expect(await eachAloneOnFailure(doubleUnlessOdd, alone)([5])).toEqual([105]);
  });
});
