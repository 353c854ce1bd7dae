import { checkEligibility } from './check-eligibility';
import { verdictText } from './eligibility-answers.zh';
import { EligibilityRuleSet } from './eligibility-rules';

const rules = EligibilityRuleSet.parse({
  id: 'example',
  title: '示例区公租房',
  scope: ['440106'],
  effectiveFrom: '2026-01-01',
  sourceUrl: 'https://example.gov.cn/rules',
  facts: {
    ownsHome: { type: 'yes_no', question: '有房吗？' },
    years: { type: 'number', question: '几年？', unit: '年', max: 60 },
    income: { type: 'number', question: '多少元？', unit: '元', max: 1_000_000 },
  },
  channels: [
    {
      name: '非本市户籍人员',
      conditions: [
        { fact: 'ownsHome', equals: false, label: '在本市无自有住房' },
        { fact: 'years', atLeast: 3, label: '缴纳社保满3年' },
        { fact: 'income', atMost: null, label: '收入不超过当年标准', unpublishedNote: '以当年公布为准' },
      ],
    },
  ],
});

describe('telling the citizen the verdict', () => {
  it('gives each condition its reason, and never a yes on an unconfirmed threshold', () => {
    const verdict = checkEligibility(rules, { ownsHome: false, years: 5, income: 3000 });
    if (verdict.status === 'needs_facts') throw new Error('facts missing');
    expect(verdictText(rules, verdict)).toBe(
      [
        '根据您提供的情况，按「非本市户籍人员」渠道逐项对照：',
        '✓ 在本市无自有住房：符合',
        '✓ 缴纳社保满3年：符合',
        '? 收入不超过当年标准：您的情况为 3000，以当年公布为准',
        '结论：已核对的条件您都符合；标 ? 的项目请对照当年公布的标准，符合即可申请。',
        '此为自查结果，以受理部门审核为准。来源：https://example.gov.cn/rules',
      ].join('\n'),
    );
  });

  it('says what is not met and with what', () => {
    const verdict = checkEligibility(rules, { ownsHome: true, years: 2, income: 3000 });
    if (verdict.status === 'needs_facts') throw new Error('facts missing');
    const text = verdictText(rules, verdict);
    expect(text).toContain('✗ 在本市无自有住房：不符合（您的情况：有）');
    expect(text).toContain('✗ 缴纳社保满3年：不符合（您的情况：2）');
    expect(text).toContain('结论：按目前的条件，您暂不符合申请条件');
  });
});
