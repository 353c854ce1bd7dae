import { z } from 'zod';
import { yuanToCents } from '../calculators/money';
import { SimulationFacts } from '../calculators/policy-simulation';
import { ChildStage } from '../calculators/special-additional-deductions';
import { ChildStage as StatedStage, Slots } from '../nlu/slots/slots';

/** What a citizen said that the tax simulation can use; monthly income is what it cannot do without. */
export const TaxFacts = z.object({
  monthlyIncome: z.number().nonnegative().optional(),
  children: z.array(z.enum(['infant', 'preschool', 'school'])).default([]),
  parentsOver60: z.boolean().optional(),
  isOnlyChild: z.boolean().optional(),
  monthlyRent: z.number().nonnegative().optional(),
});
export type TaxFacts = z.infer<typeof TaxFacts>;

/** Merges what this message says into what earlier turns said. */
export function taxFactsFrom(slots: Slots, earlier: TaxFacts = { children: [] }): TaxFacts {
  const amounts = slots.amounts;
  const monthlyIncome =
    amounts?.monthlyIncome ?? (amounts?.annualIncome !== undefined ? amounts.annualIncome / 12 : undefined);
  // Stages said (上初中) first, ages said (一个2岁) for the children after them; a child with neither is taken to be
  // in school. 一个孩子3岁上幼儿园 is one child: the count, when said, decides how many.
  const stages = (slots.children?.stages ?? []).map(deductionStage);
  const ages = (slots.children?.ages ?? []).map(stageAtAge);
  const count = slots.children?.count ?? Math.max(stages.length, ages.length);
  const children: ChildStage[] = Array.from(
    { length: count },
    (_, index) => stages[index] ?? ages[index - stages.length] ?? 'school',
  );
  return {
    monthlyIncome: monthlyIncome ?? earlier.monthlyIncome,
    children: children.length > 0 ? children : earlier.children,
    parentsOver60: slots.parentsOver60 ?? earlier.parentsOver60,
    isOnlyChild: slots.isOnlyChild ?? earlier.isOnlyChild,
    monthlyRent: amounts?.monthlyRent ?? earlier.monthlyRent,
  };
}

/** Stages the deductions tell apart: under 3 (婴幼儿照护), 3 until school, and in school (子女教育, 小学 to 博士). */
function deductionStage(stage: StatedStage): ChildStage {
  if (stage === 'infant' || stage === 'preschool') return stage;
  return 'school';
}

function stageAtAge(age: number): ChildStage {
  if (age < 3) return 'infant';
  return age < 6 ? 'preschool' : 'school';
}

/**
 * The simulation's facts, with the assumptions it makes where the citizen said nothing (stated in the answer):
 * pay before tax, no 三险一金, one parent taking a child's deduction in full, a non-only child's 1,500 share of
 * 赡养老人, rent in Guangzhou (a provincial capital).
 */
export function simulationFacts(facts: TaxFacts & { monthlyIncome: number }, taxYear: number): SimulationFacts {
  return {
    taxYear,
    monthlyIncome: yuanToCents(Math.round(facts.monthlyIncome * 100) / 100),
    monthlySpecialDeduction: 0,
    monthlyOtherDeduction: 0,
    children: facts.children.map((stage) => ({ stage, sharePercent: 100 })),
    ...(facts.parentsOver60 ? { parents: { isOnlyChild: facts.isOnlyChild ?? false } } : {}),
    ...(facts.monthlyRent !== undefined ? { housing: { rentCityTier: 'municipalityOrCapital' } } : {}),
  };
}
