import { Injectable } from '@nestjs/common';
import { ChannelInboundV1 } from '@libs/common/contracts/channel-inbound.v1';
import { createEnvelope } from '@libs/common/contracts/envelope';
import { Outgoing, Topic } from '@libs/common/contracts/topics';
import { chinaDate } from '@libs/common/time/china-time';
import { Clock } from '@libs/common/time/clock';
import { Bundles } from '../bundles/bundle';
import { summariseComplaint } from '../complaints/complaint-summary';
import { isStronglyNegative } from '../handoff/negative-sentiment';
import { MessageReader, Reading } from '../nlu/message-reader';
import { SurveyFlow } from '../surveys/survey-flow';
import { TicketProgressStore } from '../tickets/ticket-progress';
import { AlertSubscriptionFlow } from './alert-subscription-flow';
import { isBareComplaint, languageOf, resolveChoice } from './citizen-language';
import { ConversationState, ConversationStates } from './conversation-state';
import { EligibilityFlow } from './eligibility-flow';
import { HandoffFlow, isSpecialGroup } from './handoff-flow';
import { pickOffered } from './knowledge-decision';
import { KnowledgeFlow } from './knowledge-flow';
import { Phrasebook } from './phrasebook';
import { phrasebookFor } from './phrasebooks';
import { deadlineNamedIn } from './named-deadline';
import { ReminderFlow } from './reminder-flow';
import { TaxFlow } from './tax-flow';
import { leavesTheQuestion } from './leaves-the-question';
import { replyTurn, Turn } from './turn';

