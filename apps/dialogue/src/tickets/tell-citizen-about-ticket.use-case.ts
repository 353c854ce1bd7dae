import { Injectable } from '@nestjs/common';
import { createReply } from '@libs/common/contracts/channel-outbound.v1';
import { TicketEventV1 } from '@libs/common/contracts/ticket-events.v1';
import { Outgoing, Topic } from '@libs/common/contracts/topics';
import { ticketCreatedText } from './ticket-replies.zh';

/** Ticket progress, back to the citizen in the conversation the complaint came from. */
@Injectable()
export class TellCitizenAboutTicket {
  async execute(event: TicketEventV1): Promise<Outgoing[]> {
    const ticket = event.payload;
    return [
      {
        topic: Topic.ChannelOutboundV1,
        envelope: createReply(
          {
            channel: ticket.channel,
            conversationId: ticket.conversationId,
            inReplyTo: ticket.sourceMessageId,
            text: ticketCreatedText(ticket),
            endOfTurn: true,
          },
          { traceId: event.traceId, envelopeId: event.id },
        ),
      },
    ];
  }
}
