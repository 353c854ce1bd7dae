import { ChannelInboundV1 } from '@libs/common/contracts/channel-inbound.v1';
import { TurnHandledV1 } from '@libs/common/contracts/conversation-events.v1';
import { Outgoing } from '@libs/common/contracts/topics';
import { ConversationState } from './conversation-state';
import { turnReplies } from './turn-replies';

export type Outcome = TurnHandledV1['outcome'];

/** What one turn produces: the messages to send, how it went (for analytics), and the state for the next turn. */
export interface Turn {
  outgoing: Outgoing[];
  outcome: Outcome;
  next: ConversationState;
  knowledgeItemId?: string;
}

/** A turn that answers with these texts. */
export function replyTurn(
  envelope: ChannelInboundV1,
  texts: string[],
  next: ConversationState,
  outcome: Outcome,
  quickReplies?: string[],
): Turn {
  return { outgoing: turnReplies(envelope, texts, quickReplies), outcome, next };
}
