import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Consumer, Kafka } from 'kafkajs';
import { EnvelopeProducer } from '@libs/common/kafka/envelope-producer';
import { ManagedProcess, startProcess } from '../../tools/dev/processes';

const ECHO_IN = 'bench.echo.in';
const ECHO_OUT = 'bench.echo.out';
/** The topics the echo baseline needs: pass them to the dev broker as extra topics. */
export const ECHO_TOPICS = [ECHO_IN, ECHO_OUT];

/**
 * The bare baseline: a plain kafkajs echo process (bench/kafka-echo.ts) copies `total` messages between two topics on
 * the same broker, with the apps' batching and fetch wait; returns the seconds it took. The process is added to
 * `processes` for the caller to stop.
 */
export async function echoBaseline(
  kafka: Kafka,
  producer: EnvelopeProducer,
  brokers: string,
  total: number,
  keys: string[],
  processes: ManagedProcess[],
): Promise<number> {
  processes.push(
    startProcess('echo', process.execPath, [join(__dirname, '..', 'kafka-echo.js'), brokers, ECHO_IN, ECHO_OUT, '10']),
  );
  return timeUntilAll(
    kafka,
    ECHO_OUT,
    total,
    async () => {
      await Promise.all(
        Array.from({ length: total }, (_, n) =>
          producer.sendRaw(ECHO_IN, { key: keys[n % keys.length], value: String(n) }),
        ),
      );
    },
    async () => {
      // Until the echo's group has joined, nothing comes back: probe first.
      await producer.sendRaw(ECHO_IN, { key: 'probe', value: 'probe' });
    },
  );
}

/**
 * Waits until the consumer group joined and a probe came back (so the clock does not count the join), then sends and
 * times until `count` further messages arrived on the topic. Replies that do not end a turn are not counted.
 */
export async function timeUntilAll(
  kafka: Kafka,
  topic: string,
  count: number,
  send: () => Promise<void>,
  probe: () => Promise<void>,
): Promise<number> {
  let received = 0;
  let isWarm = false;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const consumer: Consumer = kafka.consumer({ groupId: `bench-${randomUUID()}`, maxWaitTimeInMs: 10 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: false });
  await consumer.run({
    partitionsConsumedConcurrently: 8,
    eachBatch: async ({ batch }) => {
      if (!isWarm) {
        isWarm = true;
        return;
      }
      received += batch.messages.filter((message) => !String(message.value).includes('"endOfTurn":false')).length;
      if (received >= count) done();
    },
  });
  while (!isWarm) {
    await probe();
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  received = 0;
  const started = performance.now();
  await send();
  await finished;
  const seconds = (performance.now() - started) / 1000;
  await consumer.disconnect();
  return seconds;
}
