import { AppDatabase } from '@libs/common/database/app-database';
import { CreateAlerts1764300000000 } from './migrations/1764300000000-CreateAlerts';
import { CreateSubscribers1764310000000 } from './migrations/1764310000000-CreateSubscribers';
import { AddFanOut1764320000000 } from './migrations/1764320000000-AddFanOut';
import { CreateReminders1764345000000 } from './migrations/1764345000000-CreateReminders';
import { AddDeliverySending1764350000000 } from './migrations/1764350000000-AddDeliverySending';
import { CreateEarlyReceipts1764360000000 } from './migrations/1764360000000-CreateEarlyReceipts';

/** The notifier schema. Its tables (alerts, subscribers, deliveries) come with their own migrations. */
export const notifierDatabase = (url: string): AppDatabase => ({
  schema: 'notifier',
  url,
  entities: [],
  migrations: [
    CreateAlerts1764300000000,
    CreateSubscribers1764310000000,
    AddFanOut1764320000000,
    CreateReminders1764345000000,
    AddDeliverySending1764350000000,
    CreateEarlyReceipts1764360000000,
  ],
});
