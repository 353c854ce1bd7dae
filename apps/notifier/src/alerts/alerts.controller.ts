import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { StaffClaims } from '@libs/common/auth/staff';
import { CurrentStaff, StaffOnly } from '@libs/common/auth/staff-only.decorator';
import { ZodPipe } from '@libs/common/http/zod-validation.pipe';
import { AcceptAlert, AlertReceipt } from './accept-alert.use-case';
import { AlertReports } from './alert-reports';
import { CancelAlert } from './cancel-alert.use-case';
import { capSubmissionOf } from './cap-submission';

const AlertId = z.uuid('预警编号格式不正确');
const ListQuery = z.object({
  limit: z.coerce.number().int().min(1, '每页 1–200 条').max(200, '每页 1–200 条').default(50),
  offset: z.coerce.number().int().min(0, 'offset 不能为负').max(1_000_000).default(0),
});
const CancelBody = z
  .object({ note: z.string().trim().min(1, '撤销说明不能为空').max(500, '撤销说明不超过 500 字').optional() })
  .default({});

/**
 * Emergency warnings in CAP 1.2, for the emergency officer: publish (XML or its JSON form), see how far each has
 * gone, withdraw. A new alert answers 201, the same document posted again 200 with the same id; withdrawing answers
 * 200 with the Cancel that did it and the alert as it now stands.
 */
@Controller('api/v1/alerts')
@StaffOnly('emergency_officer')
export class AlertsController {
  constructor(
    private readonly acceptAlert: AcceptAlert,
    private readonly cancelAlert: CancelAlert,
    private readonly reports: AlertReports,
  ) {}

  @Post()
  async publish(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @CurrentStaff() staff: StaffClaims,
  ): Promise<AlertReceipt> {
    const submission = await capSubmissionOf(request);
    const receipt = await this.acceptAlert.execute({ ...submission, submittedBy: staff.username });
    return answered(response, receipt);
  }

  @Get()
  async list(@Query(new ZodPipe(ListQuery)) query: z.infer<typeof ListQuery>) {
    return { alerts: await this.reports.recent(query), limit: query.limit, offset: query.offset };
  }

  @Get(':id')
  get(@Param('id', new ZodPipe(AlertId)) id: string) {
    return this.reports.of(id);
  }

  /** The document exactly as it was posted. */
  @Get(':id/original')
  async original(@Param('id', new ZodPipe(AlertId)) id: string, @Res({ passthrough: true }) response: Response) {
    const original = await this.reports.originalOf(id);
    if (!('xml' in original)) return original.json;
    response.type('application/cap+xml; charset=utf-8');
    return original.xml;
  }

  @Post(':id/cancel')
  @HttpCode(200)
  async cancel(
    @Param('id', new ZodPipe(AlertId)) id: string,
    @Body(new ZodPipe(CancelBody)) body: z.infer<typeof CancelBody>,
    @CurrentStaff() staff: StaffClaims,
  ) {
    const cancellation = await this.cancelAlert.execute({ alertId: id, officer: staff.username, ...body });
    return { cancellation, alert: await this.reports.of(id) };
  }
}

function answered(response: Response, receipt: AlertReceipt): AlertReceipt {
  response.status(receipt.isRepeat ? 200 : 201).location(`/api/v1/alerts/${receipt.id}`);
  return receipt;
}
