import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { configOrExit, runMain } from '@libs/common/bootstrap/start-app';
import { dataSourceOptions, runMigrations } from '@libs/common/database/app-database';
import { createLogger } from '@libs/common/logging/logger';
import { DialogueConfig } from './config';
import { dialogueDatabase } from './database';
import { importKnowledgeFiles, readKnowledgeFiles } from './knowledge/load-knowledge-files';
import { KnowledgeStore } from './knowledge/knowledge-store';

/**
 * node dist/apps/dialogue/src/cli.js migrate | load-demo | import-knowledge <folder>
 * load-demo imports demo/knowledge; running dialogue replicas pick the change up within seconds.
 */
runMain('dialogue cli', async () => {
  const [command, folder] = process.argv.slice(2);
  if (!['migrate', 'load-demo', 'import-knowledge'].includes(command) || (command === 'import-knowledge' && !folder)) {
    throw new Error('usage: cli.js migrate | load-demo | import-knowledge <folder>');
  }
  const config = configOrExit('dialogue', DialogueConfig);
  const logger = createLogger('dialogue', config.LOG_LEVEL);
  const db = dialogueDatabase(config.DATABASE_URL);
  await runMigrations(db, logger);
  if (command === 'migrate') return;
  const files = readKnowledgeFiles(command === 'load-demo' ? join('demo', 'knowledge') : folder);
  const dataSource = await new DataSource(dataSourceOptions(db)).initialize();
  try {
    const result = await importKnowledgeFiles(new KnowledgeStore(dataSource), files, 'import');
    logger.info(result, 'knowledge files imported');
  } finally {
    await dataSource.destroy();
  }
});
