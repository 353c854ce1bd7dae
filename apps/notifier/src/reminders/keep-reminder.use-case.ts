import { Injectable } from '@nestjs/common';
import { ReminderRequestedV1 } from '@libs/common/contracts/conversation-events.v1';
import { ReminderJobs } from './reminder-jobs';
import { Reminders } from './reminders';

/** A reminder asked for in chat: kept in Postgres, then its delayed job added (both repeatable, so a replay is safe). */
@Injectable()
export class KeepReminder {
  constructor(
    private readonly reminders: Reminders,
    private readonly jobs: ReminderJobs,
  ) {}

  async execute(request: ReminderRequestedV1): Promise<void> {
    await this.reminders.keep(request);
    // Also on a replay: the row may be there and its job not (Redis down the first time). A job for a reminder sent
    // or cancelled meanwhile finds nothing to send.
    await this.jobs.schedule(request.reminderId, new Date(request.dueAt));
  }
}
