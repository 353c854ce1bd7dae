import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import { z } from 'zod';
import { Envelope } from '../contracts/envelope';
import { deadLetterTopic, Outgoing } from '../contracts/topics';
import { DomainError } from '../errors/domain-error';
import { LOGGER } from '../logging/logging.module';
import { traceContext } from '../logging/trace-context';
import { describeIssues } from './contract-violation';
import { EnvelopeContext } from './envelope-context';
import { EnvelopeProducer } from './envelope-producer';
import { Inbox } from './inbox';
import { kafkaMetrics } from './kafka-metrics';

/** Handles one envelope and returns the messages it causes; the consumer produces them. */
export type Act<E> = (envelope: E) => Promise<Outgoing[]>;

/**
 * The one place the consume sequence lives. Three outcomes only:
 *  - handled: act ran, what it returned was produced, the envelope id is remembered (a redelivery is dropped);
 *  - dead-lettered: the message is not valid JSON, does not match its schema, or act threw a DomainError that can
 *    never succeed; it goes to <topic>.dlq with the reason in its headers and the consumer moves on;
 *  - thrown: anything else (database or broker trouble); the offset stays uncommitted and the message comes again.
 */
@Injectable()
export class EnvelopeConsumer {
  constructor(
    private readonly producer: EnvelopeProducer,
    private readonly inbox: Inbox,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async consume<S extends z.ZodType<Envelope>>(
    ctx: EnvelopeContext,
    raw: unknown,
    schema: S,
    act: Act<z.infer<S>>,
  ): Promise<void> {
    const topic = ctx.getTopic();
    const parsed = parseEnvelope(raw, schema);
    if (!parsed.ok) return this.deadLetter(ctx, parsed.reason);
    const envelope = parsed.envelope;
    const payload = envelope.payload as { conversationId?: unknown };
    const conversationId = typeof payload?.conversationId === 'string' ? payload.conversationId : undefined;
    return traceContext.run({ traceId: envelope.traceId, conversationId }, async () => {
      if (await this.inbox.seen(envelope.id)) {
        kafkaMetrics.handled.inc({ topic, outcome: 'duplicate' });
        return;
      }
      let outgoing: Outgoing[];
      try {
        outgoing = await act(envelope);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        await this.deadLetter(ctx, `${error.kind}: ${error.message}`);
        await this.inbox.remember(envelope.id);
        return;
      }
      await this.producer.send(outgoing);
      await this.inbox.remember(envelope.id);
      kafkaMetrics.handled.inc({ topic, outcome: 'handled' });
    });
  }

  private async deadLetter(ctx: EnvelopeContext, reason: string): Promise<void> {
    const topic = ctx.getTopic();
    const message = ctx.getMessage();
    await this.producer.sendRaw(deadLetterTopic(topic), {
      key: message.key,
      value: message.value,
      headers: {
        ...message.headers,
        'dlq-reason': reason.slice(0, 1000),
        'dlq-topic': topic,
        'dlq-partition': String(ctx.getPartition()),
        'dlq-offset': message.offset,
        'dlq-at': new Date().toISOString(),
      },
    });
    kafkaMetrics.handled.inc({ topic, outcome: 'dead_lettered' });
    this.logger.warn({ topic, partition: ctx.getPartition(), offset: message.offset, reason }, 'message dead-lettered');
  }
}

function parseEnvelope<S extends z.ZodType<Envelope>>(
  raw: unknown,
  schema: S,
): { ok: true; envelope: z.infer<S> } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = typeof raw === 'string' ? JSON.parse(raw) : raw;
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  const checked = schema.safeParse(json);
  return checked.success ? { ok: true, envelope: checked.data } : { ok: false, reason: describeIssues(checked.error) };
}
