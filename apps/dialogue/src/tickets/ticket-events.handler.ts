import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { TicketEventV1 } from '@libs/common/contracts/ticket-events.v1';
import { Topic } from '@libs/common/contracts/topics';
import { EnvelopeConsumer } from '@libs/common/kafka/envelope-consumer';
import { EnvelopeContext } from '@libs/common/kafka/envelope-context';
import { TellCitizenAboutTicket } from './tell-citizen-about-ticket.use-case';

@Controller()
export class TicketEventsHandler {
  constructor(
    private readonly consumer: EnvelopeConsumer,
    private readonly tellCitizen: TellCitizenAboutTicket,
  ) {}

  @EventPattern(Topic.TicketEventsV1)
  handle(@Payload() raw: unknown, @Ctx() ctx: EnvelopeContext): Promise<void> {
    return this.consumer.consume(ctx, raw, TicketEventV1, (event) => this.tellCitizen.execute(event));
  }
}
