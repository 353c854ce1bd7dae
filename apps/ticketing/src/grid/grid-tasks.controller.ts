import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { StaffClaims } from '@libs/common/auth/staff';
import { CurrentStaff, StaffOnly } from '@libs/common/auth/staff-only.decorator';
import { ZodPipe } from '@libs/common/http/zod-validation.pipe';
import { traceContext } from '@libs/common/logging/trace-context';
import { Outbox } from '../outbox/outbox';
import { GridTasks } from './grid-tasks';

const TaskId = z.uuid({ error: '任务编号必须是 UUID' });
const Notes = z.object({ notes: z.string().trim().min(2, '请填写情况说明').max(1000).optional() });

/** Home visits for grid workers (their own) and administrators (all). */
@Controller('api/v1/grid-tasks')
@StaffOnly('grid_worker', 'admin')
export class GridTasksController {
  constructor(
    private readonly tasks: GridTasks,
    private readonly outbox: Outbox,
  ) {}

  @Get()
  async list(@CurrentStaff() staff: StaffClaims) {
    const isAdmin = staff.roles.includes('admin');
    return { tasks: await this.tasks.list(isAdmin ? undefined : staff.username) };
  }

  @Post(':id/accept')
  @HttpCode(200)
  accept(@Param('id', new ZodPipe(TaskId)) id: string, @CurrentStaff() staff: StaffClaims) {
    return this.change(id, staff, 'accept');
  }

  @Post(':id/decline')
  @HttpCode(200)
  decline(
    @Param('id', new ZodPipe(TaskId)) id: string,
    @Body(new ZodPipe(Notes)) body: z.infer<typeof Notes>,
    @CurrentStaff() staff: StaffClaims,
  ) {
    return this.change(id, staff, 'decline', body.notes);
  }

  @Post(':id/done')
  @HttpCode(200)
  done(
    @Param('id', new ZodPipe(TaskId)) id: string,
    @Body(new ZodPipe(Notes)) body: z.infer<typeof Notes>,
    @CurrentStaff() staff: StaffClaims,
  ) {
    return this.change(id, staff, 'done', body.notes);
  }

  private async change(id: string, staff: StaffClaims, action: 'accept' | 'decline' | 'done', notes?: string) {
    const { task, events } = await this.tasks.change(id, staff.username, action, traceContext.traceId(), notes);
    await this.outbox.send(events);
    return task;
  }
}
