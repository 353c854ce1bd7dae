import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { Lang } from '@libs/common/contracts/common-fields';
import { CapSeverity, CapUrgency } from '../cap/cap-enumerations';
import { AlertArea } from '../targeting/alert-area';
import { InfoForText } from './alert-text';
import { FanOutChannel } from './fan-out-settings';
import { QueuedRecipient } from './send-batches';
import { ReceiptOutcome } from './sms-receipt-outcome';

/** Rows per INSERT … SELECT FROM unnest: large enough to be cheap per row, small enough to keep locks short. */
const INSERT_CHUNK = 10_000;

export interface AlertToFanOut {
  id: string;
  status: string;
  msgType: string;
  state: 'active' | 'updated' | 'cancelled';
  priority: number;
  fannedOut: boolean;
  infos: Array<{ urgency: CapUrgency; severity: CapSeverity; areas: AlertArea[] }>;
}

/** The part of a stored CAP <area> (cap-alert.ts, kept as JSON) that targeting reads. */
const StoredArea = z.object({
  regionCodes: z.array(z.string()).default([]),
  polygon: z.array(z.array(z.object({ lat: z.number(), lon: z.number() }))).default([]),
  circle: z
    .array(z.object({ centre: z.object({ lat: z.number(), lon: z.number() }), radiusKm: z.number() }))
    .default([]),
});

export interface ClaimedRecipient {
  subscriberId: string;
  addressCipher: string;
}

/**
 * notifier.deliveries as the fan-out uses it: one row per alert and recipient, the truth about who got what. Redis
 * only holds jobs pointing at rows; a row is claimed (queued → sending) in one UPDATE before its message leaves, so
 * a job run twice, or a Cancel committed meanwhile, never sends a message twice or after its withdrawal. The vendor's
 * answer settles it (sent, failed, or back to queued); a row left sending by a worker that died before the answer
 * is queued again by the sweep, so everyone is reached at least once: twice only if that worker died after the
 * vendor took the message and before its answer was stored.
 */
@Injectable()
export class AlertDeliveries {
  constructor(private readonly dataSource: DataSource) {}

  async alert(alertId: string): Promise<AlertToFanOut | undefined> {
    const [row]: Array<{
      id: string;
      status: string;
      msg_type: string;
      state: AlertToFanOut['state'];
      priority: number;
      fanned_out_at: Date | null;
    }> = await this.dataSource.query(
      `SELECT id, status, msg_type, state, priority, fanned_out_at FROM notifier.alerts WHERE id = $1`,
      [alertId],
    );
    if (!row) return undefined;
    const infos: Array<{ urgency: CapUrgency; severity: CapSeverity; areas: unknown }> = await this.dataSource.query(
      `SELECT urgency, severity, areas FROM notifier.alert_infos WHERE alert_id = $1 ORDER BY position`,
      [alertId],
    );
    return {
      id: row.id,
      status: row.status,
      msgType: row.msg_type,
      state: row.state,
      priority: row.priority,
      fannedOut: row.fanned_out_at !== null,
      infos: infos.map((info) => ({
        urgency: info.urgency,
        severity: info.severity,
        areas: z
          .array(StoredArea)
          .parse(info.areas)
          .map((area) => ({ regionCodes: area.regionCodes, polygons: area.polygon, circles: area.circle })),
      })),
    };
  }

  /** The infos a message is written from; for a Cancel without infos of its own, those of the alerts it withdrew. */
  async infosForText(alertId: string): Promise<{ msgType: string; infos: InfoForText[] }> {
    const rows: Array<InfoForText & { own: boolean; msgType: string }> = await this.dataSource.query(
      `SELECT i.lang, i.event, i.headline, i.instruction, i.web, i.contact, i.sender_name AS "senderName",
              (i.alert_id = $1) AS own, a.msg_type AS "msgType"
         FROM notifier.alert_infos i JOIN notifier.alerts a ON a.id = i.alert_id
        WHERE i.alert_id = $1 OR a.cancelled_by = $1
        ORDER BY (i.alert_id = $1) DESC, i.position`,
      [alertId],
    );
    const [{ msgType }] = await this.dataSource.query(
      `SELECT msg_type AS "msgType" FROM notifier.alerts WHERE id = $1`,
      [alertId],
    );
    const own = rows.filter((row) => row.own);
    const withdrawn = rows.filter((row) => !row.own);
    const infos = msgType === 'Cancel' && withdrawn.length > 0 ? withdrawn : own;
    return { msgType, infos: infos.map(({ own: _own, msgType: _type, ...info }) => info) };
  }

