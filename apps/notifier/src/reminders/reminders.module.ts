import { DynamicModule, Module } from '@nestjs/common';
import { Clock, SystemClock } from '@libs/common/time/clock';
import { CancelReminders } from './cancel-reminders.use-case';
import { KeepReminder } from './keep-reminder.use-case';
import { ReminderJobs } from './reminder-jobs';
import { ReminderRequestsHandler } from './reminder-requests.handler';
import { REMINDER_SETTINGS, ReminderSettings } from './reminder-settings';
import { ReminderSweep } from './reminder-sweep';
import { ReminderWorker } from './reminder-worker';
import { Reminders } from './reminders';
import { SendReminder } from './send-reminder.use-case';

/**
 * Reminders a citizen asks for in chat: kept from conversation.events.v1, a delayed BullMQ job each, sent back into
 * the conversation on channel.outbound.v1 when due. Needs the app's DataSource, Kafka, LoggingModule and
 * PersonalDataModule, and the app to consume Kafka (main.ts `consumer`).
 */
@Module({})
export class RemindersModule {
  static forRoot(settings: ReminderSettings): DynamicModule {
    return {
      module: RemindersModule,
      controllers: [ReminderRequestsHandler],
      providers: [
        { provide: REMINDER_SETTINGS, useValue: settings },
        { provide: Clock, useClass: SystemClock },
        Reminders,
        ReminderJobs,
        KeepReminder,
        CancelReminders,
        SendReminder,
        ReminderWorker,
        ReminderSweep,
      ],
    };
  }
}
