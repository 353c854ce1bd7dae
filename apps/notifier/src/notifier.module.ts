import { DynamicModule, Module } from '@nestjs/common';
import { Logger } from 'pino';
import { databaseModule } from '@libs/common/database/database.module';
import { HealthModule } from '@libs/common/health/health.module';
import { KafkaModule } from '@libs/common/kafka/kafka.module';
import { LoggingModule } from '@libs/common/logging/logging.module';
import { RedisModule } from '@libs/common/redis/redis.module';
import { NotifierConfig } from './config';
import { notifierDatabase } from './database';

/** Emergency alerts (CAP 1.2) and reminders. For now: the app, its infrastructure and its health. */
@Module({})
export class NotifierModule {
  static forRoot(config: NotifierConfig, logger: Logger): DynamicModule {
    return {
      module: NotifierModule,
      imports: [
        LoggingModule.forRoot(logger),
        databaseModule(notifierDatabase(config.DATABASE_URL)),
        RedisModule.forRoot(config.REDIS_URL, 'notifier'),
        KafkaModule.forRoot({ clientId: 'notifier', groupId: 'notifier', brokers: config.KAFKA_BROKERS }),
        HealthModule,
      ],
    };
  }
}
