import { Injectable } from '@nestjs/common';
import { createReply } from '@libs/common/contracts/channel-outbound.v1';
import { TicketEventV1 } from '@libs/common/contracts/ticket-events.v1';
import { Outgoing, Topic } from '@libs/common/contracts/topics';
import { phrasebookFor } from '../conversation/phrasebooks';
import { TicketProgressStore } from './ticket-progress';

/** Ticket progress, kept for 我的投诉进展 and told to the citizen in the conversation the complaint came from. */
@Injectable()
export class TellCitizenAboutTicket {
  constructor(private readonly progress: TicketProgressStore) {}

  async execute(event: TicketEventV1): Promise<Outgoing[]> {
    const ticket = event.payload;
    await this.progress.recordCreated(ticket);
    return [
      {
        topic: Topic.ChannelOutboundV1,
        envelope: createReply(
          {
            channel: ticket.channel,
            conversationId: ticket.conversationId,
            inReplyTo: ticket.sourceMessageId,
            text: phrasebookFor(ticket.lang).ticketCreated(ticket),
            endOfTurn: true,
          },
          { traceId: event.traceId, envelopeId: event.id },
        ),
      },
    ];
  }
}