  /**
   * One row per recipient, queued (or cancelled at once when the alert was withdrawn or superseded while its fan-out
   * ran), in chunks; rows that exist already (a fan-out resumed after a restart) are left as they are. Returns how
   * many rows are new. No ids come back: the caller queues jobs for every recipient, and a job for a row already sent
   * (or queued by an earlier run) claims nothing.
   */
  async insertQueued(alertId: string, recipients: readonly QueuedRecipient[]): Promise<number> {
    let inserted = 0;
    for (let start = 0; start < recipients.length; start += INSERT_CHUNK) {
      const chunk = recipients.slice(start, start + INSERT_CHUNK);
      const [{ count }]: Array<{ count: number }> = await this.dataSource.query(
        `WITH inserted AS (
           INSERT INTO notifier.deliveries (alert_id, subscriber_id, channel, state, send_after, cancelled_at)
           SELECT $1, r.subscriber_id, r.channel, CASE WHEN a.state = 'active' THEN 'queued' ELSE 'cancelled' END,
                  r.send_after, CASE WHEN a.state = 'active' THEN NULL ELSE now() END
             FROM unnest($2::uuid[], $3::text[], $4::timestamptz[]) AS r(subscriber_id, channel, send_after)
             JOIN notifier.alerts a ON a.id = $1
           ON CONFLICT (alert_id, subscriber_id) DO NOTHING
           RETURNING 1)
         SELECT count(*)::int AS count FROM inserted`,
        [
          alertId,
          chunk.map((recipient) => recipient.subscriberId),
          chunk.map((recipient) => recipient.channel),
          chunk.map((recipient) => recipient.sendAfter),
        ],
      );
      inserted += count;
    }
    return inserted;
  }

  /** Who already got the alerts a Cancel withdrew (or is getting them now): they get the cancellation. */
  async reachedBeforeCancel(cancelId: string): Promise<QueuedRecipient[]> {
    const rows: Array<{ subscriber_id: string; channel: FanOutChannel; lang: Lang; elder_mode: boolean }> =
      await this.dataSource.query(
        `SELECT DISTINCT ON (d.subscriber_id) d.subscriber_id, d.channel, s.lang, s.elder_mode
           FROM notifier.deliveries d
           JOIN notifier.alerts a ON a.id = d.alert_id AND a.cancelled_by = $1
           JOIN notifier.subscribers s ON s.id = d.subscriber_id
          WHERE d.state IN ('sending', 'sent', 'delivered')`,
        [cancelId],
      );
    return rows.map((row) => ({
      subscriberId: row.subscriber_id,
      channel: row.channel,
      lang: row.lang,
      elderMode: row.elder_mode,
      sendAfter: null,
    }));
  }

  /**
   * An Update supersedes what the alerts it replaces still had queued: those recipients get the new content from
   * the Update's own fan-out (if its area still covers them), not the old one as well.
   */
  async supersedeQueued(updateId: string): Promise<number> {
    const [{ count }]: Array<{ count: number }> = await this.dataSource.query(
      `WITH superseded AS (
         UPDATE notifier.deliveries d SET state = 'cancelled', cancelled_at = now(), last_error = 'superseded'
           FROM notifier.alerts a
          WHERE a.replaced_by = $1 AND d.alert_id = a.id AND d.state = 'queued'
         RETURNING d.subscriber_id)
       SELECT count(*)::int AS count FROM superseded`,
      [updateId],
    );
    return count;
  }

