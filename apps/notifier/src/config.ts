import { z } from 'zod';
import { httpPort, infrastructureFields } from '@libs/common/config/config-fields';

export const NotifierConfig = z.object({
  ...infrastructureFields,
  NOTIFIER_PORT: httpPort(3003),
});
export type NotifierConfig = z.infer<typeof NotifierConfig>;
