import { z } from 'zod';
import { httpPort, infrastructureFields, staffAuthFields } from '@libs/common/config/config-fields';
import { RegionCode } from '@libs/common/contracts/common-fields';

export const DialogueConfig = z.object({
  ...infrastructureFields,
  ...staffAuthFields,
  DIALOGUE_PORT: httpPort(3001),
  KAFKA_MAX_WAIT_MS: z.coerce.number().int().min(1).max(5000).default(100),
  /** The district this deployment serves: where a complaint goes when the citizen names no place. */
  DEFAULT_REGION_CODE: RegionCode,
  /** Where the eligibility rule sets (*.yaml) are read from at start. */
  ELIGIBILITY_RULES_DIR: z.string().min(1).default('demo/eligibility'),
  /** Where the surveys (*.yaml) that can be pushed in conversation are read from at start. */
  SURVEYS_DIR: z.string().min(1).default('demo/surveys'),
  /** Where the personalised bundles (*.yaml) are read from at start. */
  BUNDLES_DIR: z.string().min(1).default('demo/bundles'),
});
export type DialogueConfig = z.infer<typeof DialogueConfig>;

export const DIALOGUE_CONFIG = Symbol('DialogueConfig');
