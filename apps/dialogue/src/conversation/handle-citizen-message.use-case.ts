import { Inject, Injectable } from '@nestjs/common';
import { ChannelInboundV1 } from '@libs/common/contracts/channel-inbound.v1';
import { TurnHandledV1 } from '@libs/common/contracts/conversation-events.v1';
import { createEnvelope, derivedId } from '@libs/common/contracts/envelope';
import { Outgoing, Topic } from '@libs/common/contracts/topics';
import { chinaDate } from '@libs/common/time/china-time';
import { Clock } from '@libs/common/time/clock';
import { DIALOGUE_CONFIG, DialogueConfig } from '../config';
import { Handoff, HandoffQueue, HandoffReason } from '../handoff/handoff-queue';
import { handoffChanged } from '../handoff/handoff-events';
import { isStronglyNegative } from '../handoff/negative-sentiment';
import { answerFrom } from '../knowledge/knowledge-answers.zh';
import { KnowledgeBase } from '../knowledge/knowledge-base';
import { KnowledgeUnit } from '../knowledge/knowledge-index';
import { ConversationState, ConversationStates } from './conversation-state';
import { understand, Understanding } from './first-intents';
import { decide, pickOffered } from './knowledge-decision';
import * as say from './replies.zh';
import { turnReplies } from './turn-replies';

type Outcome = TurnHandledV1['outcome'];

interface Turn {
  outgoing: Outgoing[];
  outcome: Outcome;
  next: ConversationState;
  knowledgeItemId?: string;
}

const CANCEL = /^(取消|不用了|算了|不等了|不要人工)/u;

/**
 * One turn: read the citizen's message and answer it — from the knowledge base, by asking which item they mean, or
 * honestly not — or open a work order, or bring in a person (on request, after two turns the assistant could not
 * answer, on strong anger or distress). While a person has the conversation, the assistant stays quiet.
 * Everything it causes is returned, to be produced together.
 */
@Injectable()
export class HandleCitizenMessage {
  constructor(
    private readonly states: ConversationStates,
    private readonly knowledge: KnowledgeBase,
    private readonly handoffs: HandoffQueue,
    private readonly clock: Clock,
    @Inject(DIALOGUE_CONFIG) private readonly config: DialogueConfig,
  ) {}

  async execute(envelope: ChannelInboundV1): Promise<Outgoing[]> {
    const message = envelope.payload;
    const understanding: Understanding =
      message.kind === 'text'
        ? understand(message.text)
        : { intent: message.kind === 'event' ? 'greeting' : 'unknown', confidence: 1 };
    const [state, handoff] = await Promise.all([
      this.states.get(message.conversationId),
      this.handoffs.openFor(message.conversationId),
    ]);
    const turn = handoff
      ? await this.whileHandedOff(envelope, handoff, state)
      : await this.respond(envelope, understanding, state);
    await this.states.save(message.conversationId, turn.next);
    return [...turn.outgoing, this.turnEvent(envelope, understanding, turn)];
  }

  private async whileHandedOff(envelope: ChannelInboundV1, handoff: Handoff, state: ConversationState): Promise<Turn> {
    const message = envelope.payload;
    if (handoff.status === 'waiting' && message.kind === 'text' && CANCEL.test(message.text.trim())) {
      await this.handoffs.cancel(handoff.id);
      const closed = { ...handoff, status: 'closed' as const };
      return {
        outgoing: [...turnReplies(envelope, [say.HANDOFF_CANCELLED]), handoffChanged(closed, envelope)],
        outcome: 'answered',
        next: state,
      };
    }
    if (handoff.status === 'active') return { outgoing: [], outcome: 'with_agent', next: state };
    const ahead = await this.handoffs.ahead(handoff);
    return { outgoing: turnReplies(envelope, [say.HANDOFF_STILL_WAITING(ahead)]), outcome: 'handoff', next: state };
  }

  private async respond(envelope: ChannelInboundV1, understanding: Understanding, state: ConversationState) {
    const message = envelope.payload;
    const settled = { ...state, failedTurns: 0, offered: [] };
    if (message.kind !== 'text') {
      return understanding.intent === 'greeting'
        ? this.say(envelope, [say.GREETING], settled, 'answered', say.MENU_CHOICES)
        : this.say(envelope, [say.UNSUPPORTED_MESSAGE], state, 'fallback');
    }
    if (understanding.intent === 'handoff') return this.handOver(envelope, 'requested', settled);
    if (isStronglyNegative(message.text)) return this.handOver(envelope, 'negative_sentiment', settled);
    const picked = pickOffered(message.text, state.offered);
    if (picked) return this.answerItem(envelope, picked.itemId, settled);
    if (understanding.intent === 'greeting') {
      return this.say(envelope, [say.GREETING], settled, 'answered', say.MENU_CHOICES);
    }
    if (understanding.intent === 'complaint') {
      return {
        outgoing: [this.ticketCommand(envelope, understanding)],
        outcome: 'ticket_requested' as const,
        next: settled,
      };
    }
    return this.answerFromKnowledge(envelope, message.text, state);
  }

