import { z } from 'zod';
import {
  activeKeyIsKnown,
  alwaysCheck,
  httpPort,
  infrastructureFields,
  personalDataFields,
  staffAuthFields,
} from '@libs/common/config/config-fields';
import { fanOutConfigFields } from './fanout/fan-out-settings';
import { reminderConfigFields } from './reminders/reminder-settings';
import { ChannelKeyList } from './subscribers/channel-keys';

export const NotifierConfig = z
  .object({
    ...infrastructureFields,
    ...staffAuthFields,
    // Subscribers' addresses (phone numbers, openids) are stored encrypted and found by blind index.
    ...personalDataFields,
    NOTIFIER_PORT: httpPort(3003),
    // How long a Kafka fetch may wait for data (sms.receipts.v1 from the gateway).
    KAFKA_MAX_WAIT_MS: z.coerce.number().int().min(1).max(5000).default(100),
    // Channel services that may register citizens on their own channel (subscribers/channel-keys.ts); none by default.
    SUBSCRIBER_CHANNEL_KEYS: ChannelKeyList,
    // How alerts go out: SMS vendor keys and alert templates, rates per channel, retries (fanout/fan-out-settings.ts).
    ...fanOutConfigFields,
    // Reminders asked for in chat: how often the sweep re-checks them against the queue (reminders/reminder-settings.ts).
    ...reminderConfigFields,
  })
  .superRefine(activeKeyIsKnown, alwaysCheck);
export type NotifierConfig = z.infer<typeof NotifierConfig>;
