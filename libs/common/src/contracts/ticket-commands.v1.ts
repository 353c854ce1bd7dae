import { z } from 'zod';
import { envelopeOf } from './envelope';
import { Channel, GeoPoint, Lang, MAX_CITIZEN_TEXT, RegionCode } from './common-fields';

/** The complaint as a handling department reads it first: what, where, when, in a line each. No personal data. */
export const TicketSummaryV1 = z.object({
  /** 投诉 / 举报 / 建议 / 求助. */
  kind: z.enum(['投诉', '举报', '建议', '求助']),
  /** The problem in a short phrase: 小区周边施工扰民. */
  problem: z.string().min(1).max(80),
  /** Where it happens, as the citizen named it: 广东省广州市越秀区 东风路. */
  place: z.string().min(1).max(120).optional(),
  /** When, as the citizen said it: 晚上十一点, 2026-11-25. */
  when: z.string().min(1).max(60).optional(),
});
export type TicketSummaryV1 = z.infer<typeof TicketSummaryV1>;

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
  /** A point the citizen shared from their phone. */
  location: GeoPoint.optional(),
  summary: TicketSummaryV1.optional(),
  /** An elderly or disabled citizen who asked for help at home: the community's grid worker visits. */
  homeVisit: z.object({ groups: z.array(z.enum(['elderly', 'disabled'])).min(1) }).optional(),
});
export type CreateTicketV1 = z.infer<typeof CreateTicketV1>;

/** The citizen's 好差评 of a concluded work order, given in the conversation it came from. */
export const RateTicketV1 = z.object({
  ticketNo: z.string().regex(/^GD\d{14,}$/),
  /** Only the conversation the ticket came from may rate it. */
  conversationId: z.uuid(),
  rating: z.number().int().min(1).max(5),
  reason: z.string().min(1).max(500).optional(),
});
export type RateTicketV1 = z.infer<typeof RateTicketV1>;

export const TicketCommandV1 = z.discriminatedUnion('type', [
  envelopeOf('ticket.create', 1, CreateTicketV1),
  envelopeOf('ticket.rate', 1, RateTicketV1),
]);
export type TicketCommandV1 = z.infer<typeof TicketCommandV1>;
