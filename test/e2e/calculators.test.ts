import { ErrorAnswer } from '../support/chat';
import { request } from '../support/http';
import { RunningSystem, startSystem } from '../support/running-system';

let system: RunningSystem;

beforeAll(async () => {
  system = await startSystem(['dialogue']);
});
afterAll(() => system?.stop());

interface WithholdingAnswer {
  months: Array<{ month: number; tax: number; cumulativeTaxable: number; ratePercent: number }>;
  total: number;
}
interface TaxAnswer {
  tax: number;
  ratePercent: number;
}
interface BonusAnswer extends TaxAnswer {
  afterTax: number;
  policy: { document: string; untilYear: number };
}
interface SimulationAnswer {
  taxYear: number;
  standards: { basis: string; effectiveFrom: string };
  deductions: Array<{
    item: string;
    name: string;
    monthlyAmount: number | null;
    yearlyAmount: number;
    yearlySaving: number;
  }>;
  total: { yearlyAmount: number; yearlySaving: number };
}

const calculate = <T>(path: string, json: unknown) =>
  request<T>('POST', system.url('dialogue', `/api/v1/calculators/iit/${path}`), { json });

describe('the 个人所得税 calculators over HTTP', () => {
  it('withholds month by month as in the tax authority example 例2 (公告2018年第61号 解读): 555, 625, 1,850', async () => {
    const answer = await calculate<WithholdingAnswer>('withholding', {
      monthlyIncome: 30000,
      months: 3,
      specialDeduction: 4500,
      specialAdditionalDeduction: 2000,
      otherDeduction: 0,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      months: [
        { month: 1, tax: 555, cumulativeTaxable: 18500, ratePercent: 3 },
        { month: 2, tax: 625, cumulativeTaxable: 37000, ratePercent: 10 },
        { month: 3, tax: 1850, cumulativeTaxable: 55500, ratePercent: 10 },
      ],
      total: 3030,
    });
  });

  it('withholds 75 yuan every month of 例1 and 900 over the year', async () => {
    const answer = await calculate<WithholdingAnswer>('withholding', {
      monthlyIncome: 10000,
      months: 12,
      specialDeduction: 1500,
      specialAdditionalDeduction: 1000,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.months).toHaveLength(12);
    expect(answer.body.months.every((month) => month.tax === 75)).toBe(true);
    expect(answer.body.total).toBe(900);
  });

  it('keeps cents exact: 10,000.33 a month withholds 150.01', async () => {
    const answer = await calculate<WithholdingAnswer>('withholding', { monthlyIncome: 10000.33, months: 2 });
    expect(answer.body.months.map((month) => month.tax)).toEqual([150.01, 150.01]);
  });

  it('taxes a 36,000 bonus on its own at 3% (1,080), and one more yuan at 10% less 210', async () => {
    const bonus = await calculate<BonusAnswer>('bonus', { bonus: 36000, taxYear: 2026 });
    expect(bonus.status).toBe(200);
    expect(bonus.body).toEqual({
      tax: 1080,
      ratePercent: 3,
      afterTax: 34920,
      policy: { document: '财政部 税务总局公告2023年第30号', untilYear: 2027 },
    });
    const past = await calculate<BonusAnswer>('bonus', { bonus: 36001, taxYear: 2026 });
    expect(past.body).toMatchObject({ tax: 3390.1, ratePercent: 10, afterTax: 32610.9 });
  });

  it('taxes a bonus for this year when no year is given', async () => {
    // Fails from 2028 unless a new notice extends separate taxation: then add it to annual-bonus.ts, with its number.
    const answer = await calculate<BonusAnswer>('bonus', { bonus: 36000 });
    expect(answer.status).toBe(200);
    expect(answer.body.tax).toBe(1080);
  });

  it('answers 422 with the reason for a bonus paid after separate taxation ends', async () => {
    const answer = await calculate<ErrorAnswer>('bonus', { bonus: 36000, taxYear: 2028 });
    expect(answer.status).toBe(422);
    expect(answer.body.message).toContain('2027年');
    expect(answer.body.message).toContain('并入当年综合所得');
  });

  it('says whether a bonus is cheaper taxed on its own or combined', async () => {
    const answer = await calculate<{ cheaper: string; saving: number; separate: { totalTax: number } }>(
      'bonus-comparison',
      { bonus: 36000, annualIncome: 120000, taxYear: 2026 },
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ cheaper: 'separate', saving: 2520, separate: { totalTax: 4560 } });
  });

  it('taxes an annual taxable income by the annual table', async () => {
    const answer = await calculate<TaxAnswer>('annual', { annualTaxableIncome: 222000 });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ tax: 27480, ratePercent: 20 });
    const nil = await calculate<TaxAnswer>('annual', { annualTaxableIncome: 0 });
    expect(nil.body).toEqual({ tax: 0, ratePercent: 0 });
  });

  it('simulates 月收入1.5万元、一个上小学的孩子: 2,000 a month, 2,400 a year under the 2023 standard', async () => {
    const answer = await calculate<SimulationAnswer>('simulation', {
      monthlyIncome: 15000,
      taxYear: 2026,
      children: [{ stage: 'school' }],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.standards.effectiveFrom).toBe('2023-01-01');
    expect(answer.body.deductions).toEqual([
      expect.objectContaining({
        item: 'childEducation',
        name: '子女教育',
        monthlyAmount: 2000,
        yearlyAmount: 24000,
        yearlySaving: 2400,
      }),
    ]);
    expect(answer.body.total).toEqual({ yearlyAmount: 24000, yearlySaving: 2400 });
  });

  it('simulates a whole family, one saving per deduction', async () => {
    const answer = await calculate<SimulationAnswer>('simulation', {
      monthlyIncome: 20000,
      monthlySpecialDeduction: 0,
      taxYear: 2026,
      children: [{ stage: 'school', sharePercent: 100 }],
      parentsAged60OrOver: { isOnlyChild: true },
      housing: { rentCityTier: 'municipalityOrCapital', hasFirstHomeLoan: true },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.deductions.map((deduction) => [deduction.item, deduction.yearlySaving])).toEqual([
      ['childEducation', 2400],
      ['elderlySupport', 3600],
      ['housingRent', 1800],
    ]);
    expect(answer.body.total.yearlySaving).toBe(11400);
  });
});

