import { Counter, Histogram } from 'prom-client';

export const kafkaMetrics = {
  handled: new Counter({
    name: 'kafka_messages_handled_total',
    help: 'Messages consumed, by topic and outcome (handled, duplicate, dead_lettered, failed)',
    labelNames: ['topic', 'outcome'],
  }),
  batchSeconds: new Histogram({
    name: 'kafka_batch_duration_seconds',
    help: 'Time to handle one fetched batch of one partition',
    labelNames: ['topic'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  }),
};
