import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { TicketCommandV1 } from '@libs/common/contracts/ticket-commands.v1';
import { Topic } from '@libs/common/contracts/topics';
import { EnvelopeConsumer } from '@libs/common/kafka/envelope-consumer';
import { EnvelopeContext } from '@libs/common/kafka/envelope-context';
import { Outbox } from '../outbox/outbox';
import { ChangeTicket } from './change-ticket.use-case';
import { CreateTicket } from './create-ticket.use-case';

@Controller()
export class TicketCommandsHandler {
  constructor(
    private readonly consumer: EnvelopeConsumer,
    private readonly createTicket: CreateTicket,
    private readonly changeTicket: ChangeTicket,
    private readonly outbox: Outbox,
  ) {}

  @EventPattern(Topic.TicketCommandsV1)
  handle(@Payload() raw: unknown, @Ctx() ctx: EnvelopeContext): Promise<void> {
    return this.consumer.consume(ctx, raw, TicketCommandV1, async (command) => {
      if (command.type === 'ticket.create') return this.createTicket.execute(command);
      const { ticketNo, conversationId, rating, reason } = command.payload;
      const changed = await this.changeTicket.execute(
        ticketNo,
        { action: 'rate', rating, reason },
        { kind: 'citizen', conversationId },
        { traceId: command.traceId, envelopeId: command.id },
      );
      // Sent through the outbox, which marks them sent (its relay would otherwise send them again).
      await this.outbox.send(changed.events);
      return [];
    });
  }
}
