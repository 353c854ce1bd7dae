import { TicketStatusV1 } from '@libs/common/contracts/ticket-events.v1';
import { subscribeMessageData } from '@libs/common/vendors/wxa/subscribe-message-data';
import { TicketCardFieldList, ticketCardValues } from './ticket-card';

const CONCLUDED = { ticketNo: 'GD20261126000042', status: 'resolved' as const, at: '2026-12-03T06:05:00.000Z' };

describe('the ticket card (a subscribe message for ticket news)', () => {
  it('shows number, state, Beijing time and the first line of the message, by the default template keys', () => {
    const values = ticketCardValues(
      CONCLUDED,
      '\n您反映的工单 GD20261126000042 已办结。\n承办单位答复：已责令工地夜间停工。',
      TicketCardFieldList.parse(undefined),
    );
    expect(values).toEqual({
      character_string1: 'GD20261126000042',
      phrase2: '已办结',
      thing3: '您反映的工单 GD20261126000042 已办结。',
      time4: '2026年12月3日 14:05',
    });
    // Every value fits its key's rule (the note is shortened, as a thing may be).
    expect(subscribeMessageData(values).thing3.value).toBe('您反映的工单 GD2026112600…');
  });

  it('uses the keys the template has, and only those', () => {
    const fields = TicketCardFieldList.parse('character_string7:ticketNo,phrase9:status');
    expect(ticketCardValues(CONCLUDED, '已办结', fields)).toEqual({
      character_string7: CONCLUDED.ticketNo,
      phrase9: '已办结',
    });
  });

  it.each(['thing4:reply', 'thing4', 'phrase2:status,phrase2:text'])('refuses the setting %s', (value) => {
    expect(TicketCardFieldList.safeParse(value).success).toBe(false);
  });

  it('names every state with a phrase the platform takes (five Chinese characters at most)', () => {
    for (const status of TicketStatusV1.options) {
      const values = ticketCardValues({ ...CONCLUDED, status }, 'x', TicketCardFieldList.parse('phrase1:status'));
      expect(() => subscribeMessageData(values)).not.toThrow();
    }
  });
});
