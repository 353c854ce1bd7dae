import { AppDatabase } from '@libs/common/database/app-database';
import { CreateKnowledgeTables1764160000000 } from './migrations/1764160000000-CreateKnowledgeTables';
import { CreateHandoffs1764170000000 } from './migrations/1764170000000-CreateHandoffs';
import { CreateTicketProgress1764190000000 } from './migrations/1764190000000-CreateTicketProgress';

/** The dialogue schema: the knowledge base (policies and service guides, with every change kept) handoffs, and the progress of tickets opened from conversations. */
export const dialogueDatabase = (url: string): AppDatabase => ({
  schema: 'dialogue',
  url,
  entities: [],
  migrations: [CreateKnowledgeTables1764160000000, CreateHandoffs1764170000000, CreateTicketProgress1764190000000],
});
