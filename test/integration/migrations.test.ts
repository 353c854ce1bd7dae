import { DataSource } from 'typeorm';
import { AppDatabase, dataSourceOptions, runMigrations } from '@libs/common/database/app-database';
import { createLogger } from '@libs/common/logging/logger';
import { dialogueDatabase } from '../../apps/dialogue/src/database';
import { gatewayDatabase } from '../../apps/gateway/src/database';
import { notifierDatabase } from '../../apps/notifier/src/database';
import { ticketingDatabase } from '../../apps/ticketing/src/database';
import { testInfrastructure } from '../support/test-infrastructure';

const logger = createLogger('migrations-test', 'silent');
const apps: Array<(url: string) => AppDatabase> = [
  gatewayDatabase,
  dialogueDatabase,
  ticketingDatabase,
  notifierDatabase,
];

describe('migrations', () => {
  it.each(apps.map((db) => [db('postgres://x@y/z').schema, db]))(
    '%s: up from nothing, concurrently from two replicas, all the way down, and up again',
    async (_schema, database) => {
      const db = database(await testInfrastructure().freshDatabase('migrations'));
      await Promise.all([runMigrations(db, logger), runMigrations(db, logger)]);
      const dataSource = await new DataSource(dataSourceOptions(db)).initialize();
      try {
        const applied = await dataSource.query(`SELECT name FROM "${db.schema}"."migrations"`);
        expect(applied).toHaveLength(Array.isArray(db.migrations) ? db.migrations.length : 0);
        expect(await dataSource.showMigrations()).toBe(false);
        for (let left = applied.length; left > 0; left -= 1)
          await dataSource.undoLastMigration({ transaction: 'each' });
        const tables = await dataSource.query(
          `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'migrations'`,
          [db.schema],
        );
        expect(tables).toEqual([]);
      } finally {
        await dataSource.destroy();
      }
      await runMigrations(db, logger);
    },
  );
});
