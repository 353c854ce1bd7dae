import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkEligibility } from '../../apps/dialogue/src/eligibility/check-eligibility';
import { EligibilityRuleSet } from '../../apps/dialogue/src/eligibility/eligibility-rules';

const dir = join(__dirname, '..', '..', 'demo', 'eligibility');
const files = readdirSync(dir).filter((name) => name.endsWith('.yaml'));

describe('the demo eligibility rule sets', () => {
  it.each(files)('%s matches the format and names an existing knowledge item', (name) => {
    const parsed = EligibilityRuleSet.safeParse(parse(readFileSync(join(dir, name), 'utf8')));
    if (!parsed.success) throw new Error(parsed.error.message);
    expect(`${parsed.data.id}.yaml`).toBe(name);
    if (parsed.data.knowledgeItemId) {
      expect(readdirSync(join(dir, '..', 'knowledge'))).toContain(`${parsed.data.knowledgeItemId}.yaml`);
    }
  });

  it('Guangzhou public rental housing: never says "eligible" on thresholds we could not confirm', () => {
    const rules = EligibilityRuleSet.parse(
      parse(readFileSync(join(dir, 'public-rental-housing-guangzhou.yaml'), 'utf8')),
    );
    expect(checkEligibility(rules, { household: '本地户籍', ownsHome: false, incomePerPerson: 2000 }).status).toBe(
      'check_published',
    );
    expect(checkEligibility(rules, { household: '本地户籍', ownsHome: true, incomePerPerson: 2000 }).status).toBe(
      'not_eligible',
    );
  });
});
