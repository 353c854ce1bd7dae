import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Channel, Lang } from '@libs/common/contracts/common-fields';
import { ReminderRequestedV1 } from '@libs/common/contracts/conversation-events.v1';
import { FieldCipher } from '@libs/common/pii/field-cipher';

/** A reminder ready to send: its text decrypted. */
export interface DueReminder {
  id: string;
  conversationId: string;
  channel: Channel;
  date: string;
  subject: string;
  lang: Lang;
  elderMode: boolean;
}

interface ReminderRow {
  id: string;
  conversation_id: string;
  channel: Channel;
  remind_date: string;
  subject_cipher: string;
  lang: Lang;
  elder_mode: boolean;
}

/**
 * notifier.reminders. Postgres is the truth of what is still to send (`scheduled`); the BullMQ jobs only say when.
 * What to remind of is the citizen's own words: encrypted at rest like every other personal field.
 */
@Injectable()
export class Reminders {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
  ) {}

  /** Keeps the reminder once: the same request again (a replay) changes nothing. True when it is new. */
  async keep(request: ReminderRequestedV1): Promise<boolean> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO notifier.reminders (id, conversation_id, citizen_id, channel, remind_date, due_at, subject_cipher,
         lang, elder_mode)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO NOTHING
       RETURNING id`,
      [
        request.reminderId,
        request.conversationId,
        request.citizenId,
        request.channel,
        request.date,
        request.dueAt,
        this.cipher.encrypt(request.subject),
        request.lang,
        request.elderMode,
      ],
    );
    return rows.length > 0;
  }

  /** Cancels what the citizen set in this conversation and is not yet sent; the ids of those cancelled. */
  async cancelOf(conversationId: string, citizenId: string): Promise<string[]> {
    const [rows]: [Array<{ id: string }>, number] = await this.dataSource.query(
      `UPDATE notifier.reminders SET state = 'cancelled', cancelled_at = now(), updated_at = now()
       WHERE conversation_id = $1 AND citizen_id = $2 AND state = 'scheduled'
       RETURNING id`,
      [conversationId, citizenId],
    );
    return rows.map((row) => row.id);
  }

  /** The reminder, if it is still to be sent (not cancelled, not sent already). */
  async scheduled(id: string): Promise<DueReminder | undefined> {
    const [row]: ReminderRow[] = await this.dataSource.query(
      `SELECT id, conversation_id, channel, to_char(remind_date, 'YYYY-MM-DD') AS remind_date, subject_cipher, lang,
         elder_mode
       FROM notifier.reminders WHERE id = $1 AND state = 'scheduled'`,
      [id],
    );
    if (!row) return undefined;
    return {
      id: row.id,
      conversationId: row.conversation_id,
      channel: row.channel,
      date: row.remind_date,
      subject: this.cipher.decrypt(row.subject_cipher),
      lang: row.lang,
      elderMode: row.elder_mode,
    };
  }

  async markSent(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifier.reminders SET state = 'sent', sent_at = now(), updated_at = now()
       WHERE id = $1 AND state = 'scheduled'`,
      [id],
    );
  }

  /** The reminders still to send, soonest first: what the sweep checks against the queue. */
  async allScheduled(limit: number): Promise<Array<{ id: string; dueAt: Date }>> {
    const rows: Array<{ id: string; due_at: Date }> = await this.dataSource.query(
      `SELECT id, due_at FROM notifier.reminders WHERE state = 'scheduled' ORDER BY due_at LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({ id: row.id, dueAt: row.due_at }));
  }
}
