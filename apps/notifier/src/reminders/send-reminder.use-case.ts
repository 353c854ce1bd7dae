import { Injectable } from '@nestjs/common';
import { createReply } from '@libs/common/contracts/channel-outbound.v1';
import { Topic } from '@libs/common/contracts/topics';
import { EnvelopeProducer } from '@libs/common/kafka/envelope-producer';
import { reminderText } from './reminder-text';
import { Reminders } from './reminders';

/**
 * A reminder that is due goes back into the citizen's conversation as a reply on channel.outbound.v1; the gateway
 * delivers it through that channel (WeCom and SMS at once, the web chat when the citizen is back, the mini-program
 * within WeChat's 48-hour window). Sent first, marked after: a crash between the two sends it again with the same
 * message id (derived from the reminder's), which the gateway drops as a duplicate. Cancelled or sent: nothing.
 */
@Injectable()
export class SendReminder {
  constructor(
    private readonly reminders: Reminders,
    private readonly producer: EnvelopeProducer,
  ) {}

  async execute(reminderId: string): Promise<boolean> {
    const reminder = await this.reminders.scheduled(reminderId);
    if (!reminder) return false;
    const reply = createReply(
      {
        channel: reminder.channel,
        conversationId: reminder.conversationId,
        text: reminderText(reminder),
        endOfTurn: true,
      },
      { traceId: reminder.id, envelopeId: reminder.id },
    );
    await this.producer.send({ topic: Topic.ChannelOutboundV1, envelope: reply });
    await this.reminders.markSent(reminder.id);
    return true;
  }
}
