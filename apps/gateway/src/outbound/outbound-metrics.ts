import { Counter, Histogram } from 'prom-client';

export const outboundMetrics = {
  attempts: new Counter({
    name: 'outbound_messages_total',
    help: 'Replies through the channel queues, by channel and outcome (enqueued, sent, failed = an attempt failed and will be retried, dead)',
    labelNames: ['channel', 'outcome'],
  }),
  delaySeconds: new Histogram({
    name: 'outbound_delivery_delay_seconds',
    help: 'From a reply being stored to its vendor accepting it, by channel',
    labelNames: ['channel'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60, 300, 900, 3600],
  }),
};
