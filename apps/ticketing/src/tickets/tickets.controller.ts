import { Controller, Get, Param, Query } from '@nestjs/common';
import { z } from 'zod';
import { StaffClaims } from '@libs/common/auth/staff';
import { CurrentStaff, StaffOnly } from '@libs/common/auth/staff-only.decorator';
import { DomainError } from '@libs/common/errors/domain-error';
import { ZodPipe } from '@libs/common/http/zod-validation.pipe';
import { FieldCipher } from '@libs/common/pii/field-cipher';
import { TicketHistory } from './ticket-history';
import { TicketNotFound } from './ticket-not-found';
import { TicketStore } from './ticket-store';
import { ticketView } from './ticket-view';

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
  constructor(
    private readonly tickets: TicketStore,
    private readonly history: TicketHistory,
    private readonly cipher: FieldCipher,
  ) {}

  @Get()
  async list(@Query(new ZodPipe(ListQuery)) query: z.infer<typeof ListQuery>, @CurrentStaff() staff: StaffClaims) {
    const rows = await this.tickets.list({ ...query, departmentCode: departmentScope(staff) });
    return { tickets: rows.map((ticket) => ticketView(ticket, this.cipher)) };
  }

  @Get(':ticketNo')
  async get(@Param('ticketNo', new ZodPipe(TicketNo)) ticketNo: string, @CurrentStaff() staff: StaffClaims) {
    const ticket = await this.tickets.findByNo(ticketNo);
    const scope = departmentScope(staff);
    if (!ticket || (scope && ticket.departmentCode !== scope)) throw new TicketNotFound(ticketNo);
    return ticketView(ticket, this.cipher);
  }

  /** Who did what to the ticket, when and why, in order. */
  @Get(':ticketNo/history')
  async historyOf(@Param('ticketNo', new ZodPipe(TicketNo)) ticketNo: string, @CurrentStaff() staff: StaffClaims) {
    const ticket = await this.tickets.findByNo(ticketNo);
    const scope = departmentScope(staff);
    if (!ticket || (scope && ticket.departmentCode !== scope)) throw new TicketNotFound(ticketNo);
    return { ticketNo, history: await this.history.of(ticket.id) };
  }
}

/** The department a staff member is limited to, or undefined for roles that see every department. */
function departmentScope(staff: StaffClaims): string | undefined {
  if (staff.roles.includes('admin') || staff.roles.includes('agent')) return undefined;
  if (!staff.departmentCode) throw new DomainError('forbidden', '您的账号未关联承办单位');
  return staff.departmentCode;
}
