import { Controller, HttpCode, Post } from '@nestjs/common';
import { StaffOnly } from '@libs/common/auth/staff-only.decorator';
import { DeadlineScanScheduler } from './deadline-scan.scheduler';

/** The deadline scan runs by itself every minute or so; an administrator can run one at once (after a data fix). */
@Controller('api/v1/escalations')
@StaffOnly('admin')
export class EscalationsController {
  constructor(private readonly scheduler: DeadlineScanScheduler) {}

  @Post('scan')
  @HttpCode(200)
  scan() {
    return this.scheduler.scanNow();
  }
}
