import {
  allowedActions,
  IllegalTransition,
  nextStatus,
  TICKET_ACTIONS,
  TICKET_STATUSES,
  TicketAction,
  TicketStatus,
} from './ticket-lifecycle';

/** Every allowed move, written out by hand: the table the rules must reproduce exactly. */
const ALLOWED: Array<[TicketStatus, TicketAction, TicketStatus]> = [
  ['created', 'dispatch', 'assigned'],
  ['created', 'supervise', 'created'],
  ['assigned', 'signFor', 'accepted'],
  ['assigned', 'returnTicket', 'returned'],
  ['assigned', 'supervise', 'assigned'],
  ['accepted', 'start', 'in_progress'],
  ['accepted', 'returnTicket', 'returned'],
  ['accepted', 'requestExtension', 'accepted'],
  ['accepted', 'decideExtension', 'accepted'],
  ['accepted', 'conclude', 'resolved'],
  ['accepted', 'supervise', 'accepted'],
  ['in_progress', 'requestExtension', 'in_progress'],
  ['in_progress', 'decideExtension', 'in_progress'],
  ['in_progress', 'conclude', 'resolved'],
  ['in_progress', 'supervise', 'in_progress'],
  ['returned', 'dispatch', 'assigned'],
  ['returned', 'supervise', 'returned'],
  ['resolved', 'rate', 'revisited'],
  ['resolved', 'reopen', 'in_progress'],
  ['revisited', 'reopen', 'in_progress'],
  ['revisited', 'close', 'closed'],
  ['resolved', 'close', 'closed'],
];

describe('the work-order lifecycle', () => {
  it.each(ALLOWED)('from %s, %s leads to %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  const refused = TICKET_STATUSES.flatMap((from) =>
    TICKET_ACTIONS.filter((action) => !ALLOWED.some(([f, a]) => f === from && a === action)).map(
      (action) => [from, action] as const,
    ),
  );

  it.each(refused)('from %s, %s is refused, naming what is allowed', (from, action) => {
    expect(() => nextStatus(from, action)).toThrow(IllegalTransition);
  });

  it('tells what is allowed in a readable message', () => {
    try {
      nextStatus('resolved', 'signFor');
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(IllegalTransition);
      expect((error as IllegalTransition).message).toBe('工单当前状态为「已办结」，不能签收');
      expect((error as IllegalTransition).details).toMatchObject({
        allowedActions: ['rate', 'reopen', 'close'],
        allowed: '评价、重办、归档',
      });
    }
  });

  it('leaves nothing to do on a closed ticket', () => {
    expect(allowedActions('closed')).toEqual([]);
  });
});
