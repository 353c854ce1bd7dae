import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ConversationEventV1 } from '@libs/common/contracts/conversation-events.v1';
import { Topic } from '@libs/common/contracts/topics';
import { EnvelopeConsumer } from '@libs/common/kafka/envelope-consumer';
import { EnvelopeContext } from '@libs/common/kafka/envelope-context';
import { RegisterAlertSubscription } from './register-alert-subscription.use-case';

/**
 * conversation.alert_subscription_requested: a citizen asked in chat for alerts (订阅预警) or to stop them. Only the
 * gateway knows their address, so it registers them with the notifier. Every other conversation event is left alone.
 */
@Controller()
export class AlertSubscriptionHandler {
  constructor(
    private readonly consumer: EnvelopeConsumer,
    private readonly registerSubscription: RegisterAlertSubscription,
  ) {}

  @EventPattern(Topic.ConversationEventsV1)
  async handle(@Payload() raw: unknown, @Ctx() ctx: EnvelopeContext): Promise<void> {
    // Every turn is on this topic: look at subscription requests only, without the consumer's bookkeeping for the rest.
    if (!isSubscriptionRequest(raw)) return;
    return this.consumer.consume(ctx, raw, ConversationEventV1, async (event) => {
      if (event.type === 'conversation.alert_subscription_requested') {
        await this.registerSubscription.execute(event.payload);
      }
      return [];
    });
  }
}

/** A cheap look before parsing: the transport hands over the message as its JSON text. */
export function isSubscriptionRequest(raw: unknown): boolean {
  return typeof raw === 'string' && raw.includes('"type":"conversation.alert_subscription_requested"');
}
