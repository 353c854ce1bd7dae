import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { StaffClaims } from '@libs/common/auth/staff';
import { CurrentStaff, StaffOnly } from '@libs/common/auth/staff-only.decorator';
import { Channel } from '@libs/common/contracts/common-fields';
import { ZodPipe } from '@libs/common/http/zod-validation.pipe';
import { OutboundDeliveries } from './outbound-deliveries';
import { RetryDeadLetter } from './retry-dead-letter.use-case';

const MessageId = z.uuid({ error: '消息编号必须是 UUID' });
const DeadLetterQuery = z.object({
  channel: Channel.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/**
 * Replies the queues gave up on (role admin): delivery facts, vendor code and redacted error only; the text stays
 * in the conversation, readable there with a reason on the audit trail.
 */
@Controller('api/v1/admin/outbound/dead-letters')
@StaffOnly('admin')
export class DeadLettersController {
  constructor(
    private readonly deliveries: OutboundDeliveries,
    private readonly retryDeadLetter: RetryDeadLetter,
  ) {}

  @Get()
  async list(@Query(new ZodPipe(DeadLetterQuery)) query: z.infer<typeof DeadLetterQuery>) {
    return { deadLetters: await this.deliveries.deadLetters(query) };
  }

  @Post(':id/retry')
  @HttpCode(202)
  retry(@Param('id', new ZodPipe(MessageId)) id: string, @CurrentStaff() staff: StaffClaims) {
    return this.retryDeadLetter.execute(id, staff.username);
  }
}
