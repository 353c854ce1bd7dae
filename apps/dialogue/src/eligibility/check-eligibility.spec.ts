import { checkEligibility } from './check-eligibility';
import { EligibilityRuleSet } from './eligibility-rules';

/** The example rule of the project's seed article: 非本地户籍需缴纳社保满3年，家庭人均月收入低于5000元. */
const rules = EligibilityRuleSet.parse({
  id: 'example-public-rental-housing',
  title: '示例区公租房',
  scope: ['440106'],
  effectiveFrom: '2026-01-01',
  sourceUrl: 'https://example.gov.cn/rules',
  facts: {
    household: { type: 'choice', question: '您是本市户籍吗？', options: ['本地户籍', '非本地户籍'] },
    ownsHome: { type: 'yes_no', question: '您家在本市有自有住房吗？' },
    insuranceYears: { type: 'number', question: '社保交了几年？', unit: '年', max: 60 },
    incomePerPerson: { type: 'number', question: '家庭人均月收入多少元？', unit: '元', max: 1_000_000 },
  },
  channels: [
    {
      name: '本市户籍家庭',
      when: [{ fact: 'household', equals: '本地户籍', label: '本市户籍' }],
      conditions: [
        { fact: 'ownsHome', equals: false, label: '在本市无自有住房' },
        {
          fact: 'incomePerPerson',
          below: null,
          label: '家庭人均月收入低于当年收入线',
          unpublishedNote: '以当年公布为准',
        },
      ],
    },
    {
      name: '非本市户籍人员',
      when: [{ fact: 'household', equals: '非本地户籍', label: '非本市户籍' }],
      conditions: [
        { fact: 'ownsHome', equals: false, label: '在本市无自有住房' },
        { fact: 'insuranceYears', atLeast: 3, label: '缴纳社保满3年' },
        { fact: 'incomePerPerson', below: 5000, label: '家庭人均月收入低于5000元' },
      ],
    },
  ],
});

describe('checking eligibility', () => {
  it('asks first which channel applies, then only the facts that channel needs', () => {
    expect(checkEligibility(rules, {})).toEqual({ status: 'needs_facts', missing: ['household'] });
    expect(checkEligibility(rules, { household: '本地户籍' })).toEqual({
      status: 'needs_facts',
      missing: ['ownsHome', 'incomePerPerson'],
    });
    expect(checkEligibility(rules, { household: '非本地户籍', ownsHome: false })).toEqual({
      status: 'needs_facts',
      missing: ['insuranceYears', 'incomePerPerson'],
    });
  });

  it('qualifies exactly at the boundary of "满3年" and not at "5000元" when the rule says 低于5000元', () => {
    const at = (insuranceYears: number, incomePerPerson: number) =>
      checkEligibility(rules, { household: '非本地户籍', ownsHome: false, insuranceYears, incomePerPerson });
    expect(at(3, 4999.99).status).toBe('eligible');
    expect(at(2.9, 4000).status).toBe('not_eligible');
    expect(at(3, 5000).status).toBe('not_eligible');
  });

  it('gives the reason for each condition, met or not', () => {
    const verdict = checkEligibility(rules, {
      household: '非本地户籍',
      ownsHome: true,
      insuranceYears: 5,
      incomePerPerson: 6000,
    });
    if (verdict.status !== 'not_eligible') throw new Error(`unexpected ${verdict.status}`);
    expect(verdict.channel).toBe('非本市户籍人员');
    expect(verdict.results.map((result) => [result.condition.label, result.outcome])).toEqual([
      ['在本市无自有住房', 'not_met'],
      ['缴纳社保满3年', 'met'],
      ['家庭人均月收入低于5000元', 'not_met'],
    ]);
  });

  it('stops asking once a condition has failed', () => {
    const verdict = checkEligibility(rules, { household: '非本地户籍', ownsHome: true });
    expect(verdict).toMatchObject({ status: 'not_eligible', results: [{ outcome: 'not_met' }] });
  });

  it('does not decide on a threshold the authority publishes and we have not confirmed', () => {
    const verdict = checkEligibility(rules, { household: '本地户籍', ownsHome: false, incomePerPerson: 3000 });
    expect(verdict.status).toBe('check_published');
    const owner = checkEligibility(rules, { household: '本地户籍', ownsHome: true, incomePerPerson: 3000 });
    expect(owner.status).toBe('not_eligible');
  });

  it('refuses a rule set whose conditions name unknown facts', () => {
    const broken = {
      ...rules,
      channels: [{ name: 'x', when: [], conditions: [{ fact: 'age', label: '年满18岁', atLeast: 18 }] }],
    };
    expect(EligibilityRuleSet.safeParse(broken).success).toBe(false);
  });
});
