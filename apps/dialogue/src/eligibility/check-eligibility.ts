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
 * or the verdict with the reason for each condition — as soon as one condition fails, without asking the rest.
 * Pure: the conversation asks, this decides.
 */
export function checkEligibility(rules: EligibilityRuleSet, facts: Facts): EligibilityVerdict {
  const undecidedWhen = rules.channels
    .flatMap((channel) => channel.when)
    .find((condition) => !(condition.fact in facts));
  const channel = rules.channels.find((candidate) =>
    candidate.when.every((condition) => test(condition, facts[condition.fact]) === 'met'),
  );
  if (!channel) {
    return undecidedWhen ? { status: 'needs_facts', missing: [undecidedWhen.fact] } : { status: 'no_channel' };
  }
  const results = channel.conditions
    .filter((condition) => condition.fact in facts)
    .map((condition): ConditionResult => {
      const value = facts[condition.fact];
      return { condition, outcome: test(condition, value), value };
    });
  const hasFailed = results.some((result) => result.outcome === 'not_met');
  const missing = [...new Set(channel.conditions.map((condition) => condition.fact))].filter(
    (fact) => !(fact in facts),
  );
  // A condition already failed settles it: no need to ask the citizen anything more.
  if (missing.length > 0 && !hasFailed) return { status: 'needs_facts', missing };
  const status = hasFailed
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
