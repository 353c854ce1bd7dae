import { Kafka, logLevel } from 'kafkajs';
import { EnvelopeProducer } from '@libs/common/kafka/envelope-producer';

/**
 * The bare baseline: a kafkajs consumer that sends every message it reads straight back on another topic, with the
 * same micro-batching producer and fetch wait as the apps, on the same broker. No validation, no database, no Redis.
 *   node dist/bench/kafka-echo.js <brokers> <from-topic> <to-topic> <maxWaitMs>
 */
async function main() {
  const [brokers, from, to, maxWait] = process.argv.slice(2);
  const kafka = new Kafka({ clientId: 'bench-echo', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const producer = new EnvelopeProducer(kafka);
  await producer.connect();
  const consumer = kafka.consumer({ groupId: 'bench-echo', maxWaitTimeInMs: Number(maxWait) });
  await consumer.connect();
  await consumer.subscribe({ topic: from, fromBeginning: false });
  await consumer.run({
    partitionsConsumedConcurrently: 8,
    eachBatch: async ({ batch }) => {
      await Promise.all(
        batch.messages.map((message) => producer.sendRaw(to, { key: message.key, value: message.value })),
      );
    },
  });
  process.on(
    'SIGTERM',
    () =>
      void consumer
        .disconnect()
        .then(() => producer.disconnect())
        .then(() => process.exit(0)),
  );
}

void main();
