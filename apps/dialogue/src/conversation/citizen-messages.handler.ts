import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ChannelInboundV1 } from '@libs/common/contracts/channel-inbound.v1';
import { Topic } from '@libs/common/contracts/topics';
import { EnvelopeConsumer } from '@libs/common/kafka/envelope-consumer';
import { EnvelopeContext } from '@libs/common/kafka/envelope-context';
import { HandleCitizenMessage } from './handle-citizen-message.use-case';

@Controller()
export class CitizenMessagesHandler {
  constructor(
    private readonly consumer: EnvelopeConsumer,
    private readonly handleCitizenMessage: HandleCitizenMessage,
  ) {}

  @EventPattern(Topic.ChannelInboundV1)
  handle(@Payload() raw: unknown, @Ctx() ctx: EnvelopeContext): Promise<void> {
    return this.consumer.consume(ctx, raw, ChannelInboundV1, (message) => this.handleCitizenMessage.execute(message));
  }
}
