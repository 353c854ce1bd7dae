import { Injectable } from '@nestjs/common';
import { KafkaJSError } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Channel, Lang } from '@libs/common/contracts/common-fields';
import { createEnvelope } from '@libs/common/contracts/envelope';
import { Topic } from '@libs/common/contracts/topics';
import { DomainError } from '@libs/common/errors/domain-error';
import { EnvelopeProducer } from '@libs/common/kafka/envelope-producer';
import { traceContext } from '@libs/common/logging/trace-context';
import { ConversationStore } from './conversation-store';

export interface CitizenText {
  channel: Channel;
  conversationId: string;
  citizenId: string;
  platformMessageId?: string;
  text: string;
  lang?: Lang;
}

export class MessageNotAccepted extends DomainError {
  constructor() {
    super('unavailable', '消息暂时无法受理，请稍后重新发送');
  }
}

/**
 * Every channel's way in: store the citizen's message (once per platform message id) and hand it to Kafka.
 * A message counts as accepted only once Kafka has it; if Kafka cannot take it, the caller is told to retry. A repeat
 * of a platform message id is handed on again under the first message's id: harmless if it got through the first
 * time (dialogue drops the repeat), and the rescue if the first attempt died between storing and handing on.
 */
@Injectable()
export class AcceptCitizenMessage {
  constructor(
    private readonly store: ConversationStore,
    private readonly producer: EnvelopeProducer,
  ) {}

  async execute(message: CitizenText): Promise<{ messageId: string; isDuplicate: boolean }> {
    const stored = await this.store.storeInbound({ id: randomUUID(), ...message });
    try {
      await this.producer.send({
        topic: Topic.ChannelInboundV1,
        // The message id is the envelope id: dialogue's inbox drops a second hand-over of the same message.
        envelope: createEnvelope(
          'channel.message',
          1,
          message.conversationId,
          {
            kind: 'text' as const,
            channel: message.channel,
            conversationId: message.conversationId,
            citizenId: message.citizenId,
            messageId: stored.id,
            platformMessageId: message.platformMessageId,
            text: message.text,
            lang: message.lang,
            receivedAt: new Date().toISOString(),
          },
          { traceId: traceContext.traceId() },
          { id: stored.id },
        ),
      });
    } catch (error) {
      throw error instanceof KafkaJSError ? new MessageNotAccepted() : error;
    }
    return { messageId: stored.id, isDuplicate: !stored.isNew };
  }
}
