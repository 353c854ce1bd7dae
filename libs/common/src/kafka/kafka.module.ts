import { DynamicModule, Global, Inject, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { Admin, Kafka } from 'kafkajs';
import { Logger } from 'pino';
import { LOGGER } from '../logging/logging.module';
import { REDIS } from '../redis/redis.module';
import { createKafka } from './kafka-client';
import { EnvelopeConsumer } from './envelope-consumer';
import { EnvelopeProducer } from './envelope-producer';
import { Inbox } from './inbox';

export const KAFKA = Symbol('KAFKA');
export const KAFKA_ADMIN = Symbol('KAFKA_ADMIN');

export interface KafkaModuleOptions {
  clientId: string;
  /** The consumer group of this app; also the namespace of its inbox. */
  groupId: string;
  brokers: string[];
}

@Global()
@Module({})
export class KafkaModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly producer: EnvelopeProducer,
    @Inject(KAFKA_ADMIN) private readonly admin: Admin,
  ) {}

  static forRoot(options: KafkaModuleOptions): DynamicModule {
    return {
      module: KafkaModule,
      providers: [
        {
          provide: KAFKA,
          inject: [LOGGER],
          useFactory: (logger: Logger) => createKafka(options.clientId, options.brokers, logger),
        },
        { provide: KAFKA_ADMIN, inject: [KAFKA], useFactory: (kafka: Kafka) => kafka.admin() },
        { provide: EnvelopeProducer, inject: [KAFKA], useFactory: (kafka: Kafka) => new EnvelopeProducer(kafka) },
        { provide: Inbox, inject: [REDIS], useFactory: (redis: Redis) => new Inbox(redis, options.groupId) },
        EnvelopeConsumer,
      ],
      exports: [KAFKA, KAFKA_ADMIN, EnvelopeProducer, EnvelopeConsumer],
    };
  }

  async onModuleInit(): Promise<void> {
    await Promise.all([this.producer.connect(), this.admin.connect()]);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.producer.disconnect(), this.admin.disconnect()]);
  }
}
