import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { Outgoing, topicSchemas } from '@libs/common/contracts/topics';
import { EnvelopeProducer } from '@libs/common/kafka/envelope-producer';
import { LOGGER } from '@libs/common/logging/logging.module';

const RELAY_EVERY_MS = 5_000;
/** Events younger than this are still being sent by the request that wrote them. */
const RELAY_AFTER_MS = 10_000;

/**
 * The transactional outbox: a change and the events announcing it are committed together, then sent. A relay sends
 * what a crash left unsent; events are idempotent downstream (their ids), so sending twice is harmless.
 */
@Injectable()
export class Outbox implements OnModuleInit, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: EnvelopeProducer,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Within the change's transaction. */
  write(tx: EntityManager, causeId: string, events: Outgoing[]): Promise<void> {
    return this.writeAll(
      tx,
      events.map((event) => ({ causeId, event })),
    );
  }

  /** Events of many causes in one statement (the deadline scan's alerts, each its own cause), in the given order. */
  async writeAll(tx: EntityManager, entries: Array<{ causeId: string; event: Outgoing }>): Promise<void> {
    if (entries.length === 0) return;
    // clock_timestamp() rises row by row, so causedBy gives a replay its events in the order they were written.
    await tx.query(
      `INSERT INTO ticketing.outbox (id, cause_id, topic, envelope, created_at)
       SELECT id, cause_id, topic, envelope, clock_timestamp()
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[]) WITH ORDINALITY AS e(id, cause_id, topic, envelope, n)
        ORDER BY n
       ON CONFLICT (id) DO NOTHING`,
      [
        entries.map(({ event }) => event.envelope.id),
        entries.map(({ causeId }) => causeId),
        entries.map(({ event }) => event.topic),
        entries.map(({ event }) => JSON.stringify(event.envelope)),
      ],
    );
  }

  /** The events a cause (a consumed command's envelope id) already produced: a replay returns them again. */
  async causedBy(tx: EntityManager, causeId: string): Promise<Outgoing[] | undefined> {
    const rows: Array<{ topic: string; envelope: unknown }> = await tx.query(
      `SELECT topic, envelope FROM ticketing.outbox WHERE cause_id = $1 ORDER BY created_at, id`,
      [causeId],
    );
    return rows.length > 0 ? rows.map((row) => parseOutgoing(row.topic, row.envelope)) : undefined;
  }

  /** Sends events committed just now, and marks them sent. */
  async send(events: Outgoing[]): Promise<void> {
    if (events.length === 0) return;
    await this.producer.send(events);
    await this.dataSource.query(`UPDATE ticketing.outbox SET sent_at = now() WHERE id = ANY($1)`, [
      events.map((event) => event.envelope.id),
    ]);
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.relay(), RELAY_EVERY_MS);
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async relay(): Promise<void> {
    try {
      const rows: Array<{ topic: string; envelope: unknown }> = await this.dataSource.query(
        `SELECT topic, envelope FROM ticketing.outbox
          WHERE sent_at IS NULL AND created_at < now() - make_interval(secs => $1) ORDER BY created_at LIMIT 500`,
        [RELAY_AFTER_MS / 1000],
      );
      if (rows.length === 0) return;
      await this.send(rows.map((row) => parseOutgoing(row.topic, row.envelope)));
      this.logger.warn({ count: rows.length }, 'outbox relay sent events a crash had left unsent');
    } catch (error) {
      this.logger.error({ err: error }, 'outbox relay failed; will try again');
    }
  }
}

function parseOutgoing(topic: string, envelope: unknown): Outgoing {
  if (topic !== 'ticket.events.v1') throw new Error(`unexpected topic in the outbox: ${topic}`);
  return { topic, envelope: topicSchemas[topic].parse(envelope) };
}