  async markFannedOut(alertId: string, targeted: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifier.alerts SET fanned_out_at = now(), targeted = $2 WHERE id = $1 AND fanned_out_at IS NULL`,
      [alertId, targeted],
    );
  }

  /**
   * Claims the batch's recipients still queued and due: queued → sending, with the address cipher to send to. What
   * a Cancel stopped, another run of the job took, or quiet hours still hold, is not returned.
   */
  async claim(alertId: string, subscriberIds: readonly string[]): Promise<ClaimedRecipient[]> {
    const rows: Array<{ subscriber_id: string; address_cipher: string }> = await this.dataSource.query(
      // In a CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, count].
      `WITH claimed AS (
         UPDATE notifier.deliveries d SET state = 'sending', sent_at = now(), attempts = d.attempts + 1
           FROM notifier.subscribers s
          WHERE d.alert_id = $1 AND d.subscriber_id = ANY($2::uuid[]) AND d.state = 'queued'
            AND (d.send_after IS NULL OR d.send_after <= now()) AND s.id = d.subscriber_id
            -- Withdrawn or superseded while this job waited: nothing more of it goes out.
            AND EXISTS (SELECT 1 FROM notifier.alerts a WHERE a.id = d.alert_id AND a.state = 'active')
         RETURNING d.subscriber_id, s.address_cipher)
       SELECT subscriber_id, address_cipher FROM claimed`,
      [alertId, subscriberIds],
    );
    return rows.map((row) => ({ subscriberId: row.subscriber_id, addressCipher: row.address_cipher }));
  }

  /** The vendor took them: sending → sent, with its message ids (for the receipts) where it gave one. */
  async markSent(
    alertId: string,
    sent: ReadonlyArray<{ subscriberId: string; vendorMessageId: string | null }>,
  ): Promise<void> {
    if (sent.length === 0) return;
    await this.dataSource.query(
      `UPDATE notifier.deliveries d SET state = 'sent', vendor_message_id = v.vendor_message_id, last_error = NULL
         FROM unnest($2::uuid[], $3::text[]) AS v(subscriber_id, vendor_message_id)
        WHERE d.alert_id = $1 AND d.subscriber_id = v.subscriber_id AND d.state = 'sending'`,
      [alertId, sent.map((one) => one.subscriberId), sent.map((one) => one.vendorMessageId)],
    );
  }

  /**
   * Not sent after all, worth another attempt: back to queued, unless the alert was cancelled or superseded
   * meanwhile (nothing more of it goes out, and a queued row of it would wait for ever).
   */
  async release(alertId: string, subscriberIds: readonly string[], error: string): Promise<void> {
    if (subscriberIds.length === 0) return;
    await this.dataSource.query(
      `UPDATE notifier.deliveries d
          SET state = CASE WHEN a.state = 'active' THEN 'queued' ELSE 'cancelled' END,
              cancelled_at = CASE WHEN a.state = 'active' THEN NULL ELSE now() END,
              sent_at = NULL, last_error = $3
         FROM notifier.alerts a
        WHERE a.id = d.alert_id AND d.alert_id = $1 AND d.subscriber_id = ANY($2::uuid[]) AND d.state = 'sending'`,
      [alertId, subscriberIds, error.slice(0, 200)],
    );
  }

  async markFailed(alertId: string, subscriberIds: readonly string[], error: string): Promise<void> {
    if (subscriberIds.length === 0) return;
    await this.dataSource.query(
      `UPDATE notifier.deliveries SET state = 'failed', failed_at = now(), last_error = $3
        WHERE alert_id = $1 AND subscriber_id = ANY($2::uuid[]) AND state IN ('queued', 'sending')`,
      [alertId, subscriberIds, error.slice(0, 200)],
    );
  }

  /** Fails what is still queued of a batch whose last attempt is spent. */
  async failQueued(alertId: string, subscriberIds: readonly string[], error: string): Promise<void> {
    if (subscriberIds.length === 0) return;
    await this.dataSource.query(
      `UPDATE notifier.deliveries SET state = 'failed', failed_at = now(), last_error = $3
        WHERE alert_id = $1 AND subscriber_id = ANY($2::uuid[]) AND state = 'queued'`,
      [alertId, subscriberIds, error.slice(0, 200)],
    );
  }

  /**
   * A carrier's receipt: the delivery it names, still sent, becomes delivered or failed at the reported time (never
   * before it was sent: the carriers' clocks are not ours). An Aliyun BizId covers a whole request, so its row is the
   * one whose subscriber has the receipt's phone index. Returns how many rows changed: 0 for a receipt seen before,
   * or for an id no delivery has, which is kept a while (it may have come before the vendor's answer was stored).
   */
  async recordReceipt(outcome: ReceiptOutcome): Promise<number> {
    const [{ count }]: Array<{ count: number }> = await this.dataSource.query(
      `WITH received AS (
         UPDATE notifier.deliveries d
            SET state = CASE WHEN $2::boolean THEN 'delivered' ELSE 'failed' END,
                delivered_at = CASE WHEN $2::boolean THEN greatest(d.sent_at, $4::timestamptz) END,
                failed_at = CASE WHEN $2::boolean THEN NULL ELSE greatest(d.sent_at, $4::timestamptz) END,
                last_error = CASE WHEN $2::boolean THEN d.last_error ELSE $3 END
          WHERE d.vendor_message_id = $1 AND d.state = 'sent'
            AND ($5::text IS NULL OR d.subscriber_id IN (
                  SELECT s.id FROM notifier.subscribers s WHERE s.channel = 'sms' AND s.address_index = $5))
         RETURNING d.alert_id),
       -- No delivery has this id (yet): kept for applyEarlyReceipts, in case the vendor's answer is still on its way.
       kept AS (
         INSERT INTO notifier.early_receipts (vendor_message_id, recipient_phone_index, is_delivered, failure_code,
                                              reported_at)
         SELECT $1, $5, $2, $3, $4
          WHERE NOT EXISTS (SELECT 1 FROM notifier.deliveries WHERE vendor_message_id = $1))
       SELECT count(*)::int AS count FROM received`,
      [
        outcome.vendorMessageId,
        outcome.isDelivered,
        outcome.failureCode?.slice(0, 200) ?? null,
        outcome.reportedAt,
        outcome.recipientPhoneIndex,
      ],
    );
    return count;
  }

  /**
   * Receipts kept because no delivery had their id: applied where one has it now (the receipt came before the
   * vendor's answer was stored); those an hour old are forgotten (another system's messages on the same account).
   * Returns how many deliveries they settled.
   */
  async applyEarlyReceipts(): Promise<number> {
    const rows: Array<{
      id: string;
      vendor_message_id: string;
      recipient_phone_index: string | null;
      is_delivered: boolean;
      failure_code: string | null;
      reported_at: Date;
    }> = await this.dataSource.query(
      `SELECT e.id, e.vendor_message_id, e.recipient_phone_index, e.is_delivered, e.failure_code, e.reported_at
         FROM notifier.early_receipts e
        WHERE EXISTS (SELECT 1 FROM notifier.deliveries d WHERE d.vendor_message_id = e.vendor_message_id)
        ORDER BY e.id LIMIT 1000`,
    );
    let settled = 0;
    for (const row of rows) {
      settled += await this.recordReceipt({
        vendorMessageId: row.vendor_message_id,
        recipientPhoneIndex: row.recipient_phone_index,
        isDelivered: row.is_delivered,
        failureCode: row.failure_code,
        reportedAt: row.reported_at,
      });
    }
    await this.dataSource.query(
      `DELETE FROM notifier.early_receipts WHERE id = ANY($1::bigint[]) OR received_at < now() - interval '1 hour'`,
      [rows.map((row) => row.id)],
    );
    return settled;
  }

  /**
   * Rows claimed longer ago than the given time and still not settled: the worker died between claim and answer.
   * Queued again (the vendor may have taken them: at least once rather than not at all), or cancelled when their
   * alert no longer is active. Returns how many.
   */
  async requeueUnconfirmed(olderThanMs: number): Promise<number> {
    const [{ count }]: Array<{ count: number }> = await this.dataSource.query(
      `WITH requeued AS (
         UPDATE notifier.deliveries d
            SET state = CASE WHEN a.state = 'active' THEN 'queued' ELSE 'cancelled' END,
                cancelled_at = CASE WHEN a.state = 'active' THEN NULL ELSE now() END,
                sent_at = NULL, last_error = 'unconfirmed'
           FROM notifier.alerts a
          WHERE a.id = d.alert_id AND d.state = 'sending' AND d.sent_at < now() - make_interval(secs => $1)
         RETURNING d.subscriber_id)
       SELECT count(*)::int AS count FROM requeued`,
      [olderThanMs / 1000],
    );
    return count;
  }

  /** Alerts accepted but not yet fully selected and queued (the process stopped during the fan-out). */
  async unfinishedFanOuts(limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM notifier.alerts WHERE fanned_out_at IS NULL AND msg_type IN ('Alert', 'Update', 'Cancel')
          AND status IN ('Actual', 'Exercise', 'Test', 'System') ORDER BY received_at LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }

  /** Queued and due deliveries of fanned-out alerts, with what a job needs: for the sweep after a lost queue. */
  async dueQueued(limit: number): Promise<Array<QueuedRecipient & { alertId: string; priority: number }>> {
    const rows: Array<{
      alert_id: string;
      priority: number;
      subscriber_id: string;
      channel: FanOutChannel;
      lang: Lang;
      elder_mode: boolean;
    }> = await this.dataSource.query(
      `SELECT d.alert_id, a.priority, d.subscriber_id, d.channel, s.lang, s.elder_mode
         FROM notifier.deliveries d
         JOIN notifier.alerts a ON a.id = d.alert_id AND a.fanned_out_at IS NOT NULL AND a.state = 'active'
         JOIN notifier.subscribers s ON s.id = d.subscriber_id
        WHERE d.state = 'queued' AND (d.send_after IS NULL OR d.send_after <= now())
        ORDER BY a.priority, d.alert_id
        LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({
      alertId: row.alert_id,
      priority: row.priority,
      subscriberId: row.subscriber_id,
      channel: row.channel,
      lang: row.lang,
      elderMode: row.elder_mode,
      sendAfter: null,
    }));
  }

  /** The alert's CAP <sent>: the time a subscribe-message card shows. */
  async sentAt(alertId: string): Promise<Date> {
    const [row]: Array<{ sent: Date }> = await this.dataSource.query(`SELECT sent FROM notifier.alerts WHERE id = $1`, [
      alertId,
    ]);
    return row ? new Date(row.sent) : new Date();
  }
}
