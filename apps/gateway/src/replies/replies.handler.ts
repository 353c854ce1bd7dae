import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ChannelOutboundV1 } from '@libs/common/contracts/channel-outbound.v1';
import { Topic } from '@libs/common/contracts/topics';
import { EnvelopeConsumer } from '@libs/common/kafka/envelope-consumer';
import { EnvelopeContext } from '@libs/common/kafka/envelope-context';
import { DeliverReply } from './deliver-reply.use-case';

@Controller()
export class RepliesHandler {
  constructor(
    private readonly consumer: EnvelopeConsumer,
    private readonly deliverReply: DeliverReply,
  ) {}

  @EventPattern(Topic.ChannelOutboundV1)
  handle(@Payload() raw: unknown, @Ctx() ctx: EnvelopeContext): Promise<void> {
    return this.consumer.consume(ctx, raw, ChannelOutboundV1, (reply) => this.deliverReply.execute(reply.payload));
  }
}
