import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describeIssues } from '@libs/common/kafka/contract-violation';
import { EligibilityRuleSet } from './eligibility-rules';

/** The eligibility rule sets this deployment checks, read at start from ELIGIBILITY_RULES_DIR (*.yaml). */
export class EligibilityRuleSets {
  private constructor(private readonly rules: EligibilityRuleSet[]) {}

  static load(dir: string): EligibilityRuleSets {
    const rules = readdirSync(dir)
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => {
        const parsed = EligibilityRuleSet.safeParse(parse(readFileSync(join(dir, name), 'utf8')));
        if (!parsed.success) throw new Error(`${name}: ${describeIssues(parsed.error)}`);
        return parsed.data;
      });
    return new EligibilityRuleSets(rules);
  }

  byId(id: string): EligibilityRuleSet | undefined {
    return this.rules.find((rules) => rules.id === id);
  }

  /** The rule set that checks the scheme a knowledge item explains. */
  forKnowledgeItem(itemId: string): EligibilityRuleSet | undefined {
    return this.rules.find((rules) => rules.knowledgeItemId === itemId);
  }

  get all(): readonly EligibilityRuleSet[] {
    return this.rules;
  }
}
