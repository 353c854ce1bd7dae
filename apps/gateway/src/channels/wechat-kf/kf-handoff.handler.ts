import { Controller, Inject, Optional } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ConversationEventV1 } from '@libs/common/contracts/conversation-events.v1';
import { Topic } from '@libs/common/contracts/topics';
import { EnvelopeConsumer } from '@libs/common/kafka/envelope-consumer';
import { EnvelopeContext } from '@libs/common/kafka/envelope-context';
import { ChannelContacts } from '../channel-contacts';
import { WechatKfHandover } from './wechat-kf-handover';

/**
 * A 微信客服 conversation handed to a person in dialogue goes to WeChat's own servicer queue too (service_state/trans),
 * so the citizen's next messages reach a servicer in WeChat; given back or closed, it returns to the assistant.
 * Other channels' handoffs are worked in our agent console only.
 */
@Controller()
export class KfHandoffHandler {
  constructor(
    private readonly consumer: EnvelopeConsumer,
    private readonly contacts: ChannelContacts,
    @Optional() @Inject(WechatKfHandover) private readonly handover: WechatKfHandover | null,
  ) {}

  @EventPattern(Topic.ConversationEventsV1)
  async handle(@Payload() raw: unknown, @Ctx() ctx: EnvelopeContext): Promise<void> {
    // Every turn is on this topic: look at handoffs only, without the consumer's bookkeeping for the rest.
    if (!this.handover || !isHandoff(raw)) return;
    return this.consumer.consume(ctx, raw, ConversationEventV1, async (event) => {
      if (event.type !== 'conversation.handoff' || event.payload.channel !== 'wechat_kf' || !this.handover) return [];
      const contact = await this.contacts.contactOf(event.payload.conversationId);
      if (event.payload.status === 'waiting') await this.handover.toHuman(contact);
      if (event.payload.status === 'returned' || event.payload.status === 'closed') {
        await this.handover.backToAssistant(contact);
      }
      return [];
    });
  }
}

/** A cheap look before parsing: the transport hands over the message as its JSON text. */
function isHandoff(raw: unknown): boolean {
  return typeof raw === 'string' && raw.includes('"type":"conversation.handoff"');
}
