import { Kafka, Message, Partitioners, Producer } from 'kafkajs';
import { Outgoing, topicSchemas } from '../contracts/topics';
import { MicroBatcher, MicroBatchOptions } from '../batching/micro-batcher';
import { ContractViolation } from './contract-violation';

export type ProducerOptions = MicroBatchOptions;

/**
 * Produces envelopes, each checked against its topic's schema first. Everything queued within lingerMs goes out in
 * one request (one producer.send per message caps a chat at ~150 round trips/s on the dev broker; see
 * docs/adr/0002-batch-at-the-kafka-edges.md). Each caller's promise resolves when its batch is acknowledged.
 * One batch is in flight at a time, and what queues meanwhile goes next: concurrent sends could overtake each other
 * on their way to the broker, and the messages of one conversation must stay in order.
 */
export class EnvelopeProducer {
  private readonly producer: Producer;
  private readonly batcher: MicroBatcher<{ topic: string; message: Message }, void>;

  constructor(kafka: Kafka, options: ProducerOptions = { lingerMs: 5, maxBatchSize: 500 }) {
    this.producer = kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: true,
    });
    this.batcher = new MicroBatcher((batch) => this.sendBatch(batch), options);
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  async disconnect(): Promise<void> {
    await this.batcher.drain();
    await this.producer.disconnect();
  }

  /** Resolves once every message is acknowledged by the broker; rejects (nothing partial to undo) otherwise. */
  async send(messages: Outgoing | Outgoing[]): Promise<void> {
    const list = Array.isArray(messages) ? messages : [messages];
    const encoded = list.map(({ topic, envelope }) => {
      const checked = topicSchemas[topic].safeParse(envelope);
      if (!checked.success) throw new ContractViolation(topic, checked.error);
      return { topic, message: { key: envelope.key, value: JSON.stringify(checked.data) } };
    });
    await Promise.all(encoded.map((one) => this.batcher.add(one)));
  }

  /** For messages that must not be re-checked: dead letters carry the original bytes. */
  sendRaw(topic: string, message: Message): Promise<void> {
    return this.batcher.add({ topic, message });
  }

  private async sendBatch(batch: Array<{ topic: string; message: Message }>): Promise<void[]> {
    const byTopic = new Map<string, Message[]>();
    for (const { topic, message } of batch) {
      const messages = byTopic.get(topic);
      if (messages) messages.push(message);
      else byTopic.set(topic, [message]);
    }
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
    return batch.map(() => undefined);
  }
}
