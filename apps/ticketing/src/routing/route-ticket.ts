import { regionContains, regionLevel } from '@libs/common/regions/region-code';

/** A routing rule: tickets of this category from within this region go to this department. */
export interface RoutingRule {
  category: string;
  regionCode: string;
  departmentCode: string;
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
