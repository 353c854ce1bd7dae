/**
 * A 微信客服 session's state (会话状态), as service_state/get reports it and service_state/trans changes it:
 * 0 new, nobody has it yet; 1 answered by the assistant (through the API); 2 queued for a servicer (待接入池);
 * 3 with a servicer (人工接待); 4 ended, or not started. A session is one customer's consultation with one
 * account: it lasts 48 hours or until ended, and the customer's next message after the end opens a new one (0).
 */
export type KfServiceState = 0 | 1 | 2 | 3 | 4;

export const KF_STATE = { untouched: 0, assistant: 1, queued: 2, human: 3, ended: 4 } as const;

/** The changes service_state/trans allows from each state. From 3 a session can only change hands or end. */
const LEGAL_MOVES: Record<KfServiceState, readonly KfServiceState[]> = {
  0: [1, 2, 3, 4],
  1: [2, 3, 4],
  2: [3, 4],
  3: [3, 4],
  4: [],
};

export function canMove(from: KfServiceState, to: KfServiceState): boolean {
  return LEGAL_MOVES[from].includes(to);
}

/**
 * The change that gives a session to people: to the named servicer when there is one, else into the queue, where
 * the first free servicer takes it. `none` when it is already where it should be; `ended` when the session is over
 * (the customer has to write again before anyone can take it).
 */
export function moveToHuman(current: KfServiceState, servicerUserId?: string): KfServiceState | 'none' | 'ended' {
  if (current === KF_STATE.ended) return 'ended';
  if (servicerUserId) return KF_STATE.human;
  return current === KF_STATE.queued || current === KF_STATE.human ? 'none' : KF_STATE.queued;
}

/**
 * The change that gives a session back to the assistant. 微信客服 allows no way from a servicer (or the queue) back
 * to the API, so the servicer's session is ended: the customer's next message opens a new session, and that one is
 * the assistant's again. `none` when the assistant has it already.
 */
export function moveBackToAssistant(current: KfServiceState): KfServiceState | 'none' {
  return current === KF_STATE.queued || current === KF_STATE.human ? KF_STATE.ended : 'none';
}
