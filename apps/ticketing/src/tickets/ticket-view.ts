import { redactText } from '@libs/common/logging/redact';
import { FieldCipher } from '@libs/common/pii/field-cipher';
import { TicketEntity } from './ticket.entity';
import { allowedActions } from './ticket-lifecycle';

/**
 * A ticket as staff see it: where it stands, what can be done next, its deadlines. Phone, ID and card numbers in
 * the citizen's words are masked; the clear text is behind an audited endpoint.
 */
export function ticketView(ticket: TicketEntity, cipher: FieldCipher) {
  return {
    ticketNo: ticket.ticketNo,
    version: ticket.version,
    status: ticket.status,
    allowedActions: allowedActions(ticket.status),
    category: ticket.category,
    regionCode: ticket.regionCode,
    departmentCode: ticket.departmentCode,
    channel: ticket.channel,
    summary: ticket.summary,
    location: ticket.location,
    description: redactText(cipher.decrypt(ticket.descriptionCipher)),
    acceptedAt: ticket.acceptedAt.toISOString(),
    signDueAt: ticket.signDueAt?.toISOString() ?? null,
    signedAt: ticket.signedAt?.toISOString() ?? null,
    workingDays: ticket.workingDays,
    dueAt: ticket.dueAt?.toISOString() ?? null,
    resolvedAt: ticket.resolvedAt?.toISOString() ?? null,
    reply: ticket.replyCipher ? cipher.decrypt(ticket.replyCipher) : null,
    rating: ticket.rating,
    ratingReason: ticket.ratingReason,
    reopenCount: ticket.reopenCount,
  };
}
