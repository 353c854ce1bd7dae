import { TicketCreatedV1 } from '@libs/common/contracts/ticket-events.v1';

const dateInChina = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});

/** 您反映的问题已转交…: where the complaint went, its number, and by when it will be concluded. */
export function ticketCreatedText(ticket: TicketCreatedV1): string {
  const deadline = ticket.dueAt
    ? `${ticket.workingDays}个工作日内（${dateInChina.format(new Date(ticket.dueAt))}前）`
    : `${ticket.workingDays}个工作日内`;
  return (
    `您反映的问题已转交${ticket.departmentName}办理，工单号：${ticket.ticketNo}。\n` +
    `承办单位将在${deadline}办结并答复您。请记下工单号，以便查询办理进展。`
  );
}
