import 'reflect-metadata';
import { configOrExit, runMain, startApp } from '@libs/common/bootstrap/start-app';
import { runMigrations } from '@libs/common/database/app-database';
import { createLogger } from '@libs/common/logging/logger';
import { DialogueConfig } from './config';
import { dialogueDatabase } from './database';
import { DIALOGUE_GROUP_ID, DialogueModule } from './dialogue.module';

runMain('dialogue', async () => {
  const config = configOrExit('dialogue', DialogueConfig);
  const logger = createLogger('dialogue', config.LOG_LEVEL);
  await runMigrations(dialogueDatabase(config.DATABASE_URL), logger);
  await startApp({
    module: DialogueModule.forRoot(config, logger),
    port: config.DIALOGUE_PORT,
    logger,
    consumer: { groupId: DIALOGUE_GROUP_ID, maxWaitTimeInMs: config.KAFKA_MAX_WAIT_MS },
  });
});
