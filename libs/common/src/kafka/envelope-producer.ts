import { Kafka, Message, Partitioners, Producer } from 'kafkajs';
import { Outgoing, topicSchemas } from '../contracts/topics';
import { ContractViolation } from './contract-violation';

interface Pending {
  topic: string;
  message: Message;
  resolve: () => void;
  reject: (error: Error) => void;
}

export interface ProducerOptions {
  /** How long a message may wait for others to share its request. */
  lingerMs: number;
  maxBatchSize: number;
}

/**
 * Produces envelopes, each checked against its topic's schema first. Everything queued within lingerMs goes out in
 * one request (one producer.send per message caps a chat at ~150 round trips/s on the dev broker; see
 * docs/adr/0002-batch-at-the-kafka-edges.md). Each caller's promise resolves when its batch is acknowledged.
 * One batch is in flight at a time, and what queues meanwhile goes next: concurrent sends could overtake each other
 * on their way to the broker, and the messages of one conversation must stay in order.
 */
export class EnvelopeProducer {
  private readonly producer: Producer;
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;

  constructor(
    kafka: Kafka,
    private readonly options: ProducerOptions = { lingerMs: 5, maxBatchSize: 500 },
  ) {
    this.producer = kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: true,
    });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  async disconnect(): Promise<void> {
    while (this.inFlight || this.queue.length > 0) await (this.inFlight ?? this.flush());
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
    await Promise.all(encoded.map(({ topic, message }) => this.enqueue(topic, message)));
  }

  /** For messages that must not be re-checked: dead letters carry the original bytes. */
  sendRaw(topic: string, message: Message): Promise<void> {
    return this.enqueue(topic, message);
  }

  private enqueue(topic: string, message: Message): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ topic, message, resolve, reject });
      if (this.inFlight) return;
      if (this.queue.length >= this.options.maxBatchSize) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), this.options.lingerMs);
    });
  }

  private flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.queue.splice(0, this.options.maxBatchSize);
    this.inFlight = this.sendBatch(batch).finally(() => {
      this.inFlight = undefined;
      if (this.queue.length > 0) void this.flush();
    });
    return this.inFlight;
  }

  private async sendBatch(batch: Pending[]): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    for (const { topic, message } of batch) {
      const messages = byTopic.get(topic);
      if (messages) messages.push(message);
      else byTopic.set(topic, [message]);
    }
    try {
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
      batch.forEach((pending) => pending.resolve());
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      batch.forEach((pending) => pending.reject(failure));
    }
  }
}
