import { AppDatabase } from '@libs/common/database/app-database';

/** The dialogue schema. Its tables (the policy knowledge base) come with their own migrations. */
export const dialogueDatabase = (url: string): AppDatabase => ({
  schema: 'dialogue',
  url,
  entities: [],
  migrations: [],
});
