import { createEnvelope } from '@libs/common/contracts/envelope';
import { Outgoing, Topic } from '@libs/common/contracts/topics';
import { Handoff } from './handoff-queue';

/** conversation.handoff for analytics: a handoff requested, taken, given back or closed. */
export function handoffChanged(handoff: Handoff, cause: { traceId: string; id?: string }): Outgoing {
  return {
    topic: Topic.ConversationEventsV1,
    envelope: createEnvelope(
      'conversation.handoff',
      1,
      handoff.conversationId,
      {
        handoffId: handoff.id,
        conversationId: handoff.conversationId,
        channel: handoff.channel,
        status: handoff.status,
        reason: handoff.reason,
        isPriority: handoff.isPriority,
        agent: handoff.takenBy ?? undefined,
      },
      { traceId: cause.traceId, envelopeId: cause.id },
      { part: ['waiting', 'active', 'returned', 'closed'].indexOf(handoff.status) },
    ),
  };
}
