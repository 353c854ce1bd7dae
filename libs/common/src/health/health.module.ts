import { Module } from '@nestjs/common';
import { collectDefaultMetrics } from 'prom-client';
import { HealthController } from './health.controller';

collectDefaultMetrics();

@Module({ controllers: [HealthController] })
export class HealthModule {}
