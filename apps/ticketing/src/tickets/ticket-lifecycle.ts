import { TicketActionV1, TicketStatusV1 } from '@libs/common/contracts/ticket-events.v1';
import { DomainError } from '@libs/common/errors/domain-error';

/**
 * The government work-order lifecycle (工单流转), as pure rules: which action is legal in which state, and where it
 * leads. 受理 created → 派单 assigned → 签收 accepted → 办理中 in_progress → 办结 resolved → 回访 revisited → 归档
 * closed; 退单 returned (the department sends a wrongly routed ticket back to the desk, which dispatches it again);
 * 重办 reopened after a bad rating (back to the department, to be put right). 延期 and 督办 do not move the state.
 */
export const TICKET_STATUSES = TicketStatusV1.options;
export type TicketStatus = TicketStatusV1;

export const TICKET_ACTIONS = TicketActionV1.options;
export type TicketAction = TicketActionV1;

export const STATUS_LABEL: Record<TicketStatus, string> = {
  created: '已受理',
  assigned: '已派单',
  accepted: '已签收',
  in_progress: '办理中',
  returned: '已退单',
  resolved: '已办结',
  revisited: '已回访',
  closed: '已归档',
};

export const ACTION_LABEL: Record<TicketAction, string> = {
  dispatch: '派单',
  signFor: '签收',
  start: '开始办理',
  returnTicket: '退单',
  requestExtension: '申请延期',
  decideExtension: '审批延期',
  conclude: '办结',
  rate: '评价',
  reopen: '重办',
  close: '归档',
  supervise: '督办',
};

/** Where each action may be taken from, and where it leads (undefined: it does not move the state). */
const MOVES: Record<TicketAction, { from: readonly TicketStatus[]; to?: TicketStatus }> = {
  dispatch: { from: ['created', 'returned'], to: 'assigned' },
  signFor: { from: ['assigned'], to: 'accepted' },
  start: { from: ['accepted'], to: 'in_progress' },
  returnTicket: { from: ['assigned', 'accepted'], to: 'returned' },
  requestExtension: { from: ['accepted', 'in_progress'] },
  decideExtension: { from: ['accepted', 'in_progress'] },
  conclude: { from: ['accepted', 'in_progress'], to: 'resolved' },
  rate: { from: ['resolved'], to: 'revisited' },
  reopen: { from: ['resolved', 'revisited'], to: 'in_progress' },
  // From 已办结 too: the desk files a ticket whose citizen could not be reached for 回访 (say why).
  close: { from: ['resolved', 'revisited'], to: 'closed' },
  supervise: { from: ['created', 'assigned', 'accepted', 'in_progress', 'returned'] },
};

export class IllegalTransition extends DomainError {
  constructor(from: TicketStatus, action: TicketAction) {
    const allowed = allowedActions(from).map((candidate) => ACTION_LABEL[candidate]);
    super('conflict', `工单当前状态为「${STATUS_LABEL[from]}」，不能${ACTION_LABEL[action]}`, {
      status: from,
      allowedActions: allowedActions(from),
      allowed: allowed.length > 0 ? allowed.join('、') : '无',
    });
  }
}

export function allowedActions(status: TicketStatus): TicketAction[] {
  return TICKET_ACTIONS.filter((action) => MOVES[action].from.includes(status));
}

/** The state an action leads to from a state; throws IllegalTransition when it may not be taken there. */
export function nextStatus(from: TicketStatus, action: TicketAction): TicketStatus {
  const move = MOVES[action];
  if (!move.from.includes(from)) throw new IllegalTransition(from, action);
  return move.to ?? from;
}

/** Still with a department or the desk: what deadlines, alerts and the overdue list are about. */
export function isOpen(status: TicketStatus): boolean {
  return !['resolved', 'revisited', 'closed'].includes(status);
}

/** 好差评: five levels, from 非常满意 (5) to 非常不满意 (1). Two or below sends the ticket back to be put right. */
export const RATING_LABEL: Record<number, string> = {
  5: '非常满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '非常不满意',
};

export function isBadRating(rating: number): boolean {
  return rating <= 2;
}
