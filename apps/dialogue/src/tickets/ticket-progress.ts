import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TicketChangedV1, TicketCreatedV1 } from '@libs/common/contracts/ticket-events.v1';

export interface TicketProgress {
  ticketNo: string;
  departmentName: string;
  status: string;
  acceptedAt: string;
  workingDays: number;
  dueAt: string | null;
}

interface ProgressRow {
  ticket_no: string;
  department_name: string;
  status: string;
  accepted_at: Date;
  working_days: number;
  due_at: Date | null;
}

/** The work orders opened from a conversation, as ticket.events.v1 reported them. */
@Injectable()
export class TicketProgressStore {
  constructor(private readonly dataSource: DataSource) {}

  async recordCreated(ticket: TicketCreatedV1): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO dialogue.ticket_progress
         (ticket_no, conversation_id, department_name, status, accepted_at, working_days, due_at, updated_at)
       VALUES ($1, $2, $3, 'assigned', $4, $5, $6, now())
       ON CONFLICT (ticket_no) DO NOTHING`,
      [
        ticket.ticketNo,
        ticket.conversationId,
        ticket.departmentName,
        ticket.acceptedAt,
        ticket.workingDays,
        ticket.dueAt,
      ],
    );
  }

  async recordChanged(ticket: TicketChangedV1): Promise<void> {
    await this.dataSource.query(
      `UPDATE dialogue.ticket_progress SET status = $2, department_name = $3, working_days = $4, due_at = $5,
         updated_at = now() WHERE ticket_no = $1`,
      [ticket.ticketNo, ticket.status, ticket.departmentName, ticket.workingDays, ticket.dueAt],
    );
  }

  /** Newest first. Only this conversation's: a ticket number alone never shows someone else's work order. */
  async ofConversation(conversationId: string, ticketNo?: string): Promise<TicketProgress[]> {
    const rows: ProgressRow[] = await this.dataSource.query(
      `SELECT * FROM dialogue.ticket_progress
        WHERE conversation_id = $1 AND ($2::text IS NULL OR ticket_no = $2)
        ORDER BY accepted_at DESC LIMIT 3`,
      [conversationId, ticketNo ?? null],
    );
    return rows.map((row) => ({
      ticketNo: row.ticket_no,
      departmentName: row.department_name,
      status: row.status,
      acceptedAt: row.accepted_at.toISOString(),
      workingDays: row.working_days,
      dueAt: row.due_at?.toISOString() ?? null,
    }));
  }
}
