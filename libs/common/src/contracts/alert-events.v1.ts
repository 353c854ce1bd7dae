import { z } from 'zod';
import { envelopeOf } from './envelope';
import { RegionCode } from './common-fields';

/** An emergency warning (CAP 1.2) accepted for delivery, for analytics and other systems. */
export const AlertAcceptedV1 = z.object({
  alertId: z.uuid(),
  identifier: z.string().min(1).max(200),
  sender: z.string().min(1).max(200),
  msgType: z.enum(['Alert', 'Update', 'Cancel', 'Ack', 'Error']),
  severity: z.enum(['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown']),
  urgency: z.enum(['Immediate', 'Expected', 'Future', 'Past', 'Unknown']),
  regionCodes: z.array(RegionCode),
  targeted: z.number().int().min(0),
  /** CAP <status>: Actual, or Exercise/System/Test/Draft, which analytics count apart. */
  status: z.enum(['Actual', 'Exercise', 'System', 'Test', 'Draft']).optional(),
  /** 预警级别 as published (a <parameter>), separate from severity; null when the alert names none. */
  warningColour: z.enum(['blue', 'yellow', 'orange', 'red']).nullable().optional(),
});
export type AlertAcceptedV1 = z.infer<typeof AlertAcceptedV1>;

/** An alert superseded by a later CAP Update naming it in <references>: its content is now the newer alert's. */
export const AlertUpdatedV1 = z.object({
  alertId: z.uuid(),
  identifier: z.string().min(1).max(200),
  sender: z.string().min(1).max(200),
  replacedBy: z.uuid(),
});
export type AlertUpdatedV1 = z.infer<typeof AlertUpdatedV1>;

/** An alert withdrawn by a CAP Cancel: its deliveries not yet sent are stopped (cancelledDeliveries of them). */
export const AlertCancelledV1 = z.object({
  alertId: z.uuid(),
  identifier: z.string().min(1).max(200),
  sender: z.string().min(1).max(200),
  cancelledBy: z.uuid(),
  cancelledDeliveries: z.number().int().min(0),
});
export type AlertCancelledV1 = z.infer<typeof AlertCancelledV1>;

export const AlertEventV1 = z.discriminatedUnion('type', [
  envelopeOf('alert.accepted', 1, AlertAcceptedV1),
  envelopeOf('alert.updated', 1, AlertUpdatedV1),
  envelopeOf('alert.cancelled', 1, AlertCancelledV1),
]);
export type AlertEventV1 = z.infer<typeof AlertEventV1>;
