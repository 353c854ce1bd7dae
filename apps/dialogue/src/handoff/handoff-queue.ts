import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { HandoffChangedV1 } from '@libs/common/contracts/conversation-events.v1';
import { Channel, Lang } from '@libs/common/contracts/common-fields';
import { DomainError } from '@libs/common/errors/domain-error';

export type HandoffStatus = HandoffChangedV1['status'];
export type HandoffReason = HandoffChangedV1['reason'];

export interface Handoff {
  id: string;
  conversationId: string;
  channel: Channel;
  lang: Lang;
  status: HandoffStatus;
  reason: HandoffReason;
  isPriority: boolean;
  requestedAt: string;
  takenBy: string | null;
}

interface HandoffRow {
  id: string;
  conversation_id: string;
  channel: Channel;
  lang: Lang;
  status: HandoffStatus;
  reason: HandoffReason;
  is_priority: boolean;
  requested_at: Date;
  taken_by: string | null;
}

export class HandoffNotFound extends DomainError {
  constructor(id: string) {
    super('not_found', `没有找到转人工记录 ${id}`);
  }
}

export class HandoffNotYours extends DomainError {
  constructor(status: HandoffStatus) {
    super('conflict', status === 'waiting' ? '请先接入该会话再操作' : '该会话已由其他坐席接入或已结束');
  }
}

/**
 * Conversations waiting for, or with, a person. Special groups (elderly, disabled) go ahead of the queue; within a
 * group, first come first served. Taking is first-wins across agents and replicas (a conditional UPDATE).
 */
@Injectable()
export class HandoffQueue {
  constructor(private readonly dataSource: DataSource) {}

  /** The open handoff of a conversation: waiting for, or with, a person. */
  async openFor(conversationId: string): Promise<Handoff | undefined> {
    const [row]: HandoffRow[] = await this.dataSource.query(
      `SELECT * FROM dialogue.handoffs WHERE conversation_id = $1 AND status IN ('waiting', 'active')`,
      [conversationId],
    );
    return row && view(row);
  }

  /** Puts a conversation in the queue, unless it already is (then that handoff is returned). */
  async request(request: {
    id?: string;
    conversationId: string;
    channel: Channel;
    lang: Lang;
    reason: HandoffReason;
    isPriority: boolean;
  }): Promise<Handoff> {
    await this.dataSource.query(
      `INSERT INTO dialogue.handoffs (id, conversation_id, channel, lang, status, reason, is_priority, requested_at)
       VALUES ($1, $2, $3, $4, 'waiting', $5, $6, now())
       ON CONFLICT (conversation_id) WHERE status IN ('waiting', 'active') DO NOTHING`,
      [
        request.id ?? randomUUID(),
        request.conversationId,
        request.channel,
        request.lang,
        request.reason,
        request.isPriority,
      ],
    );
    const open = await this.openFor(request.conversationId);
    if (!open) throw new Error('handoff vanished right after it was requested');
    return open;
  }

  /** How many are ahead of this one in the queue. */
  async ahead(handoff: Handoff): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS ahead FROM dialogue.handoffs
        WHERE status = 'waiting' AND id <> $1
          AND (is_priority > $2 OR (is_priority = $2 AND requested_at < $3))`,
      [handoff.id, handoff.isPriority, handoff.requestedAt],
    );
    return Number(row.ahead);
  }

  async waiting(): Promise<Handoff[]> {
    const rows: HandoffRow[] = await this.dataSource.query(
      `SELECT * FROM dialogue.handoffs WHERE status = 'waiting' ORDER BY is_priority DESC, requested_at LIMIT 200`,
    );
    return rows.map(view);
  }

  async activeWith(agent: string): Promise<Handoff[]> {
    const rows: HandoffRow[] = await this.dataSource.query(
      `SELECT * FROM dialogue.handoffs WHERE status = 'active' AND taken_by = $1 ORDER BY taken_at`,
      [agent],
    );
    return rows.map(view);
  }

  async take(id: string, agent: string): Promise<Handoff> {
    return this.transition(
      id,
      `UPDATE dialogue.handoffs SET status = 'active', taken_by = $2, taken_at = now()
        WHERE id = $1 AND status = 'waiting' RETURNING *`,
      [agent],
    );
  }

  /** The agent's own open handoff; anything else is refused. */
  async mine(id: string, agent: string): Promise<Handoff> {
    const handoff = await this.get(id);
    if (handoff.status !== 'active' || handoff.takenBy !== agent) throw new HandoffNotYours(handoff.status);
    return handoff;
  }

  async end(id: string, agent: string, status: 'returned' | 'closed'): Promise<Handoff> {
    return this.transition(
      id,
      `UPDATE dialogue.handoffs SET status = $3, ended_at = now(), ended_by = $2
        WHERE id = $1 AND status = 'active' AND taken_by = $2 RETURNING *`,
      [agent, status],
    );
  }

  /** The citizen no longer wants to wait. */
  async cancel(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE dialogue.handoffs SET status = 'closed', ended_at = now(), ended_by = 'citizen'
        WHERE id = $1 AND status = 'waiting'`,
      [id],
    );
  }

  private async get(id: string): Promise<Handoff> {
    const [row]: HandoffRow[] = await this.dataSource.query(`SELECT * FROM dialogue.handoffs WHERE id = $1`, [id]);
    if (!row) throw new HandoffNotFound(id);
    return view(row);
  }

  private async transition(id: string, sql: string, parameters: unknown[]): Promise<Handoff> {
    // TypeORM gives UPDATE … RETURNING as [rows, affected count].
    const [[row]]: [HandoffRow[], number] = await this.dataSource.query(sql, [id, ...parameters]);
    if (row) return view(row);
    throw new HandoffNotYours((await this.get(id)).status);
  }
}

function view(row: HandoffRow): Handoff {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    channel: row.channel,
    lang: row.lang,
    status: row.status,
    reason: row.reason,
    isPriority: row.is_priority,
    requestedAt: row.requested_at.toISOString(),
    takenBy: row.taken_by,
  };
}
