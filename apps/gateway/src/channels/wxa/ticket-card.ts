import { ReplyV1 } from '@libs/common/contracts/channel-outbound.v1';
import { TicketStatusV1 } from '@libs/common/contracts/ticket-events.v1';
import { templateTime } from '@libs/common/vendors/wxa/subscribe-message-data';
import { TemplateFields, templateFieldList } from '@libs/common/vendors/wxa/template-field-list';

export const TICKET_CARD_SOURCES = ['ticketNo', 'status', 'at', 'text'] as const;
export type TicketCardSource = (typeof TICKET_CARD_SOURCES)[number];
export type TicketCardFields = TemplateFields<TicketCardSource>;

/**
 * WXA_TICKET_TEMPLATE_FIELDS: which key of the ticket template (WXA_TICKET_TEMPLATE_ID) shows what: the ticket
 * number, its state, the time it changed, and the first line of the message it stands for. The default fits the
 * usual 工单进度提醒: 工单编号 character_string1, 办理状态 phrase2, 备注 thing3, 更新时间 time4.
 */
export const TicketCardFieldList = templateFieldList(
  TICKET_CARD_SOURCES,
  'character_string1:ticketNo,phrase2:status,thing3:text,time4:at',
);

/** Each state as a phrase field takes it: five Chinese characters at most. */
const STATUS_PHRASE: Record<TicketStatusV1, string> = {
  created: '已受理',
  assigned: '已派单',
  accepted: '已签收',
  in_progress: '办理中',
  returned: '转办中',
  resolved: '已办结',
  revisited: '已回访',
  closed: '已归档',
};

/** The subscribe message's values, by template key, for a reply that is news of a ticket. */
export function ticketCardValues(
  ticket: NonNullable<ReplyV1['ticket']>,
  text: string,
  fields: TicketCardFields,
): Record<string, string> {
  const values: Record<TicketCardSource, string> = {
    ticketNo: ticket.ticketNo,
    status: STATUS_PHRASE[ticket.status],
    at: templateTime(new Date(ticket.at)),
    text: text.split('\n').find((line) => line.trim() !== '') ?? text,
  };
  return Object.fromEntries(fields.map(({ key, source }) => [key, values[source]]));
}
