import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface HistoryEntry {
  at: string;
  actor: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  reason: string | null;
  details: Record<string, unknown>;
}

/** A ticket's history, oldest first. */
@Injectable()
export class TicketHistory {
  constructor(private readonly dataSource: DataSource) {}

  async of(ticketId: string): Promise<HistoryEntry[]> {
    const rows: Array<{
      at: Date;
      actor: string;
      action: string;
      from_status: string | null;
      to_status: string;
      reason: string | null;
      details: Record<string, unknown>;
    }> = await this.dataSource.query(
      `SELECT at, actor, action, from_status, to_status, reason, details
         FROM ticketing.ticket_history WHERE ticket_id = $1 ORDER BY id`,
      [ticketId],
    );
    return rows.map((row) => ({
      at: row.at.toISOString(),
      actor: row.actor,
      action: row.action,
      fromStatus: row.from_status,
      toStatus: row.to_status,
      reason: row.reason,
      details: row.details,
    }));
  }
}
