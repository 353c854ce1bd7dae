import { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppDatabase, dataSourceOptions } from './app-database';

/** The app's DataSource for Nest: inject DataSource or @InjectRepository(Entity). Migrations run before start. */
export function databaseModule(db: AppDatabase): DynamicModule {
  return TypeOrmModule.forRoot({ ...dataSourceOptions(db), retryAttempts: 3, retryDelay: 1000 });
}
