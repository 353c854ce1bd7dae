import { Inject, Injectable } from '@nestjs/common';
import { ChannelInboundV1 } from '@libs/common/contracts/channel-inbound.v1';
import { TurnHandledV1 } from '@libs/common/contracts/conversation-events.v1';
import { createEnvelope } from '@libs/common/contracts/envelope';
import { Outgoing, Topic } from '@libs/common/contracts/topics';
import { chinaDate } from '@libs/common/time/china-time';
import { Clock } from '@libs/common/time/clock';
import { DIALOGUE_CONFIG, DialogueConfig } from '../config';
import { answerFrom } from '../knowledge/knowledge-answers.zh';
import { KnowledgeBase } from '../knowledge/knowledge-base';
import { KnowledgeUnit } from '../knowledge/knowledge-index';
import { ConversationState, ConversationStates } from './conversation-state';
import { understand, Understanding } from './first-intents';
import { decide, pickOffered } from './knowledge-decision';
import * as say from './replies.zh';
import { turnReplies } from './turn-replies';

type Outcome = TurnHandledV1['outcome'];

/**
 * One turn: read the citizen's message, answer it (from the knowledge base, or by asking which item they mean, or
 * honestly not), or ask ticketing to open a work order; remember what matters for the next turn; report the turn for
 * analytics. Everything it causes is returned, to be produced together.
 */
@Injectable()
export class HandleCitizenMessage {
  constructor(
    private readonly states: ConversationStates,
    private readonly knowledge: KnowledgeBase,
    private readonly clock: Clock,
    @Inject(DIALOGUE_CONFIG) private readonly config: DialogueConfig,
  ) {}

  async execute(envelope: ChannelInboundV1): Promise<Outgoing[]> {
    const message = envelope.payload;
    const state = await this.states.get(message.conversationId);
    const understanding: Understanding =
      message.kind === 'text'
        ? understand(message.text)
        : { intent: message.kind === 'event' ? 'greeting' : 'unknown', confidence: 1 };
    const { outgoing, outcome, next } = this.respond(envelope, understanding, state);
    await this.states.save(message.conversationId, next);
    return [...outgoing, this.turnEvent(envelope, understanding, outcome)];
  }

  private respond(
    envelope: ChannelInboundV1,
    understanding: Understanding,
    state: ConversationState,
  ): { outgoing: Outgoing[]; outcome: Outcome; next: ConversationState } {
    const message = envelope.payload;
    const settled = { ...state, failedTurns: 0, offered: [] };
    if (message.kind !== 'text') {
      if (understanding.intent === 'greeting') {
        return {
          outgoing: turnReplies(envelope, [say.GREETING], say.MENU_CHOICES),
          outcome: 'answered',
          next: settled,
        };
      }
      return { outgoing: turnReplies(envelope, [say.UNSUPPORTED_MESSAGE]), outcome: 'fallback', next: state };
    }
    const picked = pickOffered(message.text, state.offered);
    if (picked) return this.answerItem(envelope, picked.itemId, settled);
    switch (understanding.intent) {
      case 'greeting':
        return {
          outgoing: turnReplies(envelope, [say.GREETING], say.MENU_CHOICES),
          outcome: 'answered',
          next: settled,
        };
      case 'handoff':
        return { outgoing: turnReplies(envelope, [say.HANDOFF_NOT_AVAILABLE]), outcome: 'handoff', next: settled };
      case 'complaint':
        return { outgoing: [this.ticketCommand(envelope, understanding)], outcome: 'ticket_requested', next: settled };
    }
    return this.answerFromKnowledge(envelope, message.text, state);
  }

  private answerFromKnowledge(envelope: ChannelInboundV1, text: string, state: ConversationState) {
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
      return {
        outgoing: turnReplies(envelope, [say.CLARIFY(titles)], titles),
        outcome: 'clarification' as const,
        next: { ...state, offered },
      };
    }
    const failedTurns = state.failedTurns + 1;
    return {
      outgoing: turnReplies(
        envelope,
        [failedTurns >= 2 ? say.STILL_NOT_UNDERSTOOD : say.NOT_UNDERSTOOD],
        say.MENU_CHOICES,
      ),
      outcome: 'fallback' as const,
      next: { ...state, failedTurns, offered: [] },
    };
  }

  /** Answers from an item: the part that matched, or its overview in the version in force today. */
  private answerItem(
    envelope: ChannelInboundV1,
    itemId: string,
    state: ConversationState,
    unit: KnowledgeUnit | undefined = this.overviewInForce(itemId),
  ) {
    const next = { ...state, failedTurns: 0, offered: [], topicItemId: itemId };
    if (!unit) return { outgoing: turnReplies(envelope, [say.NOT_UNDERSTOOD]), outcome: 'fallback' as const, next };
    return { outgoing: turnReplies(envelope, answerFrom(unit)), outcome: 'answered' as const, next };
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

  private turnEvent(envelope: ChannelInboundV1, understanding: Understanding, outcome: Outcome): Outgoing {
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
          outcome,
        },
        { traceId: envelope.traceId, envelopeId: envelope.id },
      ),
    };
  }
}
