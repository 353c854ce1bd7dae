import { Injectable } from '@nestjs/common';
import { ChannelInboundV1 } from '@libs/common/contracts/channel-inbound.v1';
import { ReminderCancelledV1, ReminderRequestedV1 } from '@libs/common/contracts/conversation-events.v1';
import { createEnvelope, derivedId } from '@libs/common/contracts/envelope';
import { Outgoing, Topic } from '@libs/common/contracts/topics';
import { chinaDate } from '@libs/common/time/china-time';
import { Reading } from '../nlu/message-reader';
import { DateSlot } from '../nlu/slots/slots';
import { ConversationState } from './conversation-state';
import { Phrasebook } from './phrasebook';
import { reminderPhrasesFor } from './reminder-phrases';
import { reminderAsked, reminderSubject } from './reminder-request';
import { reminderTiming, upcoming } from './reminder-timing';
import { leavesTheQuestion } from './leaves-the-question';
import { replyTurn, Turn } from './turn';

/** A reply to "which day?" is short (下周五, 6月30日前); a longer message is a new question. */
const MAX_DATE_ANSWER_CHARS = 12;

/**
 * 办事提醒 in a conversation: 6月30日前提醒我办理个税年度汇算, 提醒我下周五去交材料, or 到期前提醒我 after an answer
 * that named a deadline. The date is asked for once when none was said; the reminder is confirmed with its day and
 * time and handed to the notifier (`conversation.reminder_requested`), which sends it back into this conversation
 * when it is due. 取消提醒 cancels what is not yet sent. News of policy changes is not offered yet, and said so.
 */
@Injectable()
export class ReminderFlow {
  /** The turn, when the message is about reminders or answers the flow's question; else undefined. */
  respond(
    envelope: ChannelInboundV1,
    text: string,
    reading: Reading,
    state: ConversationState,
    say: Phrasebook,
    now: Date,
  ): Turn | undefined {
    const phrases = reminderPhrasesFor(say.lang, say.isElderMode);
    const settled: ConversationState = { ...state, pending: undefined };
    const today = chinaDate(now);
    const dates = (reading.slots.dates ?? []).map((slot) => upcoming(slot, today));
    switch (reminderAsked(text)) {
      case 'cancel':
        return withEvent(replyTurn(envelope, [phrases.cancelled], settled, 'answered'), this.cancelled(envelope));
      case 'policy_updates':
        return replyTurn(envelope, [say.remindersNotOpen], settled, 'answered');
      case 'remind': {
        const named = dates.length === 0 ? state.namedDeadline : undefined;
        const subject = reminderSubject(text, dates) ?? named?.subject;
        const slot: Pick<DateSlot, 'date' | 'relation'> | undefined =
          dates[0] ?? (named && { date: named.date, relation: 'before' });
        if (!slot) {
          const asking: ConversationState = { ...state, pending: { type: 'reminder', subject } };
          return replyTurn(envelope, [phrases.askDate], asking, 'clarification');
        }
        return this.schedule(envelope, slot, subject, state, say, now, true);
      }
    }
    const pending = state.pending;
    if (pending?.type !== 'reminder') return undefined;
    if (dates[0]) return this.schedule(envelope, dates[0], pending.subject, state, say, now, false);
    // Not a date: said so, unless the citizen has moved on to something else (a switch, or a longer question).
    if (leavesTheQuestion(reading.intent) || [...text.replace(/[\s\p{P}]/gu, '')].length > MAX_DATE_ANSWER_CHARS) {
      return undefined;
    }
    return replyTurn(envelope, [phrases.dateNotRead], settled, 'clarification');
  }

  private schedule(
    envelope: ChannelInboundV1,
    slot: Pick<DateSlot, 'date' | 'relation'>,
    subject: string | undefined,
    state: ConversationState,
    say: Phrasebook,
    now: Date,
    mayAskAgain: boolean,
  ): Turn {
    const phrases = reminderPhrasesFor(say.lang, say.isElderMode);
    const timing = reminderTiming(slot, now);
    const settled: ConversationState = { ...state, pending: undefined };
    if (timing.type !== 'due') {
      // A date gone by or too far: one more chance to give another, as when none was said.
      const next: ConversationState = mayAskAgain ? { ...state, pending: { type: 'reminder', subject } } : settled;
      const said = timing.type === 'past' ? phrases.past(timing.date) : phrases.tooFar(timing.date);
      return replyTurn(envelope, [said], next, 'clarification');
    }
    const message = envelope.payload;
    const what = subject ?? phrases.defaultSubject;
    const confirmation = phrases.confirmed({
      date: timing.date,
      remindOn: timing.remindOn,
      subject: what,
      isWebChat: message.channel === 'webchat',
    });
    const payload: ReminderRequestedV1 = {
      reminderId: derivedId(message.messageId, 'conversation.reminder_requested'),
      conversationId: message.conversationId,
      citizenId: message.citizenId,
      channel: message.channel,
      date: timing.date,
      dueAt: timing.dueAt,
      subject: what,
      lang: say.lang,
      elderMode: say.isElderMode,
    };
    const event: Outgoing = {
      topic: Topic.ConversationEventsV1,
      envelope: createEnvelope('conversation.reminder_requested', 1, message.conversationId, payload, {
        traceId: envelope.traceId,
        envelopeId: envelope.id,
      }),
    };
    const forgotten: ConversationState = { ...settled, namedDeadline: undefined };
    return withEvent(replyTurn(envelope, [confirmation], forgotten, 'answered'), event);
  }

  private cancelled(envelope: ChannelInboundV1): Outgoing {
    const message = envelope.payload;
    const payload: ReminderCancelledV1 = {
      conversationId: message.conversationId,
      citizenId: message.citizenId,
      channel: message.channel,
    };
    return {
      topic: Topic.ConversationEventsV1,
      envelope: createEnvelope('conversation.reminder_cancelled', 1, message.conversationId, payload, {
        traceId: envelope.traceId,
        envelopeId: envelope.id,
      }),
    };
  }
}

function withEvent(turn: Turn, event: Outgoing): Turn {
  return { ...turn, outgoing: [...turn.outgoing, event] };
}
