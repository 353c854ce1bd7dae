import { ChannelInboundV1 } from '@libs/common/contracts/channel-inbound.v1';
import { createReply } from '@libs/common/contracts/channel-outbound.v1';
import { Outgoing, Topic } from '@libs/common/contracts/topics';

/**
 * The replies of one turn, in order: each its own message (ids derived from the citizen's message, so a replay
 * repeats them), the last one ending the turn and carrying the choices offered.
 */
export function turnReplies(envelope: ChannelInboundV1, texts: string[], quickReplies?: string[]): Outgoing[] {
  const message = envelope.payload;
  return texts.map((text, part) => ({
    topic: Topic.ChannelOutboundV1,
    envelope: createReply(
      {
        channel: message.channel,
        conversationId: message.conversationId,
        inReplyTo: message.messageId,
        text,
        quickReplies: part === texts.length - 1 ? quickReplies : undefined,
        endOfTurn: part === texts.length - 1,
      },
      { traceId: envelope.traceId, envelopeId: envelope.id },
      part,
    ),
  }));
}
