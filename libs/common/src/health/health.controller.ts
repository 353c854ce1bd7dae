import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import Redis from 'ioredis';
import { Admin } from 'kafkajs';
import { register } from 'prom-client';
import { DataSource } from 'typeorm';
import { KAFKA_ADMIN } from '../kafka/kafka.module';
import { REDIS } from '../redis/redis.module';

const CHECK_TIMEOUT_MS = 2000;

/** /healthz: the process answers. /readyz: its Postgres, Redis and Kafka answer too. /metrics: Prometheus text. */
@Controller()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(KAFKA_ADMIN) private readonly kafkaAdmin: Admin,
  ) {}

  @Get('healthz')
  healthz() {
    return { status: 'ok' };
  }

  @Get('readyz')
  async readyz(@Res({ passthrough: true }) response: Response) {
    const [postgres, redis, kafka] = await Promise.all([
      check(() => this.dataSource.query('SELECT 1')),
      check(() => this.redis.ping()),
      check(() => this.kafkaAdmin.describeCluster()),
    ]);
    const checks = { postgres, redis, kafka };
    const ready = Object.values(checks).every((result) => result === 'ok');
    response.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not_ready', checks };
  }

  @Get('metrics')
  @Header('Content-Type', register.contentType)
  metrics(): Promise<string> {
    return register.metrics();
  }
}

async function check(probe: () => Promise<unknown>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([probe(), timeout]);
    return 'ok';
  } catch (error) {
    return `error: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    clearTimeout(timer);
  }
}
