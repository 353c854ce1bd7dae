import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';

/** Injection token of the app's shared Redis connection. */
export const REDIS = Symbol('REDIS');

export function createRedis(url: string, connectionName: string): Redis {
  return new Redis(url, { connectionName, maxRetriesPerRequest: 3, enableAutoPipelining: true });
}

@Global()
@Module({})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  static forRoot(url: string, connectionName: string): DynamicModule {
    return {
      module: RedisModule,
      providers: [{ provide: REDIS, useFactory: () => createRedis(url, connectionName) }],
      exports: [REDIS],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit();
  }
}
