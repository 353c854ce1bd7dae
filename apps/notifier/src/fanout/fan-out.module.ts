import { DynamicModule, Module } from '@nestjs/common';
import { Clock, SystemClock } from '@libs/common/time/clock';
import { TargetingModule } from '../targeting/targeting.module';
import { AlertDeliveries } from './alert-deliveries';
import { AlertJobs } from './alert-jobs';
import { AlertTexts } from './alert-texts';
import { AlertWorkers } from './alert-workers';
import { FanOut } from './fan-out';
import { FanOutAlert } from './fan-out-alert.use-case';
import { FAN_OUT_SETTINGS, FanOutSettings } from './fan-out-settings';
import { SendAlertBatch } from './send-alert-batch.use-case';

/**
 * Alerts to people: targeting → deliveries → BullMQ send jobs → vendors. Exports FanOut (start, sweep) for the
 * accept use case. Needs the app's DataSource, LoggingModule and PersonalDataModule.
 */
@Module({})
export class FanOutModule {
  static forRoot(settings: FanOutSettings): DynamicModule {
    return {
      module: FanOutModule,
      global: true,
      imports: [TargetingModule],
      providers: [
        { provide: FAN_OUT_SETTINGS, useValue: settings },
        { provide: Clock, useClass: SystemClock },
        AlertDeliveries,
        AlertJobs,
        AlertTexts,
        AlertWorkers,
        FanOut,
        FanOutAlert,
        SendAlertBatch,
      ],
      exports: [FanOut],
    };
  }
}
