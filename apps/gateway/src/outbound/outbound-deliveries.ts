import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReplyV1 } from '@libs/common/contracts/channel-outbound.v1';
import { Channel } from '@libs/common/contracts/common-fields';
import { FieldCipher } from '@libs/common/pii/field-cipher';
import { OutboundMessage } from '../channels/channel-sender';
import { FailureView, stepFor } from './delivery-policy';

/** A reply to be delivered, as the queue knows it. */
export interface DeliveryKey {
  messageId: string;
  conversationId: string;
  channel: Channel;
}

/** A reply a worker has taken for one attempt: `attempts` counts this one and identifies it when settling. */
export interface ClaimedDelivery extends DeliveryKey {
  attempts: number;
  createdAt: Date;
}

export type Claim =
  | { kind: 'idle' }
  | { kind: 'wait'; until: Date }
  | { kind: 'busy'; until: Date }
  | { kind: 'claimed'; delivery: ClaimedDelivery }
  | { kind: 'abandoned'; delivery: ClaimedDelivery };

export interface DeadLetter {
  id: string;
  channel: Channel;
  conversationId: string;
  attempts: number;
  lastError: string | null;
  vendorCode: string | null;
  manualRetries: number;
  createdAt: string;
  deadAt: string | null;
}

export type Revival =
  | { kind: 'revived'; delivery: DeliveryKey; manualRetries: number }
  | { kind: 'unknown' }
  | { kind: 'not_dead'; status: string };

interface HeadRow {
  message_id: string;
  conversation_id: string;
  channel: Channel;
  status: 'pending' | 'sending';
  attempts: number;
  next_attempt_at: Date | null;
  lease_until: Date | null;
  created_at: Date;
  now: Date;
}

/**
 * gateway.outbound_deliveries: the state of every reply going out through a channel queue. Times are the
 * database's (now()), so replicas with drifting clocks agree on leases and backoffs. Updates that settle an attempt
 * name the attempt, so a worker that lost its lease cannot overwrite the outcome of the one that took over.
 */
