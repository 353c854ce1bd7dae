import { z } from 'zod';
import {
  activeKeyIsKnown,
  alwaysCheck,
  httpPort,
  infrastructureFields,
  personalDataFields,
  staffAuthFields,
} from '@libs/common/config/config-fields';
import { RegionCode } from '@libs/common/contracts/common-fields';

export const TicketingConfig = z
  .object({
    ...infrastructureFields,
    ...staffAuthFields,
    ...personalDataFields,
    TICKETING_PORT: httpPort(3002),
    KAFKA_MAX_WAIT_MS: z.coerce.number().int().min(1).max(5000).default(100),
    /** 办结时限: working days a department has to conclude a ticket, as the citizen is told. */
    CONCLUDE_WITHIN_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(5),
    /** The district this deployment serves: where an Open311 request is routed (it names no region code). */
    DEFAULT_REGION_CODE: RegionCode,
    /** Open311 GeoReport v2: the api_key values allowed to POST requests, comma-separated; none, POST is refused. */
    OPEN311_API_KEYS: z
      .string()
      .default('')
      .transform((list) =>
        list
          .split(',')
          .map((key) => key.trim())
          .filter((key) => key !== ''),
      )
      .refine(
        (keys) => keys.every((key) => /^[A-Za-z0-9_-]{16,128}$/.test(key)),
        'must be a comma-separated list of keys of 16 to 128 letters, digits, - or _',
      ),
    /** How often the deadline scan (预警 yellow/red) runs, in seconds; deadlines are whole days, a minute is plenty. */
    DEADLINE_SCAN_EVERY_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
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
