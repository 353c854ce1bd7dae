import { z } from 'zod';

/**
 * Eligibility rule sets as data (demo/eligibility/*.yaml): the facts to ask for, and the ways ("channels") a citizen
 * can qualify, each a list of conditions on those facts. A threshold the authority publishes each year and that we
 * have not confirmed is written as `null` with a note: the answer then tells the citizen to compare with the
 * published figure, rather than decide on a guessed one.
 */
const Text = z.string().trim().min(1);

const Fact = z.discriminatedUnion('type', [
  z.object({ type: z.literal('choice'), question: Text, options: z.array(Text).min(2) }),
  z.object({ type: z.literal('yes_no'), question: Text }),
  z.object({ type: z.literal('number'), question: Text, unit: Text, min: z.number().default(0), max: z.number() }),
]);
export type Fact = z.infer<typeof Fact>;

const Condition = z.object({
  fact: Text,
  /** What the condition means, as the citizen is told it: 在广州无自有住房. */
  label: Text,
  equals: z.union([z.string(), z.boolean()]).optional(),
  atLeast: z.number().nullable().optional(),
  atMost: z.number().nullable().optional(),
  /** Strictly less: 低于5000元. */
  below: z.number().nullable().optional(),
  /** For a threshold left null: where the citizen finds the figure. */
  unpublishedNote: Text.optional(),
});
export type Condition = z.infer<typeof Condition>;

export const EligibilityRuleSet = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{3,64}$/),
    title: Text,
    /** The knowledge item that explains the scheme: the answer cites it. */
    knowledgeItemId: z.string().optional(),
    scope: z.array(z.string().regex(/^\d{6}$/)).min(1),
    effectiveFrom: z.iso.date(),
    effectiveUntil: z.iso.date().optional(),
    sourceUrl: z.url(),
    facts: z.record(z.string(), Fact),
    channels: z
      .array(
        z.object({
          name: Text,
          /** Which citizens this channel is for: conditions that pick the channel rather than test eligibility. */
          when: z.array(Condition).default([]),
          conditions: z.array(Condition).min(1),
        }),
      )
      .min(1),
  })
  .refine(
    (rules) =>
      rules.channels.every((channel) =>
        [...channel.when, ...channel.conditions].every((condition) => condition.fact in rules.facts),
      ),
    'every condition must name one of the facts',
  );
export type EligibilityRuleSet = z.infer<typeof EligibilityRuleSet>;

export type FactValue = string | boolean | number;
export type Facts = Record<string, FactValue>;
