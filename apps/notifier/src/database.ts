import { AppDatabase } from '@libs/common/database/app-database';

/** The notifier schema. Its tables (alerts, subscribers, deliveries) come with their own migrations. */
export const notifierDatabase = (url: string): AppDatabase => ({
  schema: 'notifier',
  url,
  entities: [],
  migrations: [],
});
