import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { TicketCommandV1 } from '@libs/common/contracts/ticket-commands.v1';
import { Topic } from '@libs/common/contracts/topics';
import { EnvelopeConsumer } from '@libs/common/kafka/envelope-consumer';
import { EnvelopeContext } from '@libs/common/kafka/envelope-context';
import { CreateTicket } from './create-ticket.use-case';

@Controller()
export class TicketCommandsHandler {
  constructor(
    private readonly consumer: EnvelopeConsumer,
    private readonly createTicket: CreateTicket,
  ) {}

  @EventPattern(Topic.TicketCommandsV1)
  handle(@Payload() raw: unknown, @Ctx() ctx: EnvelopeContext): Promise<void> {
    return this.consumer.consume(ctx, raw, TicketCommandV1, (command) => this.createTicket.execute(command));
  }
}
