import { z } from 'zod';
import { envelopeOf } from './envelope';
import { Channel, GeoPoint, Lang, MAX_CITIZEN_TEXT } from './common-fields';

/** A citizen's message as a channel adapter received it, whatever the platform. */
const common = {
  channel: Channel,
  conversationId: z.uuid(),
  /** Pseudonymous citizen id from gateway; never a phone number or platform user id in clear. */
  citizenId: z.string().min(1).max(64),
  messageId: z.uuid(),
  /** The platform's own id, used to drop the platform's retries. Strings, because some exceed 2^53. */
  platformMessageId: z.string().min(1).max(128).optional(),
  lang: Lang.optional(),
  /** The citizen chose elder mode (larger text, simpler replies) in the channel's own interface. */
  elderMode: z.boolean().optional(),
  receivedAt: z.iso.datetime({ offset: true }),
};

export const CitizenMessageV1 = z.discriminatedUnion('kind', [
  z.object({ ...common, kind: z.literal('text'), text: z.string().min(1).max(MAX_CITIZEN_TEXT) }),
  z.object({ ...common, kind: z.literal('location'), location: GeoPoint }),
  z.object({ ...common, kind: z.literal('event'), event: z.string().min(1).max(64) }),
  /** A picture, a voice message without the platform's transcript, a video or a file: not read, only noticed. */
  z.object({ ...common, kind: z.literal('media'), mediaType: z.enum(['image', 'voice', 'video', 'file']) }),
]);
export type CitizenMessageV1 = z.infer<typeof CitizenMessageV1>;

export const ChannelInboundV1 = envelopeOf('channel.message', 1, CitizenMessageV1);
export type ChannelInboundV1 = z.infer<typeof ChannelInboundV1>;
