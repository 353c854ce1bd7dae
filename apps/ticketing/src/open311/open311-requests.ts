import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Channel } from '@libs/common/contracts/common-fields';
import { TicketSummaryV1 } from '@libs/common/contracts/ticket-commands.v1';
import { FieldCipher } from '@libs/common/pii/field-cipher';
import { TicketStatus } from '../tickets/ticket-lifecycle';
import { MAX_REQUESTS, Open311RequestQuery } from './open311-request-query';
import { PublicTicket } from './open311-request-view';
import { Open311Submission } from './open311-submission';

export interface Open311Contact {
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  deviceId: string | null;
  accountId: string | null;
}

/** One request as posted: the command that opens its ticket, the client that sent it, what it sent. */
export interface Open311Record {
  commandId: string;
  client: string;
  submission: Open311Submission;
}

interface PublicTicketRow {
  ticket_no: string;
  status: TicketStatus;
  category: string;
  channel: Channel;
  department_name: string;
  working_days: number;
  reopen_count: number;
  accepted_at: Date;
  updated_at: Date;
  due_at: Date | null;
  summary: TicketSummaryV1 | null;
  location: { lat: number; lon: number } | null;
  address_cipher: string | null;
  address_id: string | null;
}

const PUBLIC_TICKET = `
  SELECT t.ticket_no, t.status, t.category, t.channel, d.name AS department_name, t.working_days, t.reopen_count,
         t.accepted_at, t.updated_at, t.due_at, t.summary, t.location, o.address_cipher, o.address_id
    FROM ticketing.tickets t
    JOIN ticketing.departments d ON d.code = t.department_code
    LEFT JOIN ticketing.open311_requests o ON o.source_command_id = t.source_command_id`;

/**
 * What an Open311 request brings beyond its ticket (the submitter's contact details, encrypted; its address as
 * sent), and tickets as the public may see them.
 */
@Injectable()
export class Open311Requests {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
  ) {}

  /** In the transaction that opens their tickets, so that a ticket from Open311 never lacks its submitter's details. */
  async recordAll(tx: EntityManager, requests: Open311Record[], at: Date): Promise<void> {
    const column = <T>(value: (request: Open311Record) => T): T[] => requests.map(value);
    const sealed = (value: string | undefined) => (value === undefined ? null : this.cipher.encrypt(value));
    await tx.query(
      `INSERT INTO ticketing.open311_requests (source_command_id, client, submitted_at, address_cipher, address_id, media_url,
         email_cipher, phone_cipher, first_name_cipher, last_name_cipher, device_id_cipher, account_id_cipher)
       SELECT source_command_id, client, $1, address_cipher, address_id, media_url, email_cipher, phone_cipher,
              first_name_cipher, last_name_cipher, device_id_cipher, account_id_cipher
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                     $10::text[], $11::text[], $12::text[])
              AS r(source_command_id, client, address_cipher, address_id, media_url, email_cipher, phone_cipher,
                   first_name_cipher, last_name_cipher, device_id_cipher, account_id_cipher)`,
      [
        at,
        column((request) => request.commandId),
        column((request) => request.client),
        column(({ submission }) => sealed(submission.addressString)),
        column(({ submission }) => submission.addressId ?? null),
        column(({ submission }) => submission.mediaUrl ?? null),
        column(({ submission }) => sealed(submission.contact.email)),
        column(({ submission }) => sealed(submission.contact.phone)),
        column(({ submission }) => sealed(submission.contact.firstName)),
        column(({ submission }) => sealed(submission.contact.lastName)),
        column(({ submission }) => sealed(submission.contact.deviceId)),
        column(({ submission }) => sealed(submission.contact.accountId)),
      ],
    );
  }

  /** The submitter's details in clear, for the audited personal-data endpoint only; undefined for other tickets. */
  async contactOf(sourceCommandId: string): Promise<Open311Contact | undefined> {
    const [row]: Array<Record<string, string | null>> = await this.dataSource.query(
      `SELECT address_cipher, email_cipher, phone_cipher, first_name_cipher, last_name_cipher, device_id_cipher,
              account_id_cipher
         FROM ticketing.open311_requests WHERE source_command_id = $1`,
      [sourceCommandId],
    );
    if (!row) return undefined;
    const clear = (cipher: string | null) => (cipher === null ? null : this.cipher.decrypt(cipher));
    return {
      firstName: clear(row.first_name_cipher),
      lastName: clear(row.last_name_cipher),
      phone: clear(row.phone_cipher),
      email: clear(row.email_cipher),
      address: clear(row.address_cipher),
      deviceId: clear(row.device_id_cipher),
      accountId: clear(row.account_id_cipher),
    };
  }

  async byTicketNo(ticketNo: string): Promise<PublicTicket | undefined> {
    const rows: PublicTicketRow[] = await this.dataSource.query(`${PUBLIC_TICKET} WHERE t.ticket_no = $1`, [ticketNo]);
    return rows.map((row) => this.publicTicket(row))[0];
  }

  /** Newest first, at most MAX_REQUESTS. */
  async find(query: Open311RequestQuery): Promise<PublicTicket[]> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const where = (condition: (placeholder: string) => string, value: unknown) => {
      parameters.push(value);
      conditions.push(condition(`$${parameters.length}`));
    };
    if ('ticketNos' in query) {
      where((list) => `t.ticket_no = ANY(${list})`, query.ticketNos);
    } else {
      where((from) => `t.accepted_at >= ${from}`, query.from);
      where((to) => `t.accepted_at <= ${to}`, query.to);
      if (query.categories) where((list) => `t.category = ANY(${list})`, query.categories);
      if (query.statuses) where((list) => `t.status = ANY(${list})`, query.statuses);
    }
    const rows: PublicTicketRow[] = await this.dataSource.query(
      `${PUBLIC_TICKET} WHERE ${conditions.join(' AND ')} ORDER BY t.accepted_at DESC LIMIT ${MAX_REQUESTS}`,
      parameters,
    );
    return rows.map((row) => this.publicTicket(row));
  }

  private publicTicket(row: PublicTicketRow): PublicTicket {
    return {
      ticketNo: row.ticket_no,
      status: row.status,
      category: row.category,
      channel: row.channel,
      departmentName: row.department_name,
      workingDays: row.working_days,
      reopenCount: row.reopen_count,
      acceptedAt: row.accepted_at,
      updatedAt: row.updated_at,
      dueAt: row.due_at,
      summaryPlace: row.summary?.place ?? null,
      location: row.location ? { lat: row.location.lat, lon: row.location.lon } : null,
      open311Address: row.address_cipher ? this.cipher.decrypt(row.address_cipher) : null,
      open311AddressId: row.address_id,
    };
  }
}
