import 'reflect-metadata';
import { configOrExit, runMain, startApp } from '@libs/common/bootstrap/start-app';
import { runMigrations } from '@libs/common/database/app-database';
import { createLogger } from '@libs/common/logging/logger';
import { NotifierConfig } from './config';
import { notifierDatabase } from './database';
import { NotifierModule } from './notifier.module';

runMain('notifier', async () => {
  const config = configOrExit('notifier', NotifierConfig);
  const logger = createLogger('notifier', config.LOG_LEVEL);
  await runMigrations(notifierDatabase(config.DATABASE_URL), logger);
  await startApp({ module: NotifierModule.forRoot(config, logger), port: config.NOTIFIER_PORT, logger });
});
