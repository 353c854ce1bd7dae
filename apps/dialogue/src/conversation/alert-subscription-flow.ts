import { Injectable } from '@nestjs/common';
import { ChannelInboundV1 } from '@libs/common/contracts/channel-inbound.v1';
import { AlertSubscriptionRequestedV1 } from '@libs/common/contracts/conversation-events.v1';
import { createEnvelope } from '@libs/common/contracts/envelope';
import { Outgoing, Topic } from '@libs/common/contracts/topics';
import { Reading } from '../nlu/message-reader';
import { alertSubscriptionPhrasesFor } from './alert-subscription-phrases';
import { alertSubscriptionAsked, coordinateSystemOf } from './alert-subscription-request';
import { SubscriptionStep, subscriptionStep } from './alert-subscription-step';
import { ConversationState } from './conversation-state';
import { Phrasebook } from './phrasebook';
import { leavesTheQuestion } from './leaves-the-question';
import { replyTurn, Turn } from './turn';

/** A complaint that names a place (天河区有人乱倒垃圾) is not the answer to "which district?"; a short place name is. */
const MAX_PLACE_ANSWER_CHARS = 12;

/**
 * 订阅预警 in a conversation: the district the citizen names, or the location they share, is subscribed to for
 * alerts on the channel they write from, and 取消订阅预警 stops them. The gateway, which alone knows the citizen's
 * address, registers them with the notifier on `conversation.alert_subscription_requested`. Channels that only
 * answer (web chat, 微信客服) cannot carry an alert: the citizen is told where to subscribe instead.
 */
@Injectable()
export class AlertSubscriptionFlow {
  /** The turn, when the message asks about alert subscriptions or answers the flow's question; else undefined. */
  respond(
    envelope: ChannelInboundV1,
    text: string,
    reading: Reading,
    state: ConversationState,
    say: Phrasebook,
  ): Turn | undefined {
    const asked = alertSubscriptionAsked(text);
    if (asked) {
      const step = subscriptionStep({ channel: envelope.payload.channel, action: asked, region: reading.slots.region });
      return this.take(envelope, step, state, say);
    }
    const pending = state.pending;
    if (pending?.type !== 'alert_subscription') return undefined;
    const region = isPlaceAnswer(text, reading) ? reading.slots.region : undefined;
    const step = subscriptionStep({ channel: envelope.payload.channel, action: 'subscribe', region });
    if (step.type !== 'ask_place') return this.take(envelope, step, state, say);
    // Not a place: asked once more, then the citizen is taken to want something else.
    if (pending.hasAskedAgain || leavesTheQuestion(reading.intent)) return undefined;
    const phrases = alertSubscriptionPhrasesFor(say.lang, say.isElderMode);
    const again: ConversationState = { ...state, pending: { type: 'alert_subscription', hasAskedAgain: true } };
    return replyTurn(envelope, [phrases.placeNotRead], again, 'clarification');
  }

  /** A location shared after the assistant asked where: subscribed to by that location. */
  respondToLocation(envelope: ChannelInboundV1, state: ConversationState, say: Phrasebook): Turn | undefined {
    const message = envelope.payload;
    if (message.kind !== 'location' || state.pending?.type !== 'alert_subscription') return undefined;
    const step = subscriptionStep({ channel: message.channel, action: 'subscribe', location: message.location });
    return this.take(envelope, step, state, say);
  }

  private take(envelope: ChannelInboundV1, step: SubscriptionStep, state: ConversationState, say: Phrasebook): Turn {
    const phrases = alertSubscriptionPhrasesFor(say.lang, say.isElderMode);
    const settled: ConversationState = { ...state, pending: undefined };
    const asking: ConversationState = { ...state, pending: { type: 'alert_subscription', hasAskedAgain: false } };
    const request = (fields: Pick<AlertSubscriptionRequestedV1, 'action' | 'regionCodes' | 'location'>) =>
      this.requested(envelope, fields, say);
    switch (step.type) {
      case 'elsewhere':
        return replyTurn(envelope, [phrases.notOnThisChannel(step.action)], settled, 'answered');
      case 'unsubscribe':
        return withEvent(
          replyTurn(envelope, [phrases.unsubscribed], settled, 'answered'),
          request({ action: 'unsubscribe', regionCodes: [] }),
        );
      case 'subscribe_region':
        return withEvent(
          replyTurn(envelope, [phrases.subscribed(step.region.fullName, step.channel)], settled, 'answered'),
          request({ action: 'subscribe', regionCodes: [step.region.code] }),
        );
      case 'subscribe_location': {
        const { lat, lon, label } = step.location;
        const coordinateSystem = coordinateSystemOf(envelope.payload.channel);
        return withEvent(
          replyTurn(envelope, [phrases.subscribedAtLocation(label, step.channel)], settled, 'answered'),
          request({ action: 'subscribe', regionCodes: [], location: { lat, lon, coordinateSystem } }),
        );
      }
      case 'ask_place':
        return replyTurn(envelope, [phrases.askPlace(step.canShareLocation)], asking, 'clarification');
      case 'ask_which': {
        const places = step.candidates.map((candidate) => candidate.fullName);
        return replyTurn(envelope, [phrases.askWhich(places)], asking, 'clarification', places);
      }
      case 'ask_smaller':
        return replyTurn(envelope, [phrases.askSmaller(step.region.name)], asking, 'clarification');
    }
  }

  private requested(
    envelope: ChannelInboundV1,
    fields: Pick<AlertSubscriptionRequestedV1, 'action' | 'regionCodes' | 'location'>,
    say: Phrasebook,
  ): Outgoing {
    const message = envelope.payload;
    const payload: AlertSubscriptionRequestedV1 = {
      conversationId: message.conversationId,
      citizenId: message.citizenId,
      channel: message.channel,
      ...fields,
      lang: say.lang,
      elderMode: say.isElderMode,
    };
    return {
      topic: Topic.ConversationEventsV1,
      envelope: createEnvelope('conversation.alert_subscription_requested', 1, message.conversationId, payload, {
        traceId: envelope.traceId,
        envelopeId: envelope.id,
      }),
    };
  }
}

function withEvent(turn: Turn, event: Outgoing): Turn {
  return { ...turn, outgoing: [...turn.outgoing, event] };
}

/** Whether a reply to "which district?" can be read as a place: anything but a longer complaint that names one. */
export function isPlaceAnswer(text: string, reading: Pick<Reading, 'intent'>): boolean {
  const length = [...text.replace(/[\s\p{P}]/gu, '')].length;
  return reading.intent !== 'complaint' || length <= MAX_PLACE_ANSWER_CHARS;
}
