import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { Outgoing } from '@libs/common/contracts/topics';
import { EnvelopeProducer } from '@libs/common/kafka/envelope-producer';
import { LOGGER } from '@libs/common/logging/logging.module';
import { traceContext } from '@libs/common/logging/trace-context';
import { Clock } from '@libs/common/time/clock';
import { alertPriority } from '../cap/alert-priority';
import { FanOut } from '../fanout/fan-out';
import { CapAlert } from '../cap/cap-alert';
import { alertAnnouncements } from './alert-announcements';
import { IdentifierReused } from './alert-errors';
import { AlertStore } from './alert-store';
import { referenceEffects } from './reference-effects';

export interface SubmittedAlert {
  alert: CapAlert;
  /** The document as it came, kept with the alert. */
  original: { xml: string } | { json: unknown };
  submittedBy: string;
}

export interface AlertReceipt {
  id: string;
  identifier: string;
  /** Recipients selected; 0 until targeting selects them. */
  targeted: number;
  /** The same document was accepted before: nothing new was stored. */
  isRepeat: boolean;
}

/**
 * An emergency office's CAP message, accepted: stored with its original, and, for an Update or Cancel, the alerts it
 * names superseded or withdrawn in the same transaction (a Cancel stops their queued deliveries there too). Posting
 * the same document again changes nothing and answers the same id; announcing is repeated, with the same ids.
 */
@Injectable()
export class AcceptAlert {
  constructor(
    private readonly dataSource: DataSource,
    private readonly alerts: AlertStore,
    private readonly producer: EnvelopeProducer,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly fanOut: FanOut,
  ) {}

  async execute(submitted: SubmittedAlert): Promise<AlertReceipt> {
    const { alert } = submitted;
    const receivedAt = this.clock.now();
    const contentHash = fingerprint(alert);
    const outcome = await this.dataSource.transaction(async (tx) => {
      // References first: they lock what the message changes, and a concurrent copy of this message then waits here
      // and finds the first one stored below, instead of refusing an already-cancelled alert.
      const linked = await this.alerts.lockLinked(tx, alert.references);
      const existing = await this.alerts.findByIdentifier(tx, alert.sender, alert.identifier);
      if (existing) return { id: existing.id, isRepeat: true, hash: existing.contentHash } as const;
      const effects = referenceEffects(alert.msgType, alert.references, linked);
      const id = randomUUID();
      const priority = alertPriority(alert.msgType, alert.info);
      const { original, submittedBy } = submitted;
      const isStored = await this.alerts.insert(tx, {
        id,
        alert,
        original,
        submittedBy,
        contentHash,
        priority,
        receivedAt,
      });
      if (!isStored) {
        const first = await this.alerts.findByIdentifier(tx, alert.sender, alert.identifier);
        if (!first) throw new Error('an alert vanished between its insert conflict and the lookup');
        return { id: first.id, isRepeat: true, hash: first.contentHash } as const;
      }
      await this.alerts.markUpdated(
        tx,
        effects.update.map((updated) => updated.id),
        id,
        receivedAt,
      );
      const stopped = await this.alerts.markCancelled(
        tx,
        effects.cancel.map((cancelled) => cancelled.id),
        id,
        receivedAt,
      );
      const cancelled = effects.cancel.map((linkedAlert) => ({
        alert: linkedAlert,
        stoppedDeliveries: stopped.get(linkedAlert.id) ?? 0,
      }));
      return { id, isRepeat: false, hash: contentHash, updated: effects.update, cancelled } as const;
    });
    if (outcome.hash !== contentHash) throw new IdentifierReused(alert.sender, alert.identifier);
    // Selecting and queueing the recipients runs as a job; a repeated POST starts a fan-out that never began.
    await this.fanOut.start(outcome.id);
    const targeted = outcome.isRepeat
      ? ((await this.alerts.deliveryCounts([outcome.id])).get(outcome.id)?.targeted ?? 0)
      : 0;
    const updated = outcome.isRepeat ? [] : outcome.updated;
    const cancelled = outcome.isRepeat ? [] : outcome.cancelled;
    await this.announce(
      alertAnnouncements(
        { alertId: outcome.id, alert, targeted, updated, cancelled },
        traceContext.traceId(),
        receivedAt,
      ),
    );
    this.logger.info(
      {
        alertId: outcome.id,
        identifier: alert.identifier,
        msgType: alert.msgType,
        isRepeat: outcome.isRepeat,
        updated: updated.length,
        cancelled: cancelled.length,
        stoppedDeliveries: cancelled.reduce((sum, entry) => sum + entry.stoppedDeliveries, 0),
      },
      'alert accepted',
    );
    return { id: outcome.id, identifier: alert.identifier, targeted, isRepeat: outcome.isRepeat };
  }

  /**
   * The alert is stored and will be delivered whatever Kafka does: these events are for analytics. Should the broker
   * be away, the office is still told the alert is accepted; posting the same document again announces it again.
   */
  private async announce(events: Outgoing[]): Promise<void> {
    try {
      await this.producer.send(events);
    } catch (error) {
      this.logger.error(
        { err: error, count: events.length },
        'alert events not sent; a repeated POST sends them again',
      );
    }
  }
}

/** The alert as read, not as written: the same alert in XML and in JSON, or with other whitespace, is the same. */
function fingerprint(alert: CapAlert): string {
  return createHash('sha256').update(JSON.stringify(alert)).digest('hex');
}