  private async answerFromKnowledge(envelope: ChannelInboundV1, text: string, state: ConversationState) {
    const decision = decide(this.knowledge.search(text, this.searchContext()));
    if (decision.type === 'answer') {
      return this.answerItem(envelope, decision.match.unit.itemId, state, decision.match.unit);
    }
    if (decision.type === 'clarify') {
      const offered = decision.candidates.map((match) => ({
        itemId: match.unit.itemId,
        title: match.unit.version.title,
      }));
      const titles = offered.map((item) => item.title);
      return this.say(envelope, [say.CLARIFY(titles)], { ...state, offered }, 'clarification', titles);
    }
    const failedTurns = state.failedTurns + 1;
    if (failedTurns >= 2) return this.handOver(envelope, 'failed_turns', { ...state, failedTurns: 0, offered: [] });
    return this.say(
      envelope,
      [say.NOT_UNDERSTOOD],
      { ...state, failedTurns, offered: [] },
      'fallback',
      say.MENU_CHOICES,
    );
  }

  /** Answers from an item: the part that matched, or its overview in the version in force today. */
  private answerItem(
    envelope: ChannelInboundV1,
    itemId: string,
    state: ConversationState,
    unit: KnowledgeUnit | undefined = this.overviewInForce(itemId),
  ): Turn {
    const next = { ...state, failedTurns: 0, offered: [], topicItemId: itemId };
    if (!unit) return this.say(envelope, [say.NOT_UNDERSTOOD], next, 'fallback');
    return { ...this.say(envelope, answerFrom(unit), next, 'answered'), knowledgeItemId: itemId };
  }

  private async handOver(envelope: ChannelInboundV1, reason: HandoffReason, state: ConversationState): Promise<Turn> {
    const message = envelope.payload;
    const handoff = await this.handoffs.request({
      id: derivedId(envelope.id, 'handoff'),
      conversationId: message.conversationId,
      channel: message.channel,
      lang: message.lang ?? 'zh',
      reason,
      isPriority: false,
    });
    const ahead = await this.handoffs.ahead(handoff);
    return {
      outgoing: [
        ...turnReplies(envelope, [say.HANDOFF_QUEUED(ahead, handoff.isPriority)]),
        handoffChanged(handoff, envelope),
      ],
      outcome: 'handoff',
      next: state,
    };
  }

  private say(
    envelope: ChannelInboundV1,
    texts: string[],
    next: ConversationState,
    outcome: Outcome,
    quickReplies?: string[],
  ): Turn {
    return { outgoing: turnReplies(envelope, texts, quickReplies), outcome, next };
  }

  private overviewInForce(itemId: string): KnowledgeUnit | undefined {
    const version = this.knowledge.versionInForce(itemId, this.searchContext());
    if (!version) return undefined;
    return { itemId, kind: 'steps' in version ? 'guide' : 'policy', version, part: { type: 'overview' } };
  }

  private searchContext() {
    return { date: chinaDate(this.clock.now()), regionCode: this.config.DEFAULT_REGION_CODE };
  }

  private ticketCommand(envelope: ChannelInboundV1, understanding: Understanding): Outgoing {
    const message = envelope.payload;
    if (message.kind !== 'text') throw new Error('a complaint is always a text');
    return {
      topic: Topic.TicketCommandsV1,
      envelope: createEnvelope(
        'ticket.create',
        1,
        message.conversationId,
        {
          conversationId: message.conversationId,
          channel: message.channel,
          citizenId: message.citizenId,
          sourceMessageId: message.messageId,
          category: understanding.category ?? '其他',
          regionCode: this.config.DEFAULT_REGION_CODE,
          description: message.text,
          lang: message.lang ?? 'zh',
        },
        { traceId: envelope.traceId, envelopeId: envelope.id },
      ),
    };
  }

  private turnEvent(envelope: ChannelInboundV1, understanding: Understanding, turn: Turn): Outgoing {
    const message = envelope.payload;
    return {
      topic: Topic.ConversationEventsV1,
      envelope: createEnvelope(
        'conversation.turn',
        1,
        message.conversationId,
        {
          conversationId: message.conversationId,
          channel: message.channel,
          messageId: message.messageId,
          lang: message.lang ?? 'zh',
          intent: understanding.intent,
          confidence: understanding.confidence,
          outcome: turn.outcome,
          knowledgeItemId: turn.knowledgeItemId,
        },
        { traceId: envelope.traceId, envelopeId: envelope.id },
      ),
    };
  }
}
