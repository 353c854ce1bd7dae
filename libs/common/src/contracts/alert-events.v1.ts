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
});
export type AlertAcceptedV1 = z.infer<typeof AlertAcceptedV1>;

export const AlertEventV1 = z.discriminatedUnion('type', [envelopeOf('alert.accepted', 1, AlertAcceptedV1)]);
export type AlertEventV1 = z.infer<typeof AlertEventV1>;
