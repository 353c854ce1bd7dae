import { Controller, Get, Param, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { AuditTrail } from '@libs/common/audit/audit-trail';
import { StaffClaims } from '@libs/common/auth/staff';
import { CurrentStaff, StaffOnly } from '@libs/common/auth/staff-only.decorator';
import { DomainError } from '@libs/common/errors/domain-error';
import { ZodPipe } from '@libs/common/http/zod-validation.pipe';
import { traceContext } from '@libs/common/logging/trace-context';
import { FieldCipher } from '@libs/common/pii/field-cipher';
import { Open311Requests } from '../open311/open311-requests';
import { TicketHistory } from './ticket-history';
import { TicketNotFound } from './ticket-not-found';
import { TicketStore } from './ticket-store';
import { TicketEntity } from './ticket.entity';
import { ticketView } from './ticket-view';

const ReadReason = z.object({
  reason: z.string({ error: '请说明查看原因（reason）' }).trim().min(2, '请说明查看原因（reason）').max(200),
});

const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const TicketNo = z.string().regex(/^GD\d{14,}$/, '工单号格式应为 GD 加 14 位以上数字');

/**
 * Staff view of tickets. Department staff and heads see only their own department's; admin and agents see all.
 * Contact details in the citizen's words are masked here; the clear text needs its own audited endpoint.
 */
@Controller('api/v1/tickets')
@StaffOnly('admin', 'agent', 'dept_staff', 'dept_head')
export class TicketsController {
  private readonly audit: AuditTrail;

  constructor(
    private readonly tickets: TicketStore,
    private readonly history: TicketHistory,
    private readonly cipher: FieldCipher,
    private readonly open311: Open311Requests,
    dataSource: DataSource,
  ) {
    this.audit = new AuditTrail(dataSource, 'ticketing');
  }

  @Get()
  async list(@Query(new ZodPipe(ListQuery)) query: z.infer<typeof ListQuery>, @CurrentStaff() staff: StaffClaims) {
    const rows = await this.tickets.list({ ...query, departmentCode: departmentScope(staff) });
    return { tickets: rows.map((ticket) => ticketView(ticket, this.cipher)) };
  }

  @Get(':ticketNo')
  async get(@Param('ticketNo', new ZodPipe(TicketNo)) ticketNo: string, @CurrentStaff() staff: StaffClaims) {
    return ticketView(await this.visibleTicket(ticketNo, staff), this.cipher);
  }

  /** Who did what to the ticket, when and why, in order. */
  @Get(':ticketNo/history')
  async historyOf(@Param('ticketNo', new ZodPipe(TicketNo)) ticketNo: string, @CurrentStaff() staff: StaffClaims) {
    const ticket = await this.visibleTicket(ticketNo, staff);
    return { ticketNo, history: await this.history.of(ticket.id) };
  }

  /**
   * The citizen's own words and the reply in clear, contact details included. Personal data: every reading needs a
   * reason and goes on ticketing's audit trail, before anything is shown.
   */
  @Get(':ticketNo/personal-data')
  async personalData(
    @Param('ticketNo', new ZodPipe(TicketNo)) ticketNo: string,
    @Query(new ZodPipe(ReadReason)) query: z.infer<typeof ReadReason>,
    @CurrentStaff() staff: StaffClaims,
  ) {
    const ticket = await this.visibleTicket(ticketNo, staff);
    await this.audit.record({
      actor: staff.username,
      action: 'ticket.personal_data.read',
      subject: `ticket:${ticketNo}`,
      reason: query.reason,
      traceId: traceContext.traceId(),
    });
    return {
      ticketNo,
      citizenId: ticket.citizenId,
      description: this.tickets.description(ticket),
      reply: ticket.replyCipher ? this.cipher.decrypt(ticket.replyCipher) : null,
      location: ticket.location,
      /** What an Open311 client sent about the submitter; null for tickets from a conversation. */
      contact: (await this.open311.contactOf(ticket.sourceCommandId)) ?? null,
    };
  }

  /** The ticket, when the staff member's department may see it; 404 otherwise, as if it did not exist. */
  private async visibleTicket(ticketNo: string, staff: StaffClaims): Promise<TicketEntity> {
    const ticket = await this.tickets.findByNo(ticketNo);
    const scope = departmentScope(staff);
    if (!ticket || (scope && ticket.departmentCode !== scope)) throw new TicketNotFound(ticketNo);
    return ticket;
  }
}

/** The department a staff member is limited to, or undefined for roles that see every department. */
function departmentScope(staff: StaffClaims): string | undefined {
  if (staff.roles.includes('admin') || staff.roles.includes('agent')) return undefined;
  if (!staff.departmentCode) throw new DomainError('forbidden', '您的账号未关联承办单位');
  return staff.departmentCode;
}