describe('bad input to the calculators', () => {
  const post = (path: string, body: string) =>
    request<ErrorAnswer>('POST', system.url('dialogue', `/api/v1/calculators/iit/${path}`), {
      body,
      headers: { 'content-type': 'application/json' },
    });

  it.each([
    ['invalid JSON', 'withholding', '{"monthlyIncome": 1', 400, '请求体不是合法的 JSON'],
    [
      'NaN, which JSON cannot carry',
      'withholding',
      '{"monthlyIncome": NaN, "months": 1}',
      400,
      '请求体不是合法的 JSON',
    ],
    ['a body that is not an object', 'annual', '[1, 2]', 400, '请求体必须是 JSON 对象'],
    ['a negative income', 'withholding', '{"monthlyIncome": -1, "months": 1}', 400, 'monthlyIncome: 不能为负数'],
    [
      'an income as a string',
      'withholding',
      '{"monthlyIncome": "10000", "months": 1}',
      400,
      'monthlyIncome: 必须是数字',
    ],
    ['a third decimal', 'withholding', '{"monthlyIncome": 10000.001, "months": 1}', 400, '最多保留两位小数'],
    ['an absurd income', 'withholding', '{"monthlyIncome": 1e15, "months": 1}', 400, '不能超过 10 亿元'],
    ['an overflowing number', 'annual', '{"annualTaxableIncome": 1e400}', 400, 'annualTaxableIncome: 必须是数字'],
    ['no income at all', 'withholding', '{"months": 1}', 400, 'monthlyIncome: 必须填写'],
    ['month 0', 'withholding', '{"monthlyIncome": 1, "months": 0}', 400, 'months: 必须是 1 到 12 之间的整数'],
    ['month 13', 'withholding', '{"monthlyIncome": 1, "months": 13}', 400, 'months: 必须是 1 到 12 之间的整数'],
    ['half a month', 'withholding', '{"monthlyIncome": 1, "months": 6.5}', 400, 'months: 必须是 1 到 12 之间的整数'],
    [
      'a negative deduction',
      'withholding',
      '{"monthlyIncome": 1, "months": 1, "specialDeduction": -5}',
      400,
      'specialDeduction: 不能为负数',
    ],
    [
      'a misspelt field',
      'withholding',
      '{"monthlyIncome": 1, "months": 1, "specialdeduction": 5}',
      400,
      '不认识的字段：specialdeduction',
    ],
    ['a negative bonus', 'bonus', '{"bonus": -36000}', 400, 'bonus: 不能为负数'],
    ['a bonus year before 2019', 'bonus', '{"bonus": 1, "taxYear": 2018}', 400, 'taxYear: '],
    [
      'an unknown child stage',
      'simulation',
      '{"monthlyIncome": 1, "children": [{"stage": "college"}]}',
      400,
      'children.0.stage: 必须是',
    ],
    [
      'a sibling share above 1,500',
      'simulation',
      '{"monthlyIncome": 15000, "taxYear": 2026, "parentsAged60OrOver": {"isOnlyChild": false, "monthlyShare": 2000}}',
      400,
      '每人每月不能超过 1500 元',
    ],
    [
      '婴幼儿照护 before it existed',
      'simulation',
      '{"monthlyIncome": 15000, "taxYear": 2021, "children": [{"stage": "infant"}]}',
      422,
      '2022年1月1日起实施',
    ],
  ])('refuses %s with a readable message and no stack trace', async (_case, path, body, status, message) => {
    const answer = await post(path, body);
    expect(answer.status).toBe(status);
    expect(answer.body.message).toContain(message);
    expect(answer.body.traceId).toMatch(/^[\w-]{8,64}$/);
    expect(answer.text).not.toMatch(/\bat \w+.*\.(js|ts):\d+/);
  });
});
