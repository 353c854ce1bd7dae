import { regionContains } from '@libs/common/regions/region-code';

/**
 * Who an alert for an administrative region reaches. Both ways round:
 * - a city or province alert reaches everyone registered in a district inside it (440100 reaches 440106);
 * - a district alert reaches everyone who registered the whole city or province around it (440106 reaches 440100):
 *   they asked for "my city", and a rainstorm warning for one of its districts is news about their city. Leaving
 *   them out would silently give the broader subscription less than the narrower one.
 * Sibling regions never reach each other (440106 does not reach 440104).
 */
export function reachesRegion(alertCode: string, subscriberCode: string): boolean {
  return regionContains(alertCode, subscriberCode) || regionContains(subscriberCode, alertCode);
}

export function reachesAnyRegion(alertCodes: readonly string[], subscriberCodes: readonly string[]): boolean {
  return alertCodes.some((alertCode) => subscriberCodes.some((code) => reachesRegion(alertCode, code)));
}

/** A code and the regions around it: 440106 → 440106, 440100, 440000. Stored per subscriber, indexed. */
export function regionScope(code: string): string[] {
  return [...new Set([code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`])];
}

/**
 * The same rule as index lookups, so Postgres can answer it from two GIN indexes instead of reading every row:
 * a subscriber is reached when one of the alert's codes is in the scope of one of theirs (the alert covers them),
 * or one of their codes is a region around an alert code (they registered the larger region).
 */
export function regionLookup(alertCodes: readonly string[]): { inScope: string[]; around: string[] } {
  const inScope = [...new Set(alertCodes)];
  const around = [...new Set(inScope.flatMap((code) => regionScope(code).filter((outer) => outer !== code)))];
  return { inScope, around };
}
