import { EligibilityVerdict } from './check-eligibility';
import { EligibilityRuleSet, Fact } from './eligibility-rules';

/** The question for a fact, with its choices when it has them. */
export function askFor(fact: Fact): { text: string; quickReplies?: string[] } {
  if (fact.type === 'choice') return { text: fact.question, quickReplies: fact.options };
  if (fact.type === 'yes_no') return { text: fact.question, quickReplies: ['有', '没有'] };
  return { text: fact.question };
}

export const FORM_STARTED = (title: string) =>
  `好的，我来帮您自查「${title}」的申请资格。只问几个问题，您随时可以回复“取消”结束。`;

export const ANSWER_NOT_READ = '抱歉，我没能看懂这个回答。';

export const FORM_CANCELLED = '好的，已结束资格自查。您可以继续向我提问。';

/**
 * The verdict with the reason for each condition. Only a confirmed threshold gives "符合" or "不符合"; a threshold
 * published yearly that we have not confirmed is handed back to the citizen to compare, and the verdict says so.
 */
export function verdictText(
  rules: EligibilityRuleSet,
  verdict: Exclude<EligibilityVerdict, { status: 'needs_facts' }>,
) {
  if (verdict.status === 'no_channel') {
    return `根据您提供的情况，暂不属于「${rules.title}」的申请对象。如有疑问，可拨打 12345 咨询。`;
  }
  const lines = [`根据您提供的情况，按「${verdict.channel}」渠道逐项对照：`];
  for (const result of verdict.results) {
    const given = typeof result.value === 'boolean' ? (result.value ? '有' : '没有') : String(result.value);
    const condition = result.condition;
    if (result.outcome === 'met') lines.push(`✓ ${condition.label}：符合`);
    else if (result.outcome === 'not_met') lines.push(`✗ ${condition.label}：不符合（您的情况：${given}）`);
    else
      lines.push(`? ${condition.label}：您的情况为 ${given}，${condition.unpublishedNote ?? '请对照当年公布的标准'}`);
  }
  lines.push(
    verdict.status === 'eligible'
      ? '结论：您符合以上各项条件，可以提出申请。'
      : verdict.status === 'not_eligible'
        ? '结论：按目前的条件，您暂不符合申请条件（见标 ✗ 的项目）。'
        : '结论：已核对的条件您都符合；标 ? 的项目请对照当年公布的标准，符合即可申请。',
  );
  lines.push(`此为自查结果，以受理部门审核为准。来源：${rules.sourceUrl}`);
  return lines.join('\n');
}