/**
 * One turn of a conversation. In order: a person has or is coming for the conversation; the citizen cancels or answers
 * a question the assistant asked; asks for a person (or is strongly upset); picks from the choices offered; greets;
 * complains (a work order); asks for a tax calculation or an eligibility check; or asks a question for the knowledge
 * base — whose "not sure" the second time in a row, or at once for special groups, brings in a person.
 * The reply is in the citizen's language, in elder mode for older citizens. Everything the turn causes is returned,
 * to be produced together.
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
    private readonly alertSubscriptions: AlertSubscriptionFlow,
    private readonly reminders: ReminderFlow,
    private readonly progress: TicketProgressStore,
    private readonly bundles: Bundles,
    private readonly clock: Clock,
  ) {}

  async execute(envelope: ChannelInboundV1): Promise<Outgoing[]> {
    const message = envelope.payload;
    const [stored, open] = await Promise.all([
      this.states.get(message.conversationId),
      this.handoff.openFor(message.conversationId),
    ]);
    const text = message.kind === 'text' ? resolveChoice(message.text, stored.choices) : undefined;
    const reading = text === undefined ? undefined : this.reader.read(text, chinaDate(this.clock.now()));
    const state = remember(stored, envelope, reading, text);
    const say = phrasebookFor(state.lang ?? 'zh', message.elderMode ?? state.identityTags.includes('elderly'));
    const turn = open
      ? await this.handoff.whileHandedOff(envelope, open, state, reading?.intent === 'cancel', say)
      : reading && text !== undefined
        ? await this.respond(envelope, text, reading, state, say)
        : this.respondToNonText(envelope, state, say);
    // A deadline the answer named is remembered for one turn: 到期前提醒我 refers to it.
    const namedDeadline = deadlineNamedIn(replyTexts(turn.outgoing), chinaDate(this.clock.now()));
    await this.states.save(message.conversationId, {
      ...turn.next,
      choices: lastChoices(turn.outgoing),
      namedDeadline,
    });
    return [...turn.outgoing, this.turnEvent(envelope, reading, turn, say)];
  }

  private respondToNonText(envelope: ChannelInboundV1, state: ConversationState, say: Phrasebook): Turn {
    const message = envelope.payload;
    const subscribed = this.alertSubscriptions.respondToLocation(envelope, state, say);
    if (subscribed) return subscribed;
    if (message.kind === 'location') {
      const next = { ...state, location: message.location };
      return replyTurn(envelope, [say.locationReceived(message.location.label)], next, 'answered');
    }
    return message.kind === 'event'
      ? replyTurn(envelope, [say.greeting], state, 'answered', say.menuChoices)
      : replyTurn(envelope, [say.unsupportedMessage], state, 'fallback');
  }

  private async respond(
    envelope: ChannelInboundV1,
    text: string,
    reading: Reading,
    state: ConversationState,
    say: Phrasebook,
  ): Promise<Turn> {
    const settled = { ...state, failedTurns: 0, offered: [] };
    // Before 取消: 取消订阅预警 is about alerts, not the question asked.
    const subscription = this.alertSubscriptions.respond(envelope, text, reading, settled, say);
    if (subscription) return subscription;
    // Before 取消 too: 取消提醒 is about reminders.
    const reminder = this.reminders.respond(envelope, text, reading, settled, say, this.clock.now());
    if (reminder) return reminder;
    if (reading.intent === 'cancel') {
      return replyTurn(envelope, [say.cancelled], { ...settled, pending: undefined }, 'answered', say.menuChoices);
    }
    // A reply that is one of the choices just offered answers the question asked, whatever the classifier makes of it.
    const isChoice = state.choices.includes(text);
    const continued =
      (isChoice || !leavesTheQuestion(reading.intent)) && this.continuePending(envelope, text, reading, state, say);
    if (continued) return continued;
    const fresh = { ...settled, pending: undefined };
    if (isStronglyNegative(text)) return this.handoff.handOver(envelope, 'negative_sentiment', fresh, say);
    if (reading.intent === 'handoff') return this.handoff.handOver(envelope, 'requested', fresh, say);
    const picked = pickOffered(text, state.offered);
    if (picked) return this.knowledge.answerItem(envelope, picked.itemId, fresh, say);
    const homeVisit = homeVisitFor(state, text);
    if (homeVisit) {
      return {
        outgoing: [this.ticketCommand(envelope, text, reading, state, homeVisit)],
        outcome: 'ticket_requested',
        next: fresh,
      };
    }
    const menuChoice = say.menuChoices.indexOf(text.trim());
    if (menuChoice === 1) return replyTurn(envelope, [say.askPolicyTopic], fresh, 'clarification');
    if (menuChoice === 2) return replyTurn(envelope, [say.askServiceTopic], fresh, 'clarification');
    switch (reading.intent) {
      case 'greeting':
        return replyTurn(envelope, [say.greeting], fresh, 'answered', say.menuChoices);
      case 'complaint':
        if (isBareComplaint(text)) {
          const waiting: ConversationState = { ...fresh, pending: { type: 'complaint_details' } };
          return replyTurn(envelope, [say.askComplaintDetails], waiting, 'clarification');
        }
        return {
          outgoing: [this.ticketCommand(envelope, text, reading, state)],
          outcome: 'ticket_requested',
          next: fresh,
        };
      case 'calculate_tax':
        return this.tax.start(envelope, reading, fresh, say);
      case 'thanks_goodbye':
        return replyTurn(envelope, [say.thanks], fresh, 'answered');
      case 'subscribe_alert':
        return replyTurn(envelope, [say.remindersNotOpen], fresh, 'answered');
    }
    if (reading.intent === 'progress_query' || reading.slots.ticketNo) {
      const tickets = await this.progress.ofConversation(envelope.payload.conversationId, reading.slots.ticketNo);
      return replyTurn(envelope, [say.ticketProgress(tickets)], fresh, 'answered');
    }
    const bundle = this.bundles.for(state.identityTags, text);
    const bundled = bundle && this.knowledge.offerBundle(envelope, bundle, fresh, say);
    if (bundled) return bundled;
    const decision = this.knowledge.decide(text, state);
    if (reading.intent === 'check_eligibility') {
      const itemId = decision.type === 'answer' ? decision.match.unit.itemId : state.topicItemId;
      const rules = this.eligibility.ruleSetFor(itemId);
      if (rules) return this.eligibility.start(envelope, rules, reading, fresh, say);
    }
    const answered = this.knowledge.answer(envelope, decision, { ...fresh, failedTurns: state.failedTurns }, say);
    if (answered) return answered;
    const failedTurns = state.failedTurns + 1;
    if (failedTurns >= 2 || isSpecialGroup(state)) return this.handoff.handOver(envelope, 'failed_turns', fresh, say);
    return replyTurn(envelope, [say.notUnderstood], { ...fresh, failedTurns }, 'fallback', say.menuChoices);
  }

  /** The answer to a question the assistant asked in the last turn, when there is one. */
  private continuePending(
    envelope: ChannelInboundV1,
    text: string,
    reading: Reading,
    state: ConversationState,
    say: Phrasebook,
  ): Turn | undefined {
    const pending = state.pending;
    if (pending?.type === 'tax') return this.tax.continue(envelope, reading, state, pending.facts, say);
    if (pending?.type === 'eligibility') return this.eligibility.continue(envelope, text, reading, state, pending, say);
    if (pending?.type === 'survey') return this.surveys.continue(envelope, text, state, pending);
    if (pending?.type === 'rating') return this.rate(envelope, text, state, pending.ticketNo, say);
    if (pending?.type === 'complaint_details') {
      const next = { ...state, pending: undefined };
      return { outgoing: [this.ticketCommand(envelope, text, reading, state)], outcome: 'ticket_requested', next };
    }
    return undefined;
  }

  /** 好差评 of a concluded work order, given as one of the five levels offered: to ticketing, which files or reopens it. */
  private rate(
    envelope: ChannelInboundV1,
    text: string,
    state: ConversationState,
    ticketNo: string,
    say: Phrasebook,
  ): Turn {
    const level = say.ratingChoices.indexOf(text.trim());
    if (level < 0)
      return replyTurn(envelope, [say.ratingNotRead, say.askRating], state, 'clarification', say.ratingChoices);
    const message = envelope.payload;
    const command: Outgoing = {
      topic: Topic.TicketCommandsV1,
      envelope: createEnvelope(
        'ticket.rate',
        1,
        message.conversationId,
        { ticketNo, conversationId: message.conversationId, rating: 5 - level },
        { traceId: envelope.traceId, envelopeId: envelope.id },
      ),
    };
    const thanked = replyTurn(envelope, [say.ratingThanks], { ...state, pending: undefined }, 'answered');
    return { ...thanked, outgoing: [...thanked.outgoing, command] };
  }

  private ticketCommand(
    envelope: ChannelInboundV1,
    text: string,
    reading: Reading,
    state: ConversationState,
    homeVisit?: { groups: Array<'elderly' | 'disabled'> },
  ): Outgoing {
    const message = envelope.payload;
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
          description: text,
          lang: state.lang ?? 'zh',
          location: state.location,
          summary: summariseComplaint(text, reading.slots),
          homeVisit,
        },
        { traceId: envelope.traceId, envelopeId: envelope.id },
      ),
    };
  }

  private turnEvent(envelope: ChannelInboundV1, reading: Reading | undefined, turn: Turn, say: Phrasebook): Outgoing {
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
          lang: say.lang,
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

/**
 * What a message tells about the citizen that later turns need: their language (given by the channel, or read from
 * the script), their groups and their region.
 */
function remember(
  state: ConversationState,
  envelope: ChannelInboundV1,
  reading: Reading | undefined,
  text: string | undefined,
): ConversationState {
  const { identityTags, region } = reading?.slots ?? {};
  return {
    ...state,
    lang: envelope.payload.lang ?? (text !== undefined ? languageOf(text) : undefined) ?? state.lang,
    identityTags: [...new Set([...state.identityTags, ...(identityTags ?? [])])],
    regionCode: region?.status === 'resolved' ? region.code : state.regionCode,
  };
}

/** Asking for someone to come: 上门, 行动不便, 出不了门. */
const HOME_HELP = /(上门|到家里|来我家|行动不便|腿脚不便|腿脚不方便|走不动|出不了门|卧床|不方便出门)/u;

/** An elderly or disabled citizen asking for help at home: a request the community's grid worker answers in person. */
function homeVisitFor(state: ConversationState, text: string): { groups: Array<'elderly' | 'disabled'> } | undefined {
  const groups = state.identityTags.filter(
    (tag): tag is 'elderly' | 'disabled' => tag === 'elderly' || tag === 'disabled',
  );
  return groups.length > 0 && HOME_HELP.test(text) ? { groups } : undefined;
}

/** The texts the turn answers with. */
function replyTexts(outgoing: Outgoing[]): string[] {
  return outgoing.flatMap((message) =>
    message.topic === Topic.ChannelOutboundV1 ? [message.envelope.payload.text] : [],
  );
}

/** The choices offered with the turn's last reply. */
function lastChoices(outgoing: Outgoing[]): string[] {
  const replies = outgoing.flatMap((message) => (message.topic === Topic.ChannelOutboundV1 ? [message.envelope] : []));
  return replies.at(-1)?.payload.quickReplies ?? [];
}
