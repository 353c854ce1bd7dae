import { z } from 'zod';
import { envelopeOf } from './envelope';
import { Channel, Lang, RegionCode } from './common-fields';

export const TicketCreatedV1 = z.object({
  ticketNo: z.string().min(1).max(32),
  conversationId: z.uuid(),
  channel: Channel,
  sourceMessageId: z.uuid(),
  lang: Lang,
  category: z.string().min(1).max(40),
  regionCode: RegionCode,
  departmentCode: z.string().min(1).max(40),
  departmentName: z.string().min(1).max(100),
  acceptedAt: z.iso.datetime({ offset: true }),
  /** Working days the department has to conclude it, as the citizen is told. */
  workingDays: z.number().int().positive(),
  /** Null when the official holiday schedule for that period is not published yet: never guessed. */
  dueAt: z.iso.datetime({ offset: true }).nullable(),
});
export type TicketCreatedV1 = z.infer<typeof TicketCreatedV1>;

export const TicketEventV1 = z.discriminatedUnion('type', [envelopeOf('ticket.created', 1, TicketCreatedV1)]);
export type TicketEventV1 = z.infer<typeof TicketEventV1>;
