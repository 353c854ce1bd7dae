import { Channel } from '@libs/common/contracts/common-fields';
import { redactText } from '@libs/common/logging/redact';
import { chinaDate } from '@libs/common/time/china-time';
import { isOpen, TicketStatus } from '../tickets/ticket-lifecycle';
import { Open311Document, Open311Node } from './open311-document';
import { serviceOfCategory } from './open311-services';

/** What the public may know of a ticket, whatever channel it came by. */
export interface PublicTicket {
  ticketNo: string;
  status: TicketStatus;
  category: string;
  channel: Channel;
  departmentName: string;
  workingDays: number;
  reopenCount: number;
  acceptedAt: Date;
  updatedAt: Date;
  dueAt: Date | null;
  /** Dialogue's summary place: the region the complaint is about (广东省广州市天河区), never contact details. */
  summaryPlace: string | null;
  location: { lat: number; lon: number } | null;
  /** An Open311 request's own address_string and address_id, as its client sent them for publication. */
  open311Address: string | null;
  open311AddressId: string | null;
}

/** The spec's two states: a ticket is closed once concluded (办结), whether or not it was rated and filed since. */
export function open311Status(status: TicketStatus): 'open' | 'closed' {
  return isOpen(status) ? 'open' : 'closed';
}

/** More than open/closed: where the work order stands, in the words the 12345 hotline uses. */
export function statusNotes(ticket: Pick<PublicTicket, 'status' | 'departmentName' | 'reopenCount'>): string {
  const department = ticket.departmentName;
  switch (ticket.status) {
    case 'created':
      return '已受理，等待派单';
    case 'assigned':
      return `已派单至${department}，等待签收`;
    case 'accepted':
      return `${department}已签收`;
    case 'in_progress':
      return ticket.reopenCount > 0 ? `${department}正在重新办理` : `${department}正在办理`;
    case 'returned':
      return `已退回${department}，正在重新派单`;
    case 'resolved':
      return `${department}已办结`;
    case 'revisited':
      return `${department}已办结，已回访`;
    case 'closed':
      return `${department}已办结，已归档`;
  }
}

/** What will be done and by when; nothing once it is concluded. */
export function serviceNotice(
  ticket: Pick<PublicTicket, 'status' | 'departmentName' | 'workingDays' | 'dueAt'>,
): string | null {
  if (!isOpen(ticket.status)) return null;
  const limit = `由${ticket.departmentName}办理，办结时限为 ${ticket.workingDays} 个工作日`;
  return ticket.dueAt ? `${limit}，预计${chineseDate(ticket.dueAt)}前办结` : limit;
}

/**
 * A request as GET Service Request(s) show it, with the spec's fields in the spec's order. Public: no name, phone,
 * email, account or device, and neither the citizen's words nor the department's reply (either may name people):
 * description is the empty element the spec's own examples show. Where: an Open311 request's address (phone and ID
 * numbers masked, in case one was typed into it) and point, as its client sent them to be published; for a
 * complaint from a conversation only the region's name — the point a citizen shared in a chat may be their home.
 */
export function publicRequest(ticket: PublicTicket): Record<string, Open311Node> {
  const service = serviceOfCategory(ticket.category);
  const isOpen311 = ticket.channel === 'open311';
  const point = isOpen311 ? ticket.location : null;
  return {
    service_request_id: ticket.ticketNo,
    status: open311Status(ticket.status),
    status_notes: statusNotes(ticket),
    service_name: ticket.category,
    service_code: service?.code ?? null,
    description: null,
    agency_responsible: ticket.departmentName,
    service_notice: serviceNotice(ticket),
    requested_datetime: w3cDateTime(ticket.acceptedAt),
    updated_datetime: w3cDateTime(ticket.updatedAt),
    expected_datetime: ticket.dueAt ? w3cDateTime(ticket.dueAt) : null,
    address: isOpen311 ? ticket.open311Address && redactText(ticket.open311Address) : ticket.summaryPlace,
    address_id: isOpen311 ? ticket.open311AddressId : null,
    zipcode: null,
    lat: point?.lat ?? null,
    long: point?.lon ?? null,
    media_url: null,
  };
}

export function requestsDocument(tickets: PublicTicket[]): Open311Document {
  return { root: 'service_requests', body: tickets.map(publicRequest) };
}

/** POST Service Request's answer: the ticket number, what happens next, and the client's own account id back. */
export function receiptDocument(receipt: {
  ticketNo: string;
  serviceNotice: string | null;
  accountId: string | null;
}): Open311Document {
  return {
    root: 'service_requests',
    body: [
      {
        service_request_id: receipt.ticketNo,
        service_notice: receipt.serviceNotice,
        account_id: receipt.accountId,
      },
    ],
  };
}

/** W3C date-time in Beijing time (UTC+8 all year), as the spec requires a zone: 2026-11-26T10:00:00+08:00. */
export function w3cDateTime(instant: Date): string {
  return `${new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

function chineseDate(instant: Date): string {
  const [year, month, day] = chinaDate(instant).split('-').map(Number);
  return `${year}年${month}月${day}日`;
}
