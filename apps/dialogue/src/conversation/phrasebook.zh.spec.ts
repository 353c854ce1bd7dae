import { simulateDeductions } from '../calculators/policy-simulation';
import { extractSlots } from '../nlu/slots/extract-slots';
import { taxSavingText } from './tax-answers.zh';
import { simulationFacts, taxFactsFrom } from './tax-facts-from-slots';

const answer = (text: string) => {
  const facts = taxFactsFrom(extractSlots(text));
  if (facts.monthlyIncome === undefined) throw new Error('no income read');
  return taxSavingText(
    simulateDeductions(simulationFacts({ ...facts, monthlyIncome: facts.monthlyIncome }, 2026)),
    facts,
  );
};

describe('the tax saving, as the citizen reads it', () => {
  it('answers the seed article example with the 2023 standard: 2,000 a month, 2,400 a year', () => {
    const text = answer('月收入1.5万，一个孩子上小学，每年能少缴多少个税？');
    expect(text).toContain('· 子女教育：每月 2,000 元，全年 24,000 元，可少缴个税 2,400 元');
    expect(text).toContain('合计：全年可少缴个人所得税 2,400 元（不扣除时全年个税 9,480 元，扣除后 7,080 元）');
    expect(text).toContain('月收入 15000 元为税前工资');
    expect(text).toContain('国发〔2023〕13号');
  });

  it('adds elderly support with the assumption it makes', () => {
    const text = answer('我月薪2万，父母都70多岁了，我有个弟弟');
    expect(text).toContain('· 赡养老人：每月 1,500 元');
    expect(text).toContain('赡养老人按非独生子女、每月分摊1,500元计算');
  });

  it('says so when nothing can be deducted', () => {
    expect(answer('月收入8000元能少交多少税')).toContain('暂时没有可以享受的专项附加扣除');
  });

  it('keeps what earlier turns said when a later one adds the income', () => {
    const earlier = taxFactsFrom(extractSlots('我有两个孩子，一个上初中一个2岁'));
    const merged = taxFactsFrom(extractSlots('月收入1万2'), earlier);
    expect(merged).toMatchObject({ monthlyIncome: 12000, children: ['school', 'infant'] });
    expect(taxFactsFrom(extractSlots('一个孩子3岁上幼儿园')).children).toEqual(['preschool']);
  });
});
