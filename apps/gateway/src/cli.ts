import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { configOrExit, runMain } from '@libs/common/bootstrap/start-app';
import { dataSourceOptions, runMigrations } from '@libs/common/database/app-database';
import { readDemoDepartments } from '@libs/common/demo/demo-departments';
import { readDemoGridWorkers } from '@libs/common/demo/demo-grid-workers';
import { createLogger } from '@libs/common/logging/logger';
import { GatewayConfig } from './config';
import { gatewayDatabase } from './database';
import { loadDemoStaffAccounts } from './staff/demo-staff-accounts';

/** node dist/apps/gateway/src/cli.js migrate | load-demo */
runMain('gateway cli', async () => {
  const command = process.argv[2];
  const config = configOrExit('gateway', GatewayConfig);
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const db = gatewayDatabase(config.DATABASE_URL);
  if (command !== 'migrate' && command !== 'load-demo') throw new Error('usage: cli.js migrate | load-demo');
  await runMigrations(db, logger);
  if (command === 'migrate') return;
  if (!config.DEMO_STAFF_PASSWORD) {
    logger.info('DEMO_STAFF_PASSWORD is not set: no demo staff accounts created');
    return;
  }
  const dataSource = await new DataSource(dataSourceOptions(db)).initialize();
  try {
    const count = await loadDemoStaffAccounts(
      dataSource,
      readDemoDepartments(),
      readDemoGridWorkers(),
      config.DEMO_STAFF_PASSWORD,
    );
    logger.info({ count }, 'demo staff accounts ready');
  } finally {
    await dataSource.destroy();
  }
});
