import { z } from 'zod';
import { AnnualRequest, BonusRequest, SimulationRequest, WithholdingRequest } from './iit-requests';

function messagesOf(schema: z.ZodType, body: unknown): string[] {
  const result = schema.safeParse(body);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('calculator request bodies', () => {
  it('reads yuan into cents and fills the optional deductions with zero', () => {
    expect(WithholdingRequest.parse({ monthlyIncome: 10000.55, months: 12, specialDeduction: 1500 })).toEqual({
      monthlyIncome: 1000055,
      months: 12,
      specialDeduction: 150000,
      specialAdditionalDeduction: 0,
      otherDeduction: 0,
    });
  });

  it.each([
    ['a negative amount', { monthlyIncome: -1, months: 1 }, 'monthlyIncome: 不能为负数'],
    ['an amount as a string', { monthlyIncome: '10000', months: 1 }, 'monthlyIncome: 必须是数字（单位：元）'],
    ['a third decimal', { monthlyIncome: 100.001, months: 1 }, 'monthlyIncome: 最多保留两位小数（到分）'],
    ['an absurd amount', { monthlyIncome: 1e12, months: 1 }, 'monthlyIncome: 不能超过 10 亿元'],
    ['a missing amount', { months: 1 }, 'monthlyIncome: 必须填写（单位：元）'],
    ['month 0', { monthlyIncome: 1, months: 0 }, 'months: 必须是 1 到 12 之间的整数'],
    ['month 13', { monthlyIncome: 1, months: 13 }, 'months: 必须是 1 到 12 之间的整数'],
    ['half a month', { monthlyIncome: 1, months: 1.5 }, 'months: 必须是 1 到 12 之间的整数'],
    ['a misspelt field', { monthlyIncome: 1, months: 1, specialdeduction: 5 }, ': 不认识的字段：specialdeduction'],
    ['a body that is not an object', [1, 2], ': 请求体必须是 JSON 对象'],
  ])('refuses %s with a message naming the field', (_case, body, message) => {
    expect(messagesOf(WithholdingRequest, body)).toContain(message);
  });

  it('checks the other endpoints the same way', () => {
    expect(messagesOf(BonusRequest, { bonus: -5 })).toEqual(['bonus: 不能为负数']);
    expect(messagesOf(BonusRequest, { bonus: 5, taxYear: 2018 })).toEqual([
      'taxYear: 现行综合所得计税办法自2019年起实施，年度不能早于2019年',
    ]);
    expect(messagesOf(AnnualRequest, { annualTaxableIncome: null })).toEqual([
      'annualTaxableIncome: 必须是数字（单位：元）',
    ]);
  });

  it('reads family facts for the simulation, with readable refusals inside them', () => {
    const parsed = SimulationRequest.parse({
      monthlyIncome: 15000,
      children: [{ stage: 'school' }],
      parentsAged60OrOver: { isOnlyChild: false, monthlyShare: 1000 },
    });
    expect(parsed.children).toEqual([{ stage: 'school', sharePercent: 100 }]);
    expect(parsed.parentsAged60OrOver).toEqual({ isOnlyChild: false, monthlyShare: 100000 });
    expect(messagesOf(SimulationRequest, { monthlyIncome: 1, children: [{ stage: 'college' }] })[0]).toMatch(
      /^children\.0\.stage: 必须是 infant/,
    );
    expect(
      messagesOf(SimulationRequest, { monthlyIncome: 1, children: [{ stage: 'school', sharePercent: 30 }] }),
    ).toEqual(['children.0.sharePercent: 必须是 100（一方全额扣除）或 50（双方各扣一半）']);
    expect(messagesOf(SimulationRequest, { monthlyIncome: 1, housing: { rentCityTier: 'beijing' } })[0]).toMatch(
      /^housing\.rentCityTier: 必须是 municipalityOrCapital/,
    );
    expect(messagesOf(SimulationRequest, { monthlyIncome: 1, housing: 'rent' })).toEqual(['housing: 必须是 JSON 对象']);
  });
});
