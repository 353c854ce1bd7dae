import { z } from 'zod';
import { envelopeOf } from './envelope';
import { Channel, GeoPoint, Lang, MAX_CITIZEN_TEXT, RegionCode } from './common-fields';

/** A citizen's complaint or request, to become a work order (工单). */
export const CreateTicketV1 = z.object({
  conversationId: z.uuid(),
  channel: Channel,
  citizenId: z.string().min(1).max(64),
  /** The citizen message that asked for it: the reply to the citizen answers that message. */
  sourceMessageId: z.uuid(),
  /** Top-level category (the label set of the citizen-message data, e.g. 城乡建设). */
  category: z.string().min(1).max(40),
  regionCode: RegionCode,
  /** The citizen's own words. */
  description: z.string().min(1).max(MAX_CITIZEN_TEXT),
  lang: Lang,
  location: GeoPoint.optional(),
});
export type CreateTicketV1 = z.infer<typeof CreateTicketV1>;

export const TicketCommandV1 = z.discriminatedUnion('type', [envelopeOf('ticket.create', 1, CreateTicketV1)]);
export type TicketCommandV1 = z.infer<typeof TicketCommandV1>;
