import { Controller, Get, Param, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { AuditTrail } from '@libs/common/audit/audit-trail';
import { StaffClaims } from '@libs/common/auth/staff';
import { CurrentStaff, StaffOnly } from '@libs/common/auth/staff-only.decorator';
import { ZodPipe } from '@libs/common/http/zod-validation.pipe';
import { traceContext } from '@libs/common/logging/trace-context';
import { ConversationStore } from './conversation-store';

const ConversationId = z.uuid({ error: '会话编号必须是 UUID' });
const ReadQuery = z.object({
  reason: z.string({ error: '请说明查看原因（reason）' }).trim().min(2, '请说明查看原因（reason）').max(200),
});

/**
 * A conversation's messages, for the agent handling it. The texts are personal data: every reading needs a reason
 * and goes on the audit trail.
 */
@Controller('api/v1/conversations')
@StaffOnly('agent', 'admin')
export class ConversationsController {
  private readonly audit: AuditTrail;

  constructor(
    private readonly store: ConversationStore,
    dataSource: DataSource,
  ) {
    this.audit = new AuditTrail(dataSource, 'gateway');
  }

  @Get(':id/messages')
  async messages(
    @Param('id', new ZodPipe(ConversationId)) conversationId: string,
    @Query(new ZodPipe(ReadQuery)) query: z.infer<typeof ReadQuery>,
    @CurrentStaff() staff: StaffClaims,
  ) {
    const messages = await this.store.list(conversationId);
    await this.audit.record({
      actor: staff.username,
      action: 'conversation.messages.read',
      subject: `conversation:${conversationId}`,
      reason: query.reason,
      traceId: traceContext.traceId(),
    });
    return { conversationId, messages };
  }
}
