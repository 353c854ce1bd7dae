import { Controller, Get, Query } from '@nestjs/common';
import { z } from 'zod';
import { StaffClaims } from '@libs/common/auth/staff';
import { CurrentStaff, StaffOnly } from '@libs/common/auth/staff-only.decorator';
import { DomainError } from '@libs/common/errors/domain-error';
import { ZodPipe } from '@libs/common/http/zod-validation.pipe';
import { OverdueTickets } from './overdue-tickets';

const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/**
 * 超期工单: the tickets whose red alert still stands, for supervisors. Administrators see every department's; a
 * department head sees their own department's. Each row says how many working days late it is and whether it was
 * supervised (督办). Registered before TicketsController, whose /api/v1/tickets/:ticketNo would take "overdue".
 */
@Controller('api/v1/tickets/overdue')
@StaffOnly('admin', 'dept_head')
export class OverdueTicketsController {
  constructor(private readonly overdue: OverdueTickets) {}

  @Get()
  list(@Query(new ZodPipe(ListQuery)) query: z.infer<typeof ListQuery>, @CurrentStaff() staff: StaffClaims) {
    return this.overdue.list({ ...query, departmentCode: scopeOf(staff) });
  }
}

function scopeOf(staff: StaffClaims): string | undefined {
  if (staff.roles.includes('admin')) return undefined;
  if (!staff.departmentCode) throw new DomainError('forbidden', '您的账号未关联承办单位');
  return staff.departmentCode;
}
