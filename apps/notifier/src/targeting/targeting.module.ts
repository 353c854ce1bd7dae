import { Module } from '@nestjs/common';
import { AlertTargeting } from './alert-targeting';

/** Who an alert reaches: for the fan-out. Needs the app's DataSource. */
@Module({
  providers: [AlertTargeting],
  exports: [AlertTargeting],
})
export class TargetingModule {}
