import { z } from 'zod';
import {
  activeKeyIsKnown,
  alwaysCheck,
  httpPort,
  infrastructureFields,
  personalDataFields,
  staffAuthFields,
} from '@libs/common/config/config-fields';

export const GatewayConfig = z
  .object({
    ...infrastructureFields,
    ...staffAuthFields,
    ...personalDataFields,
    GATEWAY_PORT: httpPort(3000),
    KAFKA_MAX_WAIT_MS: z.coerce.number().int().min(1).max(5000).default(100),
    /** The longest ?wait a web chat request may ask for. */
    CHAT_MAX_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(30_000),
    /** Only for the demo-content command: with it unset, no demo account is created. */
    DEMO_STAFF_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  })
  .superRefine(activeKeyIsKnown, alwaysCheck);
export type GatewayConfig = z.infer<typeof GatewayConfig>;

export const GATEWAY_CONFIG = Symbol('GatewayConfig');
