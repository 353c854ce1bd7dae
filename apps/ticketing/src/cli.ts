import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { configOrExit, runMain } from '@libs/common/bootstrap/start-app';
import { dataSourceOptions, runMigrations } from '@libs/common/database/app-database';
import { readDemoDepartments } from '@libs/common/demo/demo-departments';
import { createLogger } from '@libs/common/logging/logger';
import { TicketingConfig } from './config';
import { ticketingDatabase } from './database';
import { loadDemoDepartments } from './demo/load-demo-departments';

/** node dist/apps/ticketing/src/cli.js migrate | load-demo */
runMain('ticketing cli', async () => {
  const command = process.argv[2];
  const config = configOrExit('ticketing', TicketingConfig);
  const logger = createLogger('ticketing', config.LOG_LEVEL);
  const db = ticketingDatabase(config.DATABASE_URL);
  if (command !== 'migrate' && command !== 'load-demo') throw new Error('usage: cli.js migrate | load-demo');
  await runMigrations(db, logger);
  if (command === 'migrate') return;
  const dataSource = await new DataSource(dataSourceOptions(db)).initialize();
  try {
    const count = await loadDemoDepartments(dataSource, readDemoDepartments());
    logger.info({ count }, 'demo departments and routing rules ready');
  } finally {
    await dataSource.destroy();
  }
});
