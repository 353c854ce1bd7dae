import { Injectable } from '@nestjs/common';
import { KafkaJSError } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { CitizenMessageV1 } from '@libs/common/contracts/channel-inbound.v1';
import { createEnvelope } from '@libs/common/contracts/envelope';
import { Topic } from '@libs/common/contracts/topics';
import { DomainError } from '@libs/common/errors/domain-error';
import { EnvelopeProducer } from '@libs/common/kafka/envelope-producer';
import { traceContext } from '@libs/common/logging/trace-context';
import { ConversationStore } from './conversation-store';

/** A citizen's message as a channel adapter hands it in: the inbound contract without the ids gateway assigns. */
export type CitizenInput = DistributiveOmit<CitizenMessageV1, 'messageId' | 'receivedAt'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

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

  async execute(message: CitizenInput): Promise<{ messageId: string; isDuplicate: boolean }> {
    const stored = await this.store.storeInbound({ id: randomUUID(), ...message, text: transcriptText(message) });
    try {
      await this.producer.send({
        topic: Topic.ChannelInboundV1,
        // The message id is the envelope id: dialogue's inbox drops a second hand-over of the same message.
        envelope: createEnvelope(
          'channel.message',
          1,
          message.conversationId,
          { ...message, messageId: stored.id, receivedAt: new Date().toISOString() },
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

/** How a message reads in the conversation's transcript (texts as they are; other kinds as a short note). */
function transcriptText(message: CitizenInput): string {
  switch (message.kind) {
    case 'text':
      return message.text;
    case 'location':
      return `[位置] ${message.location.label ?? `${message.location.lat},${message.location.lon}`}`;
    case 'event':
      return `[事件] ${message.event}`;
    case 'media':
      return `[${{ image: '图片', voice: '语音', video: '视频', file: '文件' }[message.mediaType]}]`;
  }
}
