import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { StaffClaims } from '@libs/common/auth/staff';
import { CurrentStaff, StaffOnly } from '@libs/common/auth/staff-only.decorator';
import { FieldCipher } from '@libs/common/pii/field-cipher';
import { ZodPipe } from '@libs/common/http/zod-validation.pipe';
import { traceContext } from '@libs/common/logging/trace-context';
import { Outbox } from '../outbox/outbox';
import { ChangeTicket } from './change-ticket.use-case';
import { TicketChange } from './ticket-change';
import { TicketNo } from './tickets.controller';
import { ticketView } from './ticket-view';

const Reason = z.string({ error: '请填写原因' }).trim().min(2, '请填写原因').max(500, '不能超过 500 个字');
const Bodies = {
  none: z.object({}),
  dispatch: z.object({ departmentCode: z.string().min(1, '请选择承办单位').max(40), reason: Reason.optional() }),
  returnTicket: z.object({ reason: Reason }),
  requestExtension: z.object({
    workingDays: z.number({ error: '延期天数必须是 1 到 30 之间的整数' }).int().min(1).max(30),
    reason: Reason,
  }),
  decideExtension: z.object({
    isApproved: z.boolean({ error: '请说明是否同意（isApproved）' }),
    reason: Reason.optional(),
  }),
  conclude: z.object({ reply: z.string({ error: '请填写答复内容' }).trim().min(10, '答复内容至少 10 个字').max(2000) }),
  reopen: z.object({ reason: Reason }),
  /** 电话回访: the rating the citizen gave on the phone, 1 (非常不满意) to 5 (非常满意). */
  rate: z.object({
    rating: z
      .number({ error: '评价必须是 1 到 5 的整数' })
      .int()
      .min(1, '评价必须是 1 到 5 的整数')
      .max(5, '评价必须是 1 到 5 的整数'),
    reason: Reason.optional(),
  }),
  close: z.object({ reason: Reason.optional() }),
  supervise: z.object({ notice: z.string({ error: '请填写督办意见' }).trim().min(4, '请填写督办意见').max(1000) }),
};

/** If-Match: "<version>" (the version shown with the ticket) makes the change refuse if someone changed it since. */
const IfMatch = z
  .string()
  .regex(/^"?\d+"?$/, 'If-Match 应为工单的版本号，例如 "3"')
  .transform((value) => Number(value.replace(/"/g, '')))
  .optional();

/**
 * The work-order actions, one endpoint each. The department of a ticket signs for it, works it, returns it,
 * asks for more time and concludes it; the desk (admin) dispatches, decides extensions, supervises (督办), reopens
 * and files. Each answers with the ticket as it now is; a move the lifecycle forbids is 409 with what is allowed.
 */
@Controller('api/v1/tickets/:ticketNo')
@StaffOnly('admin', 'agent', 'dept_staff', 'dept_head')
export class TicketActionsController {
  constructor(
    private readonly changeTicket: ChangeTicket,
    private readonly outbox: Outbox,
    private readonly cipher: FieldCipher,
  ) {}

  @Post('dispatch')
  @HttpCode(200)
  dispatch(
    @Param('ticketNo', new ZodPipe(TicketNo)) no: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentStaff() staff: StaffClaims,
  ) {
    return this.change(no, { action: 'dispatch', ...new ZodPipe(Bodies.dispatch).transform(body) }, staff, ifMatch);
  }

  @Post('sign-for')
  @HttpCode(200)
  signFor(
    @Param('ticketNo', new ZodPipe(TicketNo)) no: string,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentStaff() staff: StaffClaims,
  ) {
    return this.change(no, { action: 'signFor' }, staff, ifMatch);
  }

  @Post('start')
  @HttpCode(200)
  start(
    @Param('ticketNo', new ZodPipe(TicketNo)) no: string,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentStaff() staff: StaffClaims,
  ) {
    return this.change(no, { action: 'start' }, staff, ifMatch);
  }

  @Post('return')
  @HttpCode(200)
  returnTicket(
    @Param('ticketNo', new ZodPipe(TicketNo)) no: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentStaff() staff: StaffClaims,
  ) {
    return this.change(
      no,
      { action: 'returnTicket', ...new ZodPipe(Bodies.returnTicket).transform(body) },
      staff,
      ifMatch,
    );
  }

  @Post('extension-requests')
  @HttpCode(200)
  requestExtension(
    @Param('ticketNo', new ZodPipe(TicketNo)) no: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentStaff() staff: StaffClaims,
  ) {
    return this.change(
      no,
      { action: 'requestExtension', ...new ZodPipe(Bodies.requestExtension).transform(body) },
      staff,
      ifMatch,
    );
  }

  @Post('extension-requests/decision')
  @HttpCode(200)
  decideExtension(
    @Param('ticketNo', new ZodPipe(TicketNo)) no: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentStaff() staff: StaffClaims,
  ) {
    return this.change(
      no,
      { action: 'decideExtension', ...new ZodPipe(Bodies.decideExtension).transform(body) },
      staff,
      ifMatch,
    );
  }

  @Post('conclude')
  @HttpCode(200)
  conclude(
    @Param('ticketNo', new ZodPipe(TicketNo)) no: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentStaff() staff: StaffClaims,
  ) {
    return this.change(no, { action: 'conclude', ...new ZodPipe(Bodies.conclude).transform(body) }, staff, ifMatch);
  }

  @Post('reopen')
  @HttpCode(200)
  reopen(
    @Param('ticketNo', new ZodPipe(TicketNo)) no: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentStaff() staff: StaffClaims,
  ) {
    return this.change(no, { action: 'reopen', ...new ZodPipe(Bodies.reopen).transform(body) }, staff, ifMatch);
  }

  @Post('close')
  @HttpCode(200)
  close(
    @Param('ticketNo', new ZodPipe(TicketNo)) no: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentStaff() staff: StaffClaims,
  ) {
    return this.change(no, { action: 'close', ...new ZodPipe(Bodies.close).transform(body ?? {}) }, staff, ifMatch);
  }

  /** 回访 by phone: the desk records the citizen's rating; a bad one sends the ticket back, as in the chat. */
  @Post('rate')
  @HttpCode(200)
  rate(
    @Param('ticketNo', new ZodPipe(TicketNo)) no: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentStaff() staff: StaffClaims,
  ) {
    return this.change(no, { action: 'rate', ...new ZodPipe(Bodies.rate).transform(body) }, staff, ifMatch);
  }

  @Post('supervisions')
  @HttpCode(200)
  supervise(
    @Param('ticketNo', new ZodPipe(TicketNo)) no: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentStaff() staff: StaffClaims,
  ) {
    return this.change(no, { action: 'supervise', ...new ZodPipe(Bodies.supervise).transform(body) }, staff, ifMatch);
  }

  private async change(ticketNo: string, change: TicketChange, staff: StaffClaims, ifMatch: string | undefined) {
    const expectedVersion = new ZodPipe(IfMatch).transform(ifMatch);
    const { ticket, events } = await this.changeTicket.execute(
      ticketNo,
      change,
      { kind: 'staff', staff },
      { traceId: traceContext.traceId() },
      expectedVersion,
    );
    await this.outbox.send(events);
    return ticketView(ticket, this.cipher);
  }
}
