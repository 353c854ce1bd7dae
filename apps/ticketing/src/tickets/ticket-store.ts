import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { CreateTicketV1 } from '@libs/common/contracts/ticket-commands.v1';
import { FieldCipher } from '@libs/common/pii/field-cipher';
import { TicketEntity } from './ticket.entity';

export interface NewTicket {
  command: CreateTicketV1;
  sourceCommandId: string;
  departmentCode: string;
  acceptedAt: Date;
  workingDays: number;
  dueAt: Date | null;
  /** 签收 deadline: one working day. */
  signDueAt: Date | null;
}

/** Tickets in the ticketing schema. Numbers are GD + the acceptance date (Beijing) + a sequence: GD20261126000042. */
@Injectable()
export class TicketStore {
  private readonly tickets: Repository<TicketEntity>;

  constructor(
    dataSource: DataSource,
    private readonly cipher: FieldCipher,
  ) {
    this.tickets = dataSource.getRepository(TicketEntity);
  }

  /**
   * Inserts the ticket once per command; a second insert of the same command (a redelivery, a concurrent one) finds
   * the first. Within the caller's transaction when given its manager.
   */
  async insertOnce(ticket: NewTicket, manager: EntityManager = this.tickets.manager): Promise<TicketEntity> {
    const { command } = ticket;
    // 受理 and 派单 in one statement: the ticket, and the first line of its history.
    await manager.query(
      `WITH n AS (SELECT nextval('ticketing.ticket_no_seq')::text AS v),
       inserted AS (
         INSERT INTO ticketing.tickets (id, ticket_no, source_command_id, conversation_id, channel, citizen_id,
           source_message_id, lang, category, region_code, description_cipher, status, department_code, accepted_at,
           working_days, due_at, summary, location, sign_due_at, updated_at)
         SELECT $1, 'GD' || to_char($2::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(n.v, greatest(6, length(n.v)), '0'),
           $3, $4, $5, $6, $7, $8, $9, $10, $11, 'assigned', $12, $2, $13, $14, $15, $16, $17, $2
         FROM n
         ON CONFLICT (source_command_id) DO NOTHING
         RETURNING id, department_code, accepted_at)
       INSERT INTO ticketing.ticket_history (ticket_id, at, actor, action, from_status, to_status, details)
       SELECT id, accepted_at, 'system', 'dispatch', 'created', 'assigned', jsonb_build_object('departmentCode', department_code)
       FROM inserted`,
      [
        randomUUID(),
        ticket.acceptedAt,
        ticket.sourceCommandId,
        command.conversationId,
        command.channel,
        command.citizenId,
        command.sourceMessageId,
        command.lang,
        command.category,
        command.regionCode,
        this.cipher.encrypt(command.description),
        ticket.departmentCode,
        ticket.workingDays,
        ticket.dueAt,
        command.summary ? JSON.stringify(command.summary) : null,
        command.location ? JSON.stringify(command.location) : null,
        ticket.signDueAt,
      ],
    );
    return manager.findOneByOrFail(TicketEntity, { sourceCommandId: ticket.sourceCommandId });
  }

  findByNo(ticketNo: string): Promise<TicketEntity | null> {
    return this.tickets.findOneBy({ ticketNo });
  }

  /** Newest first; only the given department's when one is given. */
  list(options: { departmentCode?: string; limit: number; offset: number }): Promise<TicketEntity[]> {
    return this.tickets.find({
      where: options.departmentCode ? { departmentCode: options.departmentCode } : {},
      order: { acceptedAt: 'DESC' },
      take: options.limit,
      skip: options.offset,
    });
  }

  description(ticket: TicketEntity): string {
    return this.cipher.decrypt(ticket.descriptionCipher);
  }
}
