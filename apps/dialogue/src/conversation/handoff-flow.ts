import { Injectable } from '@nestjs/common';
import { ChannelInboundV1 } from '@libs/common/contracts/channel-inbound.v1';
import { derivedId } from '@libs/common/contracts/envelope';
import { handoffChanged } from '../handoff/handoff-events';
import { Handoff, HandoffQueue, HandoffReason } from '../handoff/handoff-queue';
import { ConversationState } from './conversation-state';
import { Phrasebook } from './phrasebook';
import { replyTurn, Turn } from './turn';
import { turnReplies } from './turn-replies';

/** Groups who get a person at once, ahead of the queue. */
const SPECIAL_GROUPS = new Set(['elderly', 'disabled']);

export function isSpecialGroup(state: ConversationState): boolean {
  return state.identityTags.some((tag) => SPECIAL_GROUPS.has(tag));
}

/** Bringing in a person, and what the assistant says while one is coming or is there. */
@Injectable()
export class HandoffFlow {
  constructor(private readonly handoffs: HandoffQueue) {}

  openFor(conversationId: string): Promise<Handoff | undefined> {
    return this.handoffs.openFor(conversationId);
  }

  async handOver(
    envelope: ChannelInboundV1,
    reason: HandoffReason,
    state: ConversationState,
    say: Phrasebook,
  ): Promise<Turn> {
    const message = envelope.payload;
    const handoff = await this.handoffs.request({
      id: derivedId(envelope.id, 'handoff'),
      conversationId: message.conversationId,
      channel: message.channel,
      lang: say.lang,
      reason: isSpecialGroup(state) && reason !== 'negative_sentiment' ? 'special_group' : reason,
      isPriority: isSpecialGroup(state),
    });
    const ahead = await this.handoffs.ahead(handoff);
    return {
      outgoing: [
        ...turnReplies(envelope, [say.handoffQueued(ahead, handoff.isPriority)]),
        handoffChanged(handoff, envelope),
      ],
      outcome: 'handoff',
      next: { ...state, failedTurns: 0, offered: [], pending: undefined },
    };
  }

  /** While waiting, the citizen is told their place and may cancel; while a person has it, the assistant is quiet. */
  async whileHandedOff(
    envelope: ChannelInboundV1,
    handoff: Handoff,
    state: ConversationState,
    isCancel: boolean,
    say: Phrasebook,
  ): Promise<Turn> {
    if (handoff.status === 'active') return { outgoing: [], outcome: 'with_agent', next: state };
    if (isCancel) {
      await this.handoffs.cancel(handoff.id);
      const closed = { ...handoff, status: 'closed' as const };
      return {
        outgoing: [...turnReplies(envelope, [say.handoffCancelled]), handoffChanged(closed, envelope)],
        outcome: 'answered',
        next: state,
      };
    }
    const ahead = await this.handoffs.ahead(handoff);
    return replyTurn(envelope, [say.handoffStillWaiting(ahead)], state, 'handoff');
  }
}