@Injectable()
export class OutboundDeliveries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
  ) {}

  /** Adds a reply to its conversation's queue, once however often it is recorded. */
  async record(key: DeliveryKey): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO gateway.outbound_deliveries (message_id, conversation_id, channel) VALUES ($1, $2, $3)
       ON CONFLICT (message_id) DO NOTHING`,
      [key.messageId, key.conversationId, key.channel],
    );
  }

  /**
   * Takes the conversation's oldest open reply for one attempt, if it may go now. The advisory lock (per
   * conversation, for this short transaction only) makes reading the head and taking it one step across replicas.
   */
  claimHead(conversationId: string, maxAttempts: number, leaseMs: number): Promise<Claim> {
    return this.dataSource.transaction(async (tx): Promise<Claim> => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('gateway.outbound_deliveries'), hashtext($1))`, [
        conversationId,
      ]);
      const [head]: HeadRow[] = await tx.query(
        `SELECT message_id, conversation_id, channel, status, attempts, next_attempt_at, lease_until, created_at,
                now() AS now
           FROM gateway.outbound_deliveries
          WHERE conversation_id = $1 AND status IN ('pending', 'sending')
          ORDER BY seq LIMIT 1`,
        [conversationId],
      );
      if (!head) return { kind: 'idle' };
      const key = {
        messageId: head.message_id,
        conversationId: head.conversation_id,
        channel: head.channel,
        createdAt: head.created_at,
      };
      const step = stepFor(
        {
          status: head.status,
          attempts: head.attempts,
          nextAttemptAt: head.next_attempt_at,
          leaseUntil: head.lease_until,
        },
        head.now,
        maxAttempts,
      );
      if (step.kind === 'wait' || step.kind === 'busy') return step;
      if (step.kind === 'abandon') return { kind: 'abandoned', delivery: { ...key, attempts: head.attempts } };
      const [taken]: Array<{ attempts: number }> = await tx.query(
        `WITH taken AS (
           UPDATE gateway.outbound_deliveries
              SET status = 'sending', attempts = attempts + 1, next_attempt_at = NULL,
                  lease_until = now() + $2 * interval '1 millisecond', updated_at = now()
            WHERE message_id = $1
           RETURNING attempts)
         SELECT attempts FROM taken`,
        [head.message_id, leaseMs],
      );
      return { kind: 'claimed', delivery: { ...key, attempts: taken.attempts } };
    });
  }

  /** The reply's text and choices, decrypted for the sender, and the ticket it is news of. */
  async contentOf(messageId: string): Promise<Pick<OutboundMessage, 'text' | 'quickReplies' | 'ticket'>> {
    const [row]: Array<{ text_cipher: string; quick_replies: string[] | null; ticket: ReplyV1['ticket'] | null }> =
      await this.dataSource.query(`SELECT text_cipher, quick_replies, ticket FROM gateway.messages WHERE id = $1`, [
        messageId,
      ]);
    if (!row) throw new Error('outbound reply has no stored message');
    return {
      text: this.cipher.decrypt(row.text_cipher),
      ...(row.quick_replies ? { quickReplies: row.quick_replies } : {}),
      ...(row.ticket ? { ticket: row.ticket } : {}),
    };
  }

  /** False when this attempt no longer holds the reply (its lease lapsed and another worker took it). */
  async markSent(delivery: ClaimedDelivery, platformMessageId: string | undefined): Promise<boolean> {
    const rows = await this.settle(
      delivery,
      `status = 'sent', sent_at = now(), lease_until = NULL, platform_message_id = $3`,
      [platformMessageId?.slice(0, 200) ?? null],
    );
    return rows.length > 0;
  }

  /** Back to pending until the backoff is over; answers when that is, or undefined if this attempt lost the reply. */
  async markRetry(delivery: ClaimedDelivery, delayMs: number, failure: FailureView): Promise<Date | undefined> {
    const [row] = await this.settle(
      delivery,
      `status = 'pending', lease_until = NULL, next_attempt_at = now() + $3 * interval '1 millisecond',
       last_error = $4, vendor_code = $5`,
      [delayMs, failure.errorText, failure.vendorCode ?? null],
    );
    return row?.next_attempt_at ?? undefined;
  }

  async markDead(delivery: ClaimedDelivery, failure: FailureView): Promise<boolean> {
    const rows = await this.settle(
      delivery,
      `status = 'dead', dead_at = now(), lease_until = NULL, last_error = $3, vendor_code = $4`,
      [failure.errorText, failure.vendorCode ?? null],
    );
    return rows.length > 0;
  }

  /** Given-up replies, newest first: delivery facts only, never the text or the address. */
  async deadLetters(filter: { channel?: Channel; limit: number }): Promise<DeadLetter[]> {
    const rows: Array<{
      message_id: string;
      channel: Channel;
      conversation_id: string;
      attempts: number;
      last_error: string | null;
      vendor_code: string | null;
      manual_retries: number;
      created_at: Date;
      dead_at: Date | null;
    }> = await this.dataSource.query(
      `SELECT message_id, channel, conversation_id, attempts, last_error, vendor_code, manual_retries, created_at,
              dead_at
         FROM gateway.outbound_deliveries
        WHERE status = 'dead' AND ($1::text IS NULL OR channel = $1)
        ORDER BY dead_at DESC, seq DESC
        LIMIT $2`,
      [filter.channel ?? null, filter.limit],
    );
    return rows.map((row) => ({
      id: row.message_id,
      channel: row.channel,
      conversationId: row.conversation_id,
      attempts: row.attempts,
      lastError: row.last_error,
      vendorCode: row.vendor_code,
      manualRetries: row.manual_retries,
      createdAt: row.created_at.toISOString(),
      deadAt: row.dead_at?.toISOString() ?? null,
    }));
  }

  /** A dead reply back in its conversation's queue with fresh attempts (it keeps its place: the oldest goes first). */
  async revive(messageId: string): Promise<Revival> {
    const [revived]: Array<{ conversation_id: string; channel: Channel; manual_retries: number }> =
      await this.dataSource.query(
        `WITH revived AS (
           UPDATE gateway.outbound_deliveries
              SET status = 'pending', attempts = 0, next_attempt_at = NULL, lease_until = NULL, dead_at = NULL,
                  manual_retries = manual_retries + 1, updated_at = now()
            WHERE message_id = $1 AND status = 'dead'
           RETURNING conversation_id, channel, manual_retries)
         SELECT * FROM revived`,
        [messageId],
      );
    if (revived) {
      return {
        kind: 'revived',
        delivery: { messageId, conversationId: revived.conversation_id, channel: revived.channel },
        manualRetries: revived.manual_retries,
      };
    }
    const [existing]: Array<{ status: string }> = await this.dataSource.query(
      `SELECT status FROM gateway.outbound_deliveries WHERE message_id = $1`,
      [messageId],
    );
    return existing ? { kind: 'not_dead', status: existing.status } : { kind: 'unknown' };
  }

  /** Conversations with a reply that has been due, or held by a lapsed lease, for longer than `olderThanMs`. */
  async stalled(olderThanMs: number, limit: number): Promise<Array<{ conversationId: string; channel: Channel }>> {
    const rows: Array<{ conversation_id: string; channel: Channel }> = await this.dataSource.query(
      `SELECT DISTINCT conversation_id, channel
         FROM gateway.outbound_deliveries
        WHERE (status = 'pending' AND COALESCE(next_attempt_at, updated_at) < now() - $1 * interval '1 millisecond')
           OR (status = 'sending' AND lease_until < now() - $1 * interval '1 millisecond')
        LIMIT $2`,
      [olderThanMs, limit],
    );
    return rows.map((row) => ({ conversationId: row.conversation_id, channel: row.channel }));
  }

  private settle(
    delivery: ClaimedDelivery,
    assignments: string,
    values: unknown[],
  ): Promise<Array<{ next_attempt_at: Date | null }>> {
    return this.dataSource.query(
      `WITH settled AS (
         UPDATE gateway.outbound_deliveries SET ${assignments}, updated_at = now()
          WHERE message_id = $1 AND status = 'sending' AND attempts = $2
         RETURNING next_attempt_at)
       SELECT * FROM settled`,
      [delivery.messageId, delivery.attempts, ...values],
    );
  }
}
