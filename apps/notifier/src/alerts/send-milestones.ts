/**
 * Time to 50 %, 90 % and 100 % sent: how long after the alert was received the k-th recipient's message left us,
 * k being that share of the recipients it is still meant for (targeted less cancelled; a failed delivery stays
 * counted, so 100 % waits until it is sent or the alert is cancelled). Null until that many have been sent.
 */
export const MILESTONES = { p50: 0.5, p90: 0.9, p100: 1 } as const;
export type Milestone = keyof typeof MILESTONES;
export type TimeToSentMs = Record<Milestone, number | null>;

/** The 1-based ranks, in send order, whose send times answer each milestone; none without recipients. */
export function milestoneRanks(intended: number): Record<Milestone, number> | null {
  if (intended <= 0) return null;
  const rank = (share: number) => Math.max(1, Math.ceil(share * intended - 1e-9));
  return { p50: rank(MILESTONES.p50), p90: rank(MILESTONES.p90), p100: rank(MILESTONES.p100) };
}

export function timeToSent(receivedAt: Date, intended: number, sentAtByRank: ReadonlyMap<number, Date>): TimeToSentMs {
  const ranks = milestoneRanks(intended);
  const after = (rank: number | undefined) => {
    const sentAt = rank === undefined ? undefined : sentAtByRank.get(rank);
    return sentAt ? Math.max(0, sentAt.getTime() - receivedAt.getTime()) : null;
  };
  return { p50: after(ranks?.p50), p90: after(ranks?.p90), p100: after(ranks?.p100) };
}
