import { StaffClaims } from '@libs/common/auth/staff';
import { DomainError } from '@libs/common/errors/domain-error';
import { isBadRating, nextStatus, TicketAction, TicketStatus } from './ticket-lifecycle';

/** What someone asks to do to a ticket, with what the action needs. */
export type TicketChange =
  | { action: 'dispatch'; departmentCode: string; reason?: string }
  | { action: 'signFor' }
  | { action: 'start' }
  | { action: 'returnTicket'; reason: string }
  | { action: 'requestExtension'; workingDays: number; reason: string }
  | { action: 'decideExtension'; isApproved: boolean; reason?: string }
  | { action: 'conclude'; reply: string }
  | { action: 'rate'; rating: number; reason?: string }
  | { action: 'reopen'; reason: string }
  | { action: 'close'; reason?: string }
  | { action: 'supervise'; notice: string };

/** Who asks: a signed-in staff member, or the citizen (their rating, from the conversation the ticket came from). */
export type Actor = { kind: 'staff'; staff: StaffClaims } | { kind: 'citizen'; conversationId: string };

export class NotYourTicket extends DomainError {
  constructor(action: string) {
    super('forbidden', `您的账号不能对该工单${action}`);
  }
}

/** Who may take which action: the handling department works the ticket; the desk (admin) steers it. */
const DEPARTMENT_ACTIONS: readonly TicketAction[] = [
  'signFor',
  'start',
  'returnTicket',
  'requestExtension',
  'conclude',
];
const DESK_ACTIONS: readonly TicketAction[] = ['dispatch', 'decideExtension', 'reopen', 'close', 'supervise'];

export function mayTake(
  actor: Actor,
  action: TicketAction,
  ticket: { departmentCode: string; conversationId: string },
): boolean {
  if (actor.kind === 'citizen') return action === 'rate' && actor.conversationId === ticket.conversationId;
  const { roles, departmentCode } = actor.staff;
  // The desk records a rating given on a 回访 call, for a citizen who did not rate in the conversation.
  if (DESK_ACTIONS.includes(action) || action === 'rate') return roles.includes('admin');
  if (!DEPARTMENT_ACTIONS.includes(action)) return false;
  return (roles.includes('dept_staff') || roles.includes('dept_head')) && departmentCode === ticket.departmentCode;
}

/**
 * The states a change passes through. A rating moves the ticket to 回访; a bad one (非常不满意, 不满意) then sends it
 * back to the department to be put right (重办), a good one files it (归档).
 */
export function stepsOf(status: TicketStatus, change: TicketChange): Array<{ action: TicketAction; to: TicketStatus }> {
  const first = { action: change.action, to: nextStatus(status, change.action) };
  if (change.action !== 'rate') return [first];
  const then: TicketAction = isBadRating(change.rating) ? 'reopen' : 'close';
  return [first, { action: then, to: nextStatus(first.to, then) }];
}
