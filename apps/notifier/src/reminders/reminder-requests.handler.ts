import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ConversationEventV1 } from '@libs/common/contracts/conversation-events.v1';
import { Topic } from '@libs/common/contracts/topics';
import { EnvelopeConsumer } from '@libs/common/kafka/envelope-consumer';
import { EnvelopeContext } from '@libs/common/kafka/envelope-context';
import { CancelReminders } from './cancel-reminders.use-case';
import { KeepReminder } from './keep-reminder.use-case';

/**
 * conversation.reminder_requested and conversation.reminder_cancelled: a citizen asked in chat to be reminded of a
 * date (6月30日前提醒我…), or 取消提醒. Every other conversation event is left alone.
 */
@Controller()
export class ReminderRequestsHandler {
  constructor(
    private readonly consumer: EnvelopeConsumer,
    private readonly keepReminder: KeepReminder,
    private readonly cancelReminders: CancelReminders,
  ) {}

  @EventPattern(Topic.ConversationEventsV1)
  async handle(@Payload() raw: unknown, @Ctx() ctx: EnvelopeContext): Promise<void> {
    // Every turn is on this topic: look at reminders only, without the consumer's bookkeeping for the rest.
    if (!isAboutReminders(raw)) return;
    return this.consumer.consume(ctx, raw, ConversationEventV1, async (event) => {
      if (event.type === 'conversation.reminder_requested') await this.keepReminder.execute(event.payload);
      if (event.type === 'conversation.reminder_cancelled') await this.cancelReminders.execute(event.payload);
      return [];
    });
  }
}

/** A cheap look before parsing: the transport hands over the message as its JSON text. */
export function isAboutReminders(raw: unknown): boolean {
  return (
    typeof raw === 'string' &&
    (raw.includes('"type":"conversation.reminder_requested"') ||
      raw.includes('"type":"conversation.reminder_cancelled"'))
  );
}
