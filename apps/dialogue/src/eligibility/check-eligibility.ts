import { Condition, EligibilityRuleSet, Facts, FactValue } from './eligibility-rules';

export type ConditionResult =
  | { condition: Condition; outcome: 'met' | 'not_met'; value: FactValue }
  /** The authority publishes the threshold each year and we have not confirmed this year's figure. */
  | { condition: Condition; outcome: 'compare_with_published'; value: FactValue };

export type EligibilityVerdict =
  | { status: 'needs_facts'; missing: string[] }
  | { status: 'no_channel' }
  | { status: 'eligible' | 'not_eligible' | 'check_published'; channel: string; results: ConditionResult[] };

/**
 * Decides, from the facts known so far, either which fact to ask for next (only those the citizen's channel needs),
 * or the verdict with the reason for each condition. Pure: the conversation asks, this decides.
 */
export function checkEligibility(rules: EligibilityRuleSet, facts: Facts): EligibilityVerdict {
  const undecidedWhen = rules.channels
    .flatMap((channel) => channel.when)
    .find((condition) => !(condition.fact in facts));
  const channel = rules.channels.find((candidate) =>
    candidate.when.every((condition) => test(condition, facts[condition.fact]) === 'met'),
  );
  if (!channel)
    return undecidedWhen ? { status: 'needs_facts', missing: [undecidedWhen.fact] } : { status: 'no_channel' };
  const missing = [...new Set(channel.conditions.map((condition) => condition.fact))].filter(
    (fact) => !(fact in facts),
  );
  if (missing.length > 0) return { status: 'needs_facts', missing };
  const results = channel.conditions.map((condition): ConditionResult => {
    const value = facts[condition.fact];
    return { condition, outcome: test(condition, value), value };
  });
  const status = results.some((result) => result.outcome === 'not_met')
    ? 'not_eligible'
    : results.some((result) => result.outcome === 'compare_with_published')
      ? 'check_published'
      : 'eligible';
  return { status, channel: channel.name, results };
}

function test(condition: Condition, value: FactValue | undefined): ConditionResult['outcome'] {
  if (value === undefined) return 'not_met';
  if (condition.equals !== undefined) return value === condition.equals ? 'met' : 'not_met';
  if (condition.atLeast === null || condition.atMost === null || condition.below === null)
    return 'compare_with_published';
  if (typeof value !== 'number') return 'not_met';
  if (condition.atLeast !== undefined && value < condition.atLeast) return 'not_met';
  if (condition.atMost !== undefined && value > condition.atMost) return 'not_met';
  if (condition.below !== undefined && value >= condition.below) return 'not_met';
  return 'met';
}
