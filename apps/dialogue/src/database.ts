import { AppDatabase } from '@libs/common/database/app-database';
import { CreateKnowledgeTables1764160000000 } from './migrations/1764160000000-CreateKnowledgeTables';
import { CreateHandoffs1764170000000 } from './migrations/1764170000000-CreateHandoffs';

/** The dialogue schema: the knowledge base (policies and service guides, with every change kept) and handoffs. */
export const dialogueDatabase = (url: string): AppDatabase => ({
  schema: 'dialogue',
  url,
  entities: [],
  migrations: [CreateKnowledgeTables1764160000000, CreateHandoffs1764170000000],
});
