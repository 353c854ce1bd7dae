import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
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
   * Inserts each ticket once per command, all in one statement; a second insert of the same command (a redelivery,
   * a concurrent one) finds the first. Answers the tickets in the order given. Within the caller's transaction when
   * given its manager.
   */
  async insertAll(tickets: NewTicket[], manager: EntityManager = this.tickets.manager): Promise<TicketEntity[]> {
    if (tickets.length === 0) return [];
    const column = <T>(value: (ticket: NewTicket) => T): T[] => tickets.map(value);
    const json = (value: object | undefined) => (value ? JSON.stringify(value) : null);
    // 受理 and 派单 in one statement: the tickets, numbered in the order given, and the first line of each history.
    await manager.query(
      `WITH given AS (
         SELECT g.*, nextval('ticketing.ticket_no_seq')::text AS seq
           FROM unnest($1::uuid[], $2::timestamptz[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::uuid[],
                       $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::int[], $14::timestamptz[],
                       $15::jsonb[], $16::jsonb[], $17::timestamptz[])
                WITH ORDINALITY AS g(id, accepted_at, source_command_id, conversation_id, channel, citizen_id,
                  source_message_id, lang, category, region_code, description_cipher, department_code, working_days,
                  due_at, summary, location, sign_due_at, n)
          ORDER BY g.n),
       inserted AS (
         INSERT INTO ticketing.tickets (id, ticket_no, source_command_id, conversation_id, channel, citizen_id,
           source_message_id, lang, category, region_code, description_cipher, status, department_code, accepted_at,
           working_days, due_at, summary, location, sign_due_at, updated_at)
         SELECT id, 'GD' || to_char(accepted_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(seq, greatest(6, length(seq)), '0'),
           source_command_id, conversation_id, channel, citizen_id, source_message_id, lang, category, region_code,
           description_cipher, 'assigned', department_code, accepted_at, working_days, due_at, summary, location,
           sign_due_at, accepted_at
           FROM given ORDER BY n
         ON CONFLICT (source_command_id) DO NOTHING
         RETURNING id, department_code, accepted_at)
       INSERT INTO ticketing.ticket_history (ticket_id, at, actor, action, from_status, to_status, details)
       SELECT id, accepted_at, 'system', 'dispatch', 'created', 'assigned', jsonb_build_object('departmentCode', department_code)
       FROM inserted`,
      [
        column(() => randomUUID()),
        column((ticket) => ticket.acceptedAt),
        column((ticket) => ticket.sourceCommandId),
        column((ticket) => ticket.command.conversationId),
        column((ticket) => ticket.command.channel),
        column((ticket) => ticket.command.citizenId),
        column((ticket) => ticket.command.sourceMessageId),
        column((ticket) => ticket.command.lang),
        column((ticket) => ticket.command.category),
        column((ticket) => ticket.command.regionCode),
        column((ticket) => this.cipher.encrypt(ticket.command.description)),
        column((ticket) => ticket.departmentCode),
        column((ticket) => ticket.workingDays),
        column((ticket) => ticket.dueAt),
        column((ticket) => json(ticket.command.summary)),
        column((ticket) => json(ticket.command.location)),
        column((ticket) => ticket.signDueAt),
      ],
    );
    const found = await manager.findBy(TicketEntity, {
      sourceCommandId: In(column((ticket) => ticket.sourceCommandId)),
    });
    const byCommand = new Map(found.map((ticket) => [ticket.sourceCommandId, ticket]));
    return tickets.map(({ sourceCommandId }) => {
      const ticket = byCommand.get(sourceCommandId);
      if (!ticket) throw new Error(`ticket of command ${sourceCommandId} neither inserted nor found`);
      return ticket;
    });
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
