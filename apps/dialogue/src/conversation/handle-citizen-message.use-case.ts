import { Inject, Injectable } from '@nestjs/common';
import { ChannelInboundV1 } from '@libs/common/contracts/channel-inbound.v1';
import { createReply } from '@libs/common/contracts/channel-outbound.v1';
import { TurnHandledV1 } from '@libs/common/contracts/conversation-events.v1';
import { createEnvelope } from '@libs/common/contracts/envelope';
import { Outgoing, Topic } from '@libs/common/contracts/topics';
import { DIALOGUE_CONFIG, DialogueConfig } from '../config';
import { ConversationStates } from './conversation-state';
import { understand, Understanding } from './first-intents';
import * as say from './replies.zh';

/**
 * One turn: read the citizen's message, answer it (or ask ticketing to open a work order), remember what matters for
 * the next turn, and report the turn for analytics. Everything it causes is returned, to be produced together.
 */
@Injectable()
export class HandleCitizenMessage {
  constructor(
    private readonly states: ConversationStates,
    @Inject(DIALOGUE_CONFIG) private readonly config: DialogueConfig,
  ) {}

  async execute(envelope: ChannelInboundV1): Promise<Outgoing[]> {
    const message = envelope.payload;
    const understanding: Understanding =
      message.kind === 'text'
        ? understand(message.text)
        : { intent: message.kind === 'event' ? 'greeting' : 'unknown', confidence: 1 };
    const state = await this.states.get(message.conversationId);
    const failedTurns = understanding.intent === 'unknown' ? state.failedTurns + 1 : 0;
    if (failedTurns !== state.failedTurns) await this.states.save(message.conversationId, { failedTurns });

    const turn = (outcome: TurnHandledV1['outcome']): Outgoing => ({
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
        cause(envelope),
      ),
    });

    switch (understanding.intent) {
      case 'greeting':
        return [reply(envelope, say.GREETING, say.MENU_CHOICES), turn('answered')];
      case 'complaint':
        if (message.kind !== 'text') break;
        return [
          {
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
              cause(envelope),
            ),
          },
          turn('ticket_requested'),
        ];
      case 'handoff':
        return [reply(envelope, say.HANDOFF_NOT_AVAILABLE), turn('handoff')];
    }
    const text =
      message.kind !== 'text'
        ? say.UNSUPPORTED_MESSAGE
        : failedTurns >= 2
          ? say.STILL_NOT_UNDERSTOOD
          : say.NOT_UNDERSTOOD;
    return [reply(envelope, text, say.MENU_CHOICES), turn('fallback')];
  }
}

const cause = (envelope: ChannelInboundV1) => ({ traceId: envelope.traceId, envelopeId: envelope.id });

function reply(envelope: ChannelInboundV1, text: string, quickReplies?: string[]): Outgoing {
  const message = envelope.payload;
  return {
    topic: Topic.ChannelOutboundV1,
    envelope: createReply(
      {
        channel: message.channel,
        conversationId: message.conversationId,
        inReplyTo: message.messageId,
        text,
        quickReplies,
        endOfTurn: true,
      },
      cause(envelope),
    ),
  };
}
