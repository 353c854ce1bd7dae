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
import { RecordSmsReceipt } from './record-sms-receipt.use-case';
import { SendAlertBatch } from './send-alert-batch.use-case';
import { WeComAlertSender } from './wecom-alert-sender';
import { WxaAlertSender } from './wxa-alert-sender';
import { SmsReceiptsHandler } from './sms-receipts.handler';

/**
 * Alerts to people: targeting → deliveries → BullMQ send jobs → vendors. Exports FanOut (start, sweep) for the
 * accept use case; takes the carriers' receipts from sms.receipts.v1. Needs the app's DataSource, LoggingModule,
 * PersonalDataModule, KafkaModule and RedisModule (the WeCom and mini-program access tokens).
 */
@Module({})
export class FanOutModule {
  static forRoot(settings: FanOutSettings): DynamicModule {
    return {
      module: FanOutModule,
      global: true,
      imports: [TargetingModule],
      controllers: [SmsReceiptsHandler],
      providers: [
        { provide: FAN_OUT_SETTINGS, useValue: settings },
        { provide: Clock, useClass: SystemClock },
        AlertDeliveries,
        AlertJobs,
        AlertTexts,
        AlertWorkers,
        FanOut,
        FanOutAlert,
        RecordSmsReceipt,
        SendAlertBatch,
        WeComAlertSender,
        WxaAlertSender,
      ],
      exports: [FanOut],
    };
  }
}
