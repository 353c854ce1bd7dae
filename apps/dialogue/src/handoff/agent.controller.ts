import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { createReply } from '@libs/common/contracts/channel-outbound.v1';
import { Topic } from '@libs/common/contracts/topics';
import { StaffClaims } from '@libs/common/auth/staff';
import { CurrentStaff, StaffOnly } from '@libs/common/auth/staff-only.decorator';
import { ZodPipe } from '@libs/common/http/zod-validation.pipe';
import { EnvelopeProducer } from '@libs/common/kafka/envelope-producer';
import { traceContext } from '@libs/common/logging/trace-context';
import { phrasebookFor } from '../conversation/phrasebooks';
import { Phrasebook } from '../conversation/phrasebook';
import { handoffChanged } from './handoff-events';
import { Handoff, HandoffQueue } from './handoff-queue';

const HandoffId = z.uuid({ error: '转人工记录编号必须是 UUID' });
const ReplyBody = z.object({ text: z.string().trim().min(1, '不能为空').max(2000, '不能超过 2000 个字') });

/**
 * The human agents' side of a handoff: the queue, taking a conversation, replying (through channel.outbound.v1, like
 * every reply), giving it back to the assistant, closing it. The conversation's messages are read on gateway
 * (GET /api/v1/conversations/:id/messages), where each reading is audited.
 */
@Controller('api/v1/agent')
@StaffOnly('agent')
export class AgentController {
  constructor(
    private readonly handoffs: HandoffQueue,
    private readonly producer: EnvelopeProducer,
  ) {}

  @Get('queue')
  async queue(@CurrentStaff() staff: StaffClaims) {
    const [waiting, mine] = await Promise.all([this.handoffs.waiting(), this.handoffs.activeWith(staff.username)]);
    return { waiting, mine };
  }

  @Post('handoffs/:id/take')
  @HttpCode(200)
  async take(@Param('id', new ZodPipe(HandoffId)) id: string, @CurrentStaff() staff: StaffClaims) {
    const handoff = await this.handoffs.take(id, staff.username);
    await this.tellCitizen(handoff, (say) => say.agentJoined, true);
    return handoff;
  }

  @Post('handoffs/:id/replies')
  async reply(
    @Param('id', new ZodPipe(HandoffId)) id: string,
    @Body(new ZodPipe(ReplyBody)) body: z.infer<typeof ReplyBody>,
    @CurrentStaff() staff: StaffClaims,
  ) {
    const handoff = await this.handoffs.mine(id, staff.username);
    const messageId = await this.tellCitizen(handoff, () => body.text, false);
    return { messageId };
  }

  @Post('handoffs/:id/give-back')
  @HttpCode(200)
  async giveBack(@Param('id', new ZodPipe(HandoffId)) id: string, @CurrentStaff() staff: StaffClaims) {
    const handoff = await this.handoffs.end(id, staff.username, 'returned');
    await this.tellCitizen(handoff, (say) => say.agentReturned, true);
    return handoff;
  }

  @Post('handoffs/:id/close')
  @HttpCode(200)
  async close(@Param('id', new ZodPipe(HandoffId)) id: string, @CurrentStaff() staff: StaffClaims) {
    const handoff = await this.handoffs.end(id, staff.username, 'closed');
    await this.tellCitizen(handoff, (say) => say.agentClosed, true);
    return handoff;
  }

  /** A message to the citizen, and, when the handoff changed, the event for analytics. Returns the message id. */
  private async tellCitizen(handoff: Handoff, text: (say: Phrasebook) => string, isChange: boolean): Promise<string> {
    const cause = { traceId: traceContext.traceId(), envelopeId: randomUUID() };
    const reply = createReply(
      {
        channel: handoff.channel,
        conversationId: handoff.conversationId,
        text: text(phrasebookFor(handoff.lang)),
        endOfTurn: true,
      },
      cause,
    );
    await this.producer.send([
      { topic: Topic.ChannelOutboundV1, envelope: reply },
      ...(isChange ? [handoffChanged(handoff, { traceId: cause.traceId, id: cause.envelopeId })] : []),
    ]);
    return reply.payload.messageId;
  }
}
