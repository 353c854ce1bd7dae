import { Injectable } from '@nestjs/common';
import { createReply, ReplyV1 } from '@libs/common/contracts/channel-outbound.v1';
import { TicketChangedV1, TicketEventV1 } from '@libs/common/contracts/ticket-events.v1';
import { Outgoing, Topic } from '@libs/common/contracts/topics';
import { ConversationStates } from '../conversation/conversation-state';
import { Phrasebook } from '../conversation/phrasebook';
import { phrasebookFor } from '../conversation/phrasebooks';
import { TicketProgressStore } from './ticket-progress';

/**
 * Ticket progress, kept for 我的投诉进展 and told to the citizen in the conversation the complaint came from: the
 * ticket opened, signed for, re-routed, extended, concluded (with the department's reply, then the 好差评 question:
 * the conversation waits for the rating) and reopened after a bad rating.
 */
@Injectable()
export class TellCitizenAboutTicket {
  constructor(
    private readonly progress: TicketProgressStore,
    private readonly states: ConversationStates,
  ) {}

  async execute(event: TicketEventV1): Promise<Outgoing[]> {
    // A request from another system through Open311 has no conversation to tell: its client asks ticketing.
    if ('channel' in event.payload && event.payload.channel === 'open311') return [];
    switch (event.type) {
      case 'ticket.created': {
        await this.progress.recordCreated(event.payload);
        return this.tell(event, [phrasebookFor(event.payload.lang).ticketCreated(event.payload)]);
      }
      case 'ticket.home_visit': {
        const visit = event.payload;
        const say = phrasebookFor(visit.lang);
        if (visit.status === 'accepted') return this.tell(event, [say.homeVisitArranged(visit)]);
        return visit.status === 'done' ? this.tell(event, [say.homeVisitDone(visit)]) : [];
      }
      case 'ticket.changed': {
        const ticket = event.payload;
        const say = phrasebookFor(ticket.lang);
        await this.progress.recordChanged(ticket);
        const texts = textsFor(ticket, say);
        if (ticket.action !== 'conclude') return this.tell(event, texts);
        const state = await this.states.get(ticket.conversationId);
        const pending = { type: 'rating' as const, ticketNo: ticket.ticketNo };
        await this.states.save(ticket.conversationId, { ...state, pending, choices: say.ratingChoices });
        return this.tell(event, texts, say.ratingChoices);
      }
      case 'ticket.deadline_alert':
        return []; // for staff, not the citizen
    }
  }

  private tell(
    event: Exclude<TicketEventV1, { type: 'ticket.deadline_alert' }>,
    texts: string[],
    quickReplies?: string[],
  ): Outgoing[] {
    const ticket = event.payload;
    const about = ticketState(event);
    return texts.map((text, part) => ({
      topic: Topic.ChannelOutboundV1,
      envelope: createReply(
        {
          channel: ticket.channel,
          conversationId: ticket.conversationId,
          // The first message answers the complaint; later ones are news about it.
          ...(event.type === 'ticket.created' ? { inReplyTo: ticket.sourceMessageId } : {}),
          text,
          quickReplies: part === texts.length - 1 ? quickReplies : undefined,
          endOfTurn: part === texts.length - 1,
          // Once per event: what a subscribe message shows where the text can no longer be sent.
          ...(part === 0 && about ? { ticket: about } : {}),
        },
        { traceId: event.traceId, envelopeId: event.id },
        part,
      ),
    }));
  }
}

/** The ticket's state after the event, for a subscribe message; none for a home visit (its own news). */
function ticketState(event: Exclude<TicketEventV1, { type: 'ticket.deadline_alert' }>): ReplyV1['ticket'] {
  if (event.type === 'ticket.created') {
    return { ticketNo: event.payload.ticketNo, status: 'assigned', at: event.payload.acceptedAt };
  }
  if (event.type === 'ticket.changed') {
    return { ticketNo: event.payload.ticketNo, status: event.payload.status, at: event.payload.at };
  }
  return undefined;
}

/** What the citizen hears of a change; nothing for the desk's own moves (督办, 归档, a rating they just gave). */
function textsFor(ticket: TicketChangedV1, say: Phrasebook): string[] {
  switch (ticket.action) {
    case 'signFor':
      return [say.ticketSignedFor(ticket)];
    case 'conclude':
      return [say.ticketConcluded(ticket, ticket.reply ?? ''), say.askRating];
    case 'decideExtension':
      return ticket.extensionWorkingDays ? [say.ticketExtended(ticket)] : [];
    case 'dispatch':
      return [say.ticketRedispatched(ticket)];
    case 'reopen':
      return [say.ticketReopened(ticket)];
    default:
      return [];
  }
}
