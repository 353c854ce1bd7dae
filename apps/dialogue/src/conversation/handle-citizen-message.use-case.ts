import { Injectable } from '@nestjs/common';
import { ChannelInboundV1 } from '@libs/common/contracts/channel-inbound.v1';
import { createEnvelope } from '@libs/common/contracts/envelope';
import { Outgoing, Topic } from '@libs/common/contracts/topics';
import { chinaDate } from '@libs/common/time/china-time';
import { Clock } from '@libs/common/time/clock';
import { summariseComplaint } from '../complaints/complaint-summary';
import { isStronglyNegative } from '../handoff/negative-sentiment';
import { MessageReader, Reading } from '../nlu/message-reader';
import { ConversationState, ConversationStates } from './conversation-state';
import { EligibilityFlow } from './eligibility-flow';
import { HandoffFlow, isSpecialGroup } from './handoff-flow';
import { pickOffered } from './knowledge-decision';
import { KnowledgeFlow } from './knowledge-flow';
import * as say from './replies.zh';
import { SurveyFlow } from '../surveys/survey-flow';
import { TaxFlow } from './tax-flow';
import { replyTurn, Turn } from './turn';

/** Intents that leave a question the assistant asked unanswered, to do what the citizen now wants instead. */
const SWITCHES = new Set(['greeting', 'complaint', 'handoff', 'cancel']);

/**
 * One turn of a conversation. In order: a person has or is coming for the conversation; the citizen cancels or answers
 * a question the assistant asked; asks for a person (or is strongly upset); picks from the choices offered; greets;
 * complains (a work order); asks for a tax calculation or an eligibility check; or asks a question for the knowledge
 * base — whose "not sure" the second time in a row, or at once for special groups, brings in a person.
 * Everything the turn causes is returned, to be produced together.
 */
@Injectable()
export class HandleCitizenMessage {
  constructor(
    private readonly states: ConversationStates,
    private readonly reader: MessageReader,
    private readonly knowledge: KnowledgeFlow,
    private readonly tax: TaxFlow,
    private readonly eligibility: EligibilityFlow,
    private readonly handoff: HandoffFlow,
    private readonly surveys: SurveyFlow,
    private readonly clock: Clock,
  ) {}

  async execute(envelope: ChannelInboundV1): Promise<Outgoing[]> {
    const message = envelope.payload;
    const reading = message.kind === 'text' ? this.reader.read(message.text, chinaDate(this.clock.now())) : undefined;
    const [stored, open] = await Promise.all([
      this.states.get(message.conversationId),
      this.handoff.openFor(message.conversationId),
    ]);
    const state = reading ? remember(stored, reading) : stored;
    const turn = open
      ? await this.handoff.whileHandedOff(envelope, open, state, reading?.intent === 'cancel')
      : reading
        ? await this.respond(envelope, reading, state)
        : this.respondToNonText(envelope, state);
    await this.states.save(message.conversationId, turn.next);
    return [...turn.outgoing, this.turnEvent(envelope, reading, turn)];
  }

  private respondToNonText(envelope: ChannelInboundV1, state: ConversationState): Turn {
    const message = envelope.payload;
    if (message.kind === 'location') {
      return replyTurn(
        envelope,
        [say.LOCATION_RECEIVED(message.location.label)],
        { ...state, location: message.location },
        'answered',
      );
    }
    return message.kind === 'event'
      ? replyTurn(envelope, [say.GREETING], state, 'answered', say.MENU_CHOICES)
      : replyTurn(envelope, [say.UNSUPPORTED_MESSAGE], state, 'fallback');
  }

  private async respond(envelope: ChannelInboundV1, reading: Reading, state: ConversationState): Promise<Turn> {
    const text = envelope.payload.kind === 'text' ? envelope.payload.text : '';
    const settled = { ...state, failedTurns: 0, offered: [] };
    if (reading.intent === 'cancel') {
      return replyTurn(envelope, [say.CANCELLED], { ...settled, pending: undefined }, 'answered', say.MENU_CHOICES);
    }
    const continued = !SWITCHES.has(reading.intent) && this.continuePending(envelope, reading, state);
    if (continued) return continued;
    const fresh = { ...settled, pending: undefined };
    if (reading.intent === 'handoff') return this.handoff.handOver(envelope, 'requested', fresh);
    if (isStronglyNegative(text)) return this.handoff.handOver(envelope, 'negative_sentiment', fresh);
    const picked = pickOffered(text, state.offered);
    if (picked) return this.knowledge.answerItem(envelope, picked.itemId, fresh);
    switch (reading.intent) {
      case 'greeting':
        return replyTurn(envelope, [say.GREETING], fresh, 'answered', say.MENU_CHOICES);
      case 'complaint':
        return { outgoing: [this.ticketCommand(envelope, reading, state)], outcome: 'ticket_requested', next: fresh };
      case 'calculate_tax':
        return this.tax.start(envelope, reading, fresh);
    }
    const decision = this.knowledge.decide(text, state);
    if (reading.intent === 'check_eligibility') {
      const rules = this.eligibility.ruleSetFor(
        decision.type === 'answer' ? decision.match.unit.itemId : state.topicItemId,
      );
      if (rules) return this.eligibility.start(envelope, rules, reading, fresh);
    }
    const answered = this.knowledge.answer(envelope, decision, { ...fresh, failedTurns: state.failedTurns });
    if (answered) return answered;
    const failedTurns = state.failedTurns + 1;
    if (failedTurns >= 2 || isSpecialGroup(state)) return this.handoff.handOver(envelope, 'failed_turns', fresh);
    return replyTurn(envelope, [say.NOT_UNDERSTOOD], { ...fresh, failedTurns }, 'fallback', say.MENU_CHOICES);
  }

  /** The answer to a question the assistant asked in the last turn, when there is one. */
  private continuePending(envelope: ChannelInboundV1, reading: Reading, state: ConversationState): Turn | undefined {
    const pending = state.pending;
    if (pending?.type === 'tax') return this.tax.continue(envelope, reading, state, pending.facts);
    if (pending?.type === 'eligibility') return this.eligibility.continue(envelope, reading, state, pending);
    const text = envelope.payload.kind === 'text' ? envelope.payload.text : '';
    if (pending?.type === 'survey') return this.surveys.continue(envelope, text, state, pending);
    return undefined;
  }

  private ticketCommand(envelope: ChannelInboundV1, reading: Reading, state: ConversationState): Outgoing {
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
          category: reading.category ?? '其他',
          regionCode: state.regionCode ?? this.knowledge.context(state).regionCode,
          description: message.text,
          lang: message.lang ?? 'zh',
          location: state.location,
          summary: summariseComplaint(message.text, reading.slots),
        },
        { traceId: envelope.traceId, envelopeId: envelope.id },
      ),
    };
  }

  private turnEvent(envelope: ChannelInboundV1, reading: Reading | undefined, turn: Turn): Outgoing {
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
          intent: reading?.intent ?? message.kind,
          confidence: reading?.confidence ?? 1,
          outcome: turn.outcome,
          knowledgeItemId: turn.knowledgeItemId,
        },
        { traceId: envelope.traceId, envelopeId: envelope.id },
      ),
    };
  }
}

/** What a message tells about the citizen that later turns need: their groups and their region. */
function remember(state: ConversationState, reading: Reading): ConversationState {
  const { identityTags, region } = reading.slots;
  return {
    ...state,
    identityTags: [...new Set([...state.identityTags, ...(identityTags ?? [])])],
    regionCode: region?.status === 'resolved' ? region.code : state.regionCode,
  };
}
