import 'reflect-metadata';
import { configOrExit, runMain, startApp } from '@libs/common/bootstrap/start-app';
import { runMigrations } from '@libs/common/database/app-database';
import { createLogger } from '@libs/common/logging/logger';
import { TicketingConfig } from './config';
import { ticketingDatabase } from './database';
import { TICKETING_GROUP_ID, TicketingModule } from './ticketing.module';

runMain('ticketing', async () => {
  const config = configOrExit('ticketing', TicketingConfig);
  const logger = createLogger('ticketing', config.LOG_LEVEL);
  await runMigrations(ticketingDatabase(config.DATABASE_URL), logger);
  await startApp({
    module: TicketingModule.forRoot(config, logger),
    port: config.TICKETING_PORT,
    logger,
    consumer: { groupId: TICKETING_GROUP_ID, maxWaitTimeInMs: config.KAFKA_MAX_WAIT_MS },
  });
});
