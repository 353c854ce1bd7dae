import { z } from 'zod';
import { envelopeOf } from './envelope';
import { Channel, Lang } from './common-fields';

/** What happened in one turn of a conversation, for analytics. No citizen text. */
export const TurnHandledV1 = z.object({
  conversationId: z.uuid(),
  channel: Channel,
  messageId: z.uuid(),
  lang: Lang,
  intent: z.string().min(1).max(64),
  confidence: z.number().min(0).max(1),
  outcome: z.enum(['answered', 'ticket_requested', 'clarification', 'fallback', 'handoff']),
});
export type TurnHandledV1 = z.infer<typeof TurnHandledV1>;

export const ConversationEventV1 = z.discriminatedUnion('type', [envelopeOf('conversation.turn', 1, TurnHandledV1)]);
export type ConversationEventV1 = z.infer<typeof ConversationEventV1>;
