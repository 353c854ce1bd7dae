import { Module } from '@nestjs/common';
import { Clock, SystemClock } from '@libs/common/time/clock';
import { IitCalculatorsController } from './iit-calculators.controller';

/** 个人所得税 calculators and 政策模拟: pure rules behind a JSON API; no database, Redis or Kafka. */
@Module({
  controllers: [IitCalculatorsController],
  providers: [{ provide: Clock, useClass: SystemClock }],
})
export class CalculatorsModule {}
