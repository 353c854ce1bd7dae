/** A routing rule: tickets of this category from within this region go to this department. */
export interface RoutingRule {
  category: string;
  regionCode: string;
  departmentCode: string;
}

/**
 * 行政区划 codes are hierarchical: 440000 province ⊃ 440100 city ⊃ 440106 district.
 * Returns how specific a code is (1 province, 2 city, 3 district) and whether `outer` contains `inner`.
 */
export function regionLevel(code: string): 1 | 2 | 3 {
  if (code.endsWith('0000')) return 1;
  if (code.endsWith('00')) return 2;
  return 3;
}

export function regionContains(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  const level = regionLevel(outer);
  if (level === 1) return inner.slice(0, 2) === outer.slice(0, 2);
  if (level === 2) return inner.slice(0, 4) === outer.slice(0, 4);
  return false;
}

/** The department for a ticket: the rule of its category with the most specific region containing it, else the desk. */
export function routeTicket(
  ticket: { category: string; regionCode: string },
  rules: RoutingRule[],
  defaultDeskCode: string,
): string {
  const matching = rules
    .filter((rule) => rule.category === ticket.category && regionContains(rule.regionCode, ticket.regionCode))
    .sort((a, b) => regionLevel(b.regionCode) - regionLevel(a.regionCode));
  return matching[0]?.departmentCode ?? defaultDeskCode;
}
