import { Injectable } from '@nestjs/common';
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
 * A message counts as accepted only once Kafka has it; if Kafka cannot take it, the stored copy is removed and the
 * caller is told to retry. A retry of a message stored but never handed on (a crash in between) hands it on then.
 */
@Injectable()
export class AcceptCitizenMessage {
  constructor(
    private readonly store: ConversationStore,
    private readonly producer: EnvelopeProducer,
  ) {}

  async execute(message: CitizenText): Promise<{ messageId: string; isDuplicate: boolean }> {
    const stored = await this.store.storeInbound({ id: randomUUID(), ...message });
    if (!stored.isNew && stored.isPublished) return { messageId: stored.id, isDuplicate: true };
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
      if (stored.isNew) await this.store.forgetUnpublished(stored.id);
      throw error instanceof DomainError ? error : new MessageNotAccepted();
    }
    await this.store.markPublished(stored.id);
    return { messageId: stored.id, isDuplicate: !stored.isNew };
  }
}
