import 'reflect-metadata';
import { configOrExit, runMain, startApp } from '@libs/common/bootstrap/start-app';
import { runMigrations } from '@libs/common/database/app-database';
import { createLogger } from '@libs/common/logging/logger';
import { MAX_CAP_DOCUMENT_BYTES } from './cap/cap-xml';
import { NotifierConfig } from './config';
import { notifierDatabase } from './database';
import { NOTIFIER_GROUP_ID, NotifierModule } from './notifier.module';

runMain('notifier', async () => {
  const config = configOrExit('notifier', NotifierConfig);
  const logger = createLogger('notifier', config.LOG_LEVEL);
  await runMigrations(notifierDatabase(config.DATABASE_URL), logger);
  await startApp({
    module: NotifierModule.forRoot(config, logger),
    port: config.NOTIFIER_PORT,
    logger,
    // A CAP document may carry long polygons in several languages; the same limit the CAP reader applies.
    bodyLimit: `${MAX_CAP_DOCUMENT_BYTES / 1024}kb`,
    consumer: { groupId: NOTIFIER_GROUP_ID, maxWaitTimeInMs: config.KAFKA_MAX_WAIT_MS },
  });
});
