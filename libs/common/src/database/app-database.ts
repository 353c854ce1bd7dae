import { DataSource, DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { Logger } from 'pino';

/** Everything TypeORM needs to know about one app's schema. */
export interface AppDatabase {
  schema: string;
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
}

export function dataSourceOptions(db: AppDatabase): DataSourceOptions {
  return {
    type: 'postgres',
    url: db.url,
    schema: db.schema,
    entities: db.entities,
    migrations: db.migrations,
    migrationsTableName: 'migrations',
    // Schema changes only through reviewed migrations.
    synchronize: false,
    migrationsRun: false,
    extra: { max: db.poolSize ?? 10, application_name: db.schema },
  };
}

/**
 * Creates the app's schema and runs its pending migrations, each in its own transaction. A session advisory lock
 * serialises replicas that start together, so a migration never runs twice.
 */
export async function runMigrations(db: AppDatabase, logger: Logger): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(db));
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [`migrations:${db.schema}`]);
    await lock.query(`CREATE SCHEMA IF NOT EXISTS "${db.schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) logger.info({ schema: db.schema, migration: migration.name }, 'migration applied');
    await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [`migrations:${db.schema}`]);
  } finally {
    await lock.release();
    await dataSource.destroy();
  }
}
