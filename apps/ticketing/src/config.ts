import { z } from 'zod';
import {
  activeKeyIsKnown,
  alwaysCheck,
  httpPort,
  infrastructureFields,
  personalDataFields,
  staffAuthFields,
} from '@libs/common/config/config-fields';

export const TicketingConfig = z
  .object({
    ...infrastructureFields,
    ...staffAuthFields,
    ...personalDataFields,
    TICKETING_PORT: httpPort(3002),
    KAFKA_MAX_WAIT_MS: z.coerce.number().int().min(1).max(5000).default(100),
    /** 办结时限: working days a department has to conclude a ticket, as the citizen is told. */
    CONCLUDE_WITHIN_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(5),
    /** What a grid worker asks an elderly or disabled citizen to have ready for a home visit, comma-separated. */
    HOME_VISIT_MATERIALS: z
      .string()
      .default('居民身份证,户口簿,相关证明材料（如残疾人证、病历）')
      .transform((list) =>
        list
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item !== ''),
      ),
  })
  .superRefine(activeKeyIsKnown, alwaysCheck);
export type TicketingConfig = z.infer<typeof TicketingConfig>;

export const TICKETING_CONFIG = Symbol('TicketingConfig');
