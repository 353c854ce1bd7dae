import { randomUUID } from 'node:crypto';
import { TicketCreatedV1 } from '@libs/common/contracts/ticket-events.v1';
import { simulateDeductions } from '../calculators/policy-simulation';
import { extractSlots } from '../nlu/slots/extract-slots';
import { simulationFacts, taxFactsFrom } from '../tax/tax-facts-from-slots';
import { zh, zhElder } from './phrasebook.zh';

const answer = (text: string) => {
  const facts = taxFactsFrom(extractSlots(text));
  if (facts.monthlyIncome === undefined) throw new Error('no income read');
  return zh.taxSaving(
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
});

const ticket: TicketCreatedV1 = {
  ticketNo: 'GD20261126000001',
  conversationId: randomUUID(),
  channel: 'webchat',
  sourceMessageId: randomUUID(),
  lang: 'zh',
  category: '城乡建设',
  regionCode: '440106',
  departmentCode: '440106-zjj',
  departmentName: '天河区住房和建设局',
  acceptedAt: '2026-11-26T02:00:00.000Z',
  workingDays: 5,
  dueAt: '2026-12-03T15:59:59.999Z',
};

describe('telling the citizen where the complaint went', () => {
  it('names the department, the ticket number and the deadline in working days with its date in Beijing', () => {
    expect(zh.ticketCreated(ticket)).toBe(
      '您反映的问题已转交天河区住房和建设局办理，工单号：GD20261126000001。\n' +
        '承办单位将在5个工作日内（2026年12月3日前）办结并答复您。请记下工单号，以便查询办理进展。',
    );
  });

  it('gives the working days without a date when the holiday schedule is not yet published', () => {
    expect(zh.ticketCreated({ ...ticket, dueAt: null })).toContain('承办单位将在5个工作日内办结并答复您');
  });
});

describe('elder mode', () => {
  it('keeps to short sentences, numbered choices and the essentials', () => {
    expect(zhElder.greeting).toContain('1. 我要投诉\n2. 问政策\n3. 问办事\n4. 找人工');
    expect(zhElder.menuChoices).toEqual(['我要投诉', '问政策', '问办事', '找人工']);
    expect(zhElder.ticketCreated(ticket)).toBe(
      '您反映的问题已交给天河区住房和建设局办理。\n工单号：GD20261126000001\n5个工作日内（2026年12月3日前）给您答复。',
    );
  });
});
