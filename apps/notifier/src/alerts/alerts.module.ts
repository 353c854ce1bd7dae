import { Module } from '@nestjs/common';
import { Clock, SystemClock } from '@libs/common/time/clock';
import { AcceptAlert } from './accept-alert.use-case';
import { AlertReports } from './alert-reports';
import { AlertStore } from './alert-store';
import { AlertsController } from './alerts.controller';
import { CancelAlert } from './cancel-alert.use-case';

/**
 * CAP 1.2 ingest and status. Needs the app's DataSource, EnvelopeProducer (KafkaModule) and StaffAuthModule.
 * Exports the use cases, and AlertStore for the fan-out, which records its deliveries in the same tables.
 */
@Module({
  controllers: [AlertsController],
  providers: [AlertStore, AcceptAlert, CancelAlert, AlertReports, { provide: Clock, useClass: SystemClock }],
  exports: [AlertStore, AcceptAlert, CancelAlert],
})
export class AlertsModule {}
