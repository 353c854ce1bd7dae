import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { configOrExit, runMain } from '@libs/common/bootstrap/start-app';
import { dataSourceOptions, runMigrations } from '@libs/common/database/app-database';
import { readDemoDepartments } from '@libs/common/demo/demo-departments';
import { readDemoGridWorkers } from '@libs/common/demo/demo-grid-workers';
import { createLogger } from '@libs/common/logging/logger';
import { TicketingConfig } from './config';
import { ticketingDatabase } from './database';
import { loadDemoDepartments } from './demo/load-demo-departments';
import { loadDemoGridWorkers } from './demo/load-demo-grid-workers';

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
    const gridWorkers = await loadDemoGridWorkers(dataSource, readDemoGridWorkers());
    logger.info({ count, gridWorkers }, 'demo departments, routing rules and grid workers ready');
  } finally {
    await dataSource.destroy();
  }
});
