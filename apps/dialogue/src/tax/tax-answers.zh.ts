import { formatYuan } from '../calculators/money';
import { Simulation } from '../calculators/policy-simulation';
import { TaxFacts } from './tax-facts-from-slots';

export const ASK_MONTHLY_INCOME = '好的，我帮您算一算。请问您每月税前工资大约多少元？（例如：15000）';

export const INCOME_NOT_READ =
  '抱歉，我没能看懂这个金额。请直接回复每月税前工资的数字，例如 15000；如不想继续，回复“取消”。';

/**
 * The simulation as the citizen reads it: each deduction and what it saves a year, the total, then the basis and
 * every assumption made where they said nothing, and where the real figure comes from.
 */
export function taxSavingText(simulation: Simulation, facts: TaxFacts): string {
  const lines: string[] = [];
  if (simulation.deductions.length === 0) {
    lines.push(
      `按您说的情况（月收入 ${formatYuan(simulation.annualIncome / 12)} 元），暂时没有可以享受的专项附加扣除。`,
      '如果您有子女上学、赡养60岁以上父母、租房或还首套房贷、继续教育等情况，告诉我，我再帮您算。',
    );
  } else {
    lines.push(`按${simulation.standards.basis}的标准测算：`);
    for (const deduction of simulation.deductions) {
      const monthly = deduction.monthlyAmount === null ? '' : `每月 ${formatYuan(deduction.monthlyAmount)} 元，`;
      lines.push(
        `· ${deduction.name}：${monthly}全年 ${formatYuan(deduction.yearlyAmount)} 元，可少缴个税 ${formatYuan(deduction.yearlySaving)} 元`,
      );
    }
    lines.push(
      `合计：全年可少缴个人所得税 ${formatYuan(simulation.total.yearlySaving)} 元` +
        `（不扣除时全年个税 ${formatYuan(simulation.taxWithoutDeductions.tax)} 元，扣除后 ${formatYuan(simulation.taxWithDeductions.tax)} 元）。`,
    );
  }
  lines.push('', `测算假设：${assumptions(facts).join('；')}。`, '实际金额以个人所得税App填报和年度汇算为准。');
  return lines.join('\n');
}

function assumptions(facts: TaxFacts): string[] {
  return [
    `月收入 ${facts.monthlyIncome} 元为税前工资，全年每月相同`,
    '未扣除三险一金（告诉我每月缴纳多少，可以算得更准）',
    ...(facts.children.length > 0 ? ['子女扣除由您一方按100%扣除'] : []),
    ...(facts.parentsOver60 && !facts.isOnlyChild ? ['赡养老人按非独生子女、每月分摊1,500元计算'] : []),
    ...(facts.monthlyRent !== undefined ? ['租房在广州，按省会城市标准每月1,500元计算'] : []),
  ];
}
