import { randomUUID } from 'node:crypto';
import { TicketCreatedV1 } from '@libs/common/contracts/ticket-events.v1';
import { ticketCreatedText } from './ticket-replies.zh';

const ticket: TicketCreatedV1 = {
  ticketNo: 'GD20261126000001',
  conversationId: randomUUID(),
  channel: 'webchat',
  sourceMessageId: randomUUID(),
  lang: 'zh',
  category: '城乡建设',
  regionCode: '440106',
  departmentCode: '440106-zjj',
  departmentName: '天河区住房和建设局',
  acceptedAt: '2026-11-26T02:00:00.000Z',
  workingDays: 5,
  dueAt: '2026-12-03T15:59:59.999Z',
};

describe('telling the citizen where the complaint went', () => {
  it('names the department, the ticket number and the deadline in working days with its date in Beijing', () => {
    expect(ticketCreatedText(ticket)).toBe(
      '您反映的问题已转交天河区住房和建设局办理，工单号：GD20261126000001。\n' +
        '承办单位将在5个工作日内（2026年12月3日前）办结并答复您。请记下工单号，以便查询办理进展。',
    );
  });

  it('gives the working days without a date when the holiday schedule is not yet published', () => {
    expect(ticketCreatedText({ ...ticket, dueAt: null })).toContain('承办单位将在5个工作日内办结并答复您');
  });
});
