import { DynamicModule, Module } from '@nestjs/common';
import { Logger } from 'pino';
import { databaseModule } from '@libs/common/database/database.module';
import { HealthModule } from '@libs/common/health/health.module';
import { KafkaModule } from '@libs/common/kafka/kafka.module';
import { LoggingModule } from '@libs/common/logging/logging.module';
import { RedisModule } from '@libs/common/redis/redis.module';
import { StaffAuthModule } from '@libs/common/auth/staff-auth.module';
import { PersonalDataModule } from '@libs/common/pii/personal-data.module';
import { NotifierConfig } from './config';
import { notifierDatabase } from './database';
import { AlertsModule } from './alerts/alerts.module';
import { FanOutModule } from './fanout/fan-out.module';
import { fanOutSettingsOf } from './fanout/fan-out-settings';
import { SubscribersModule } from './subscribers/subscribers.module';
import { TargetingModule } from './targeting/targeting.module';
import { RemindersModule } from './reminders/reminders.module';
import { reminderSettingsOf } from './reminders/reminder-settings';

export const NOTIFIER_GROUP_ID = 'notifier';

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
        KafkaModule.forRoot({ clientId: 'notifier', groupId: NOTIFIER_GROUP_ID, brokers: config.KAFKA_BROKERS }),
        HealthModule,
        StaffAuthModule.forRoot(config.JWT_SECRET),
        PersonalDataModule.forRoot(config),
        FanOutModule.forRoot(fanOutSettingsOf(config)),
        AlertsModule,
        SubscribersModule.forRoot(config.SUBSCRIBER_CHANNEL_KEYS),
        TargetingModule,
        RemindersModule.forRoot(reminderSettingsOf(config)),
      ],
    };
  }
}
