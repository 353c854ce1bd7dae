/** One department's tickets of one month (accepted in it), as counted by the database. */
export interface MonthCounts {
  received: number;
  /** Tickets whose 签收 deadline has passed, or that were signed for. */
  signDue: number;
  signedOnTime: number;
  /** 办结: resolved, revisited or closed. */
  resolved: number;
  /** Tickets resolved, or still open past their 办结 deadline. */
  concludeDue: number;
  resolvedOnTime: number;
  rated: number;
  /** Rated 基本满意 or better (3–5 of 5). */
  satisfied: number;
  ratingSum: number;
  reopened: number;
  /** Working hours from 受理 to 办结 of each resolved ticket. */
  handlingHours: number[];
}

export interface MonthStats {
  received: number;
  resolved: number;
  rated: number;
  reopened: number;
  /** 按时签收率: signed for within a working day, of those due. */
  responseRate: number | null;
  /** 按时办结率: resolved by the deadline, of those due. */
  onTimeRate: number | null;
  /** 办结率: resolved, of those received. */
  resolutionRate: number | null;
  /** 平均办理时长, in working hours. */
  averageHandlingHours: number | null;
  /** 满意率: 基本满意 or better, of those rated. */
  satisfactionRate: number | null;
  averageRating: number | null;
}

/** How much each rate weighs in the ranking score. */
export const SCORE_WEIGHTS = {
  responseRate: 0.2,
  onTimeRate: 0.3,
  resolutionRate: 0.2,
  satisfactionRate: 0.3,
} as const;

export function monthStats(counts: MonthCounts): MonthStats {
  const { handlingHours } = counts;
  return {
    received: counts.received,
    resolved: counts.resolved,
    rated: counts.rated,
    reopened: counts.reopened,
    responseRate: share(counts.signedOnTime, counts.signDue),
    onTimeRate: share(counts.resolvedOnTime, counts.concludeDue),
    resolutionRate: share(counts.resolved, counts.received),
    averageHandlingHours:
      handlingHours.length === 0
        ? null
        : round(handlingHours.reduce((sum, hours) => sum + hours, 0) / handlingHours.length, 1),
    satisfactionRate: share(counts.satisfied, counts.rated),
    averageRating: counts.rated === 0 ? null : round(counts.ratingSum / counts.rated, 2),
  };
}

/**
 * The ranking score, 0–100: the weighted rates. A rate with nothing to measure yet (no ticket rated, none due) is
 * left out and the other weights count in its place; a department that received nothing has no score.
 */
export function score(stats: MonthStats): number | null {
  let weighted = 0;
  let weights = 0;
  for (const [rate, weight] of Object.entries(SCORE_WEIGHTS) as Array<[keyof typeof SCORE_WEIGHTS, number]>) {
    const value = stats[rate];
    if (value === null) continue;
    weighted += value * weight;
    weights += weight;
  }
  return stats.received === 0 || weights === 0 ? null : round((weighted / weights) * 100, 1);
}

/** Highest score first, equal scores share a rank (1, 2, 2, 4); departments without a score come last, unranked. */
export function rank<T extends { name: string; score: number | null }>(rows: T[]): Array<T & { rank: number | null }> {
  const sorted = [...rows].sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.name.localeCompare(b.name, 'zh-CN'));
  return sorted.map((row) => ({
    ...row,
    rank: row.score === null ? null : sorted.findIndex((other) => other.score === row.score) + 1,
  }));
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : round(part / whole, 4);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
