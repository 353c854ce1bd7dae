import { z } from 'zod';
import { Cause, createEnvelope, derivedId, envelopeOf } from './envelope';
import { Channel } from './common-fields';
import { TicketStatusV1 } from './ticket-events.v1';

/** One message to send to a citizen through the channel their conversation is on. */
export const ReplyV1 = z.object({
  channel: Channel,
  conversationId: z.uuid(),
  messageId: z.uuid(),
  /** The citizen message this answers, when it answers one (a ticket progress note may not). */
  inReplyTo: z.uuid().optional(),
  text: z.string().min(1).max(4000),
  /** Choices the citizen can tap or type back. */
  quickReplies: z.array(z.string().min(1).max(40)).max(10).optional(),
  /** False when more messages for the same turn follow. */
  endOfTurn: z.boolean(),
  /**
   * When the message is news of a ticket: its number, state and time, for a channel that can no longer send free
   * text to the citizen (the mini-program's 48-hour window) to send a subscribe message (订阅消息) instead.
   */
  ticket: z
    .object({ ticketNo: z.string().min(1).max(32), status: TicketStatusV1, at: z.iso.datetime({ offset: true }) })
    .optional(),
});
export type ReplyV1 = z.infer<typeof ReplyV1>;

export const ChannelOutboundV1 = envelopeOf('channel.reply', 1, ReplyV1);
export type ChannelOutboundV1 = z.infer<typeof ChannelOutboundV1>;

/** A reply envelope whose message id is its envelope id, derived from what caused it (so a replay repeats it). */
export function createReply(fields: Omit<ReplyV1, 'messageId'>, cause: Required<Cause>, part = 0): ChannelOutboundV1 {
  const id = derivedId(cause.envelopeId, 'channel.reply', part);
  return createEnvelope('channel.reply', 1, fields.conversationId, { ...fields, messageId: id }, cause, { id });
}
