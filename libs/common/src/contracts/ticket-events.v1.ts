import { z } from 'zod';
import { envelopeOf } from './envelope';
import { Channel, Lang, RegionCode } from './common-fields';

/** The work-order states and the actions that move them (see apps/ticketing tickets/ticket-lifecycle.ts). */
export const TicketStatusV1 = z.enum([
  'created',
  'assigned',
  'accepted',
  'in_progress',
  'returned',
  'resolved',
  'revisited',
  'closed',
]);
export type TicketStatusV1 = z.infer<typeof TicketStatusV1>;

export const TicketActionV1 = z.enum([
  'dispatch',
  'signFor',
  'start',
  'returnTicket',
  'requestExtension',
  'decideExtension',
  'conclude',
  'rate',
  'reopen',
  'close',
  'supervise',
]);
export type TicketActionV1 = z.infer<typeof TicketActionV1>;

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

/** A work order moved on: what the citizen should hear of it, and what analytics count. */
export const TicketChangedV1 = TicketCreatedV1.omit({ acceptedAt: true, category: true, regionCode: true }).extend({
  action: TicketActionV1,
  status: TicketStatusV1,
  at: z.iso.datetime({ offset: true }),
  /** With 办结: the department's reply to the citizen. */
  reply: z.string().min(1).max(2000).optional(),
  /** With an approved 延期: the working days added. */
  extensionWorkingDays: z.number().int().positive().optional(),
  /** With 评价: 1 (非常不满意) to 5 (非常满意). */
  rating: z.number().int().min(1).max(5).optional(),
});
export type TicketChangedV1 = z.infer<typeof TicketChangedV1>;

/** A home visit by the community's grid worker, arranged or done, for the citizen to hear. */
export const HomeVisitChangedV1 = TicketCreatedV1.pick({
  ticketNo: true,
  conversationId: true,
  channel: true,
  sourceMessageId: true,
  lang: true,
}).extend({
  taskId: z.uuid(),
  status: z.enum(['pending', 'accepted', 'done', 'declined']),
  community: z.string().min(1).max(100),
  /** YYYY-MM-DD, Beijing. */
  visitDate: z.iso.date(),
  materials: z.array(z.string().min(1)).max(20),
});
export type HomeVisitChangedV1 = z.infer<typeof HomeVisitChangedV1>;

/** 预警: which deadline (签收 or 办结) and how close it is (yellow: near due; red: overdue). */
export const DeadlineKindV1 = z.enum(['sign', 'conclude']);
export type DeadlineKindV1 = z.infer<typeof DeadlineKindV1>;
export const AlertLevelV1 = z.enum(['yellow', 'red']);
export type AlertLevelV1 = z.infer<typeof AlertLevelV1>;

/**
 * A deadline of an open work order is near (yellow) or past (red): for the notifier to tell the handling
 * department and its head. Raised once per ticket, deadline, kind and level. Staff-facing: not for the citizen.
 */
export const TicketDeadlineAlertV1 = z.object({
  alertId: z.uuid(),
  ticketNo: z.string().min(1).max(32),
  kind: DeadlineKindV1,
  level: AlertLevelV1,
  dueAt: z.iso.datetime({ offset: true }),
  raisedAt: z.iso.datetime({ offset: true }),
  status: TicketStatusV1,
  category: z.string().min(1).max(40),
  regionCode: RegionCode,
  departmentCode: z.string().min(1).max(40),
  departmentName: z.string().min(1).max(100),
  /** The department head's staff username, when one is on record. */
  departmentHeadUsername: z.string().min(1).max(64).nullable(),
});
export type TicketDeadlineAlertV1 = z.infer<typeof TicketDeadlineAlertV1>;

export const TicketEventV1 = z.discriminatedUnion('type', [
  envelopeOf('ticket.created', 1, TicketCreatedV1),
  envelopeOf('ticket.changed', 1, TicketChangedV1),
  envelopeOf('ticket.home_visit', 1, HomeVisitChangedV1),
  envelopeOf('ticket.deadline_alert', 1, TicketDeadlineAlertV1),
]);
export type TicketEventV1 = z.infer<typeof TicketEventV1>;
