import { Injectable } from '@nestjs/common';
import { ReminderCancelledV1 } from '@libs/common/contracts/conversation-events.v1';
import { ReminderJobs } from './reminder-jobs';
import { Reminders } from './reminders';

/** 取消提醒: the conversation's reminders not yet sent are cancelled in Postgres (the truth), then their jobs dropped. */
@Injectable()
export class CancelReminders {
  constructor(
    private readonly reminders: Reminders,
    private readonly jobs: ReminderJobs,
  ) {}

  async execute(request: ReminderCancelledV1): Promise<number> {
    const cancelled = await this.reminders.cancelOf(request.conversationId, request.citizenId);
    for (const id of cancelled) await this.jobs.drop(id);
    return cancelled.length;
  }
}
