import { z } from 'zod';
import { hasAtMostTwoDecimals, MAX_AMOUNT_YUAN, yuanToCents } from './money';

/**
 * The bodies of the 个人所得税 calculator endpoints. Amounts arrive in yuan as JSON numbers with at most two decimals
 * and leave the schema as exact cents. Strings ("10000"), negatives, a third decimal, non-finite or absurd values,
 * and unknown fields are refused with a message naming the field: a misspelt optional field silently ignored would
 * give a wrong answer that looks right.
 */

const amountInYuan = () =>
  z
    .number({
      error: (issue) => (issue.input === undefined ? '必须填写（单位：元）' : '必须是数字（单位：元）'),
    })
    .min(0, '不能为负数')
    .max(MAX_AMOUNT_YUAN, `不能超过 ${MAX_AMOUNT_YUAN / 100_000_000} 亿元`)
    .refine(hasAtMostTwoDecimals, '最多保留两位小数（到分）')
    .transform(yuanToCents);

const optionalAmountInYuan = () => amountInYuan().default(0);

const flag = () => z.boolean({ error: '必须是 true 或 false' });

const sharePercent = () =>
  z.literal([100, 50], { error: '必须是 100（一方全额扣除）或 50（双方各扣一半）' }).default(100);

const taxYear = z
  .number({ error: '必须是年份数字，如 2026' })
  .int('必须是年份数字，如 2026')
  .min(2019, '现行综合所得计税办法自2019年起实施，年度不能早于2019年')
  .max(2100, '年度不合理')
  .optional();

/** `what` names the object only at the top, where the field path is empty. */
function strictObject<Shape extends z.ZodRawShape>(shape: Shape, what = '') {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `不认识的字段：${issue.keys.join('、')}` : `${what}必须是 JSON 对象`,
  });
}

export const WithholdingRequest = strictObject(
  {
    /** 每月工资薪金收入（税前） */
    monthlyIncome: amountInYuan(),
    /** How many months from January to compute. */
    months: z
      .number({ error: (issue) => (issue.input === undefined ? '必须填写' : '必须是 1 到 12 之间的整数') })
      .int('必须是 1 到 12 之间的整数')
      .min(1, '必须是 1 到 12 之间的整数')
      .max(12, '必须是 1 到 12 之间的整数'),
    /** 每月专项扣除（三险一金个人缴付部分） */
    specialDeduction: optionalAmountInYuan(),
    /** 每月专项附加扣除合计 */
    specialAdditionalDeduction: optionalAmountInYuan(),
    /** 每月依法确定的其他扣除 */
    otherDeduction: optionalAmountInYuan(),
  },
  '请求体',
);
export type WithholdingRequest = z.output<typeof WithholdingRequest>;

export const BonusRequest = strictObject({ bonus: amountInYuan(), taxYear }, '请求体');
export type BonusRequest = z.output<typeof BonusRequest>;

export const BonusComparisonRequest = strictObject(
  {
    bonus: amountInYuan(),
    /** 全年综合所得收入额，不含这笔奖金 */
    annualIncome: amountInYuan(),
    annualSpecialDeduction: optionalAmountInYuan(),
    annualSpecialAdditionalDeduction: optionalAmountInYuan(),
    annualOtherDeduction: optionalAmountInYuan(),
    taxYear,
  },
  '请求体',
);
export type BonusComparisonRequest = z.output<typeof BonusComparisonRequest>;

export const AnnualRequest = strictObject({ annualTaxableIncome: amountInYuan() }, '请求体');
export type AnnualRequest = z.output<typeof AnnualRequest>;

/**
 * 政策模拟 body:
 *   monthlyIncome                 每月税前工资（元，必填）
 *   monthlySpecialDeduction       每月三险一金个人缴付（元，默认 0）
 *   monthlyOtherDeduction         每月其他扣除（元，默认 0）
 *   taxYear                       年度（默认今年，北京时间）; the deduction standards of that year apply
 *   children[]                    { stage: infant（3岁以下）| preschool（3岁至小学入学前）| school（小学至博士）, sharePercent: 100 | 50 }
 *   parentsAged60OrOver           present when a parent is 60 or over: { isOnlyChild, monthlyShare? (非独生子女分摊额，默认上限) }
 *   housing                       { rentCityTier?: municipalityOrCapital | populationOver1M | populationUpTo1M, hasFirstHomeLoan?, loanSharePercent? }
 *   continuingEducation           { degreeMonthsThisYear? (0–12), obtainedCertificateThisYear? }
 *   selfPaidMedicalCosts          全年医保目录内个人自付医药费（元）
 */
export const SimulationRequest = strictObject(
  {
    monthlyIncome: amountInYuan(),
    monthlySpecialDeduction: optionalAmountInYuan(),
    monthlyOtherDeduction: optionalAmountInYuan(),
    taxYear,
    children: z
      .array(
        strictObject({
          stage: z.enum(['infant', 'preschool', 'school'], {
            error: '必须是 infant（3岁以下）、preschool（3岁至小学入学前）或 school（小学至博士）',
          }),
          sharePercent: sharePercent(),
        }),
        { error: '必须是孩子的列表' },
      )
      .max(20, '孩子不能超过 20 个')
      .default([]),
    parentsAged60OrOver: strictObject({ isOnlyChild: flag(), monthlyShare: amountInYuan().optional() }).optional(),
    housing: strictObject({
      rentCityTier: z
        .enum(['municipalityOrCapital', 'populationOver1M', 'populationUpTo1M'], {
          error:
            '必须是 municipalityOrCapital（直辖市、省会、计划单列市等）、populationOver1M（市辖区户籍人口超过100万）或 populationUpTo1M（不超过100万）',
        })
        .optional(),
      hasFirstHomeLoan: flag().optional(),
      loanSharePercent: sharePercent(),
    }).optional(),
    continuingEducation: strictObject({
      degreeMonthsThisYear: z
        .number({ error: '必须是 0 到 12 之间的整数' })
        .int('必须是 0 到 12 之间的整数')
        .min(0, '必须是 0 到 12 之间的整数')
        .max(12, '必须是 0 到 12 之间的整数')
        .optional(),
      obtainedCertificateThisYear: flag().optional(),
    }).optional(),
    selfPaidMedicalCosts: amountInYuan().optional(),
  },
  '请求体',
);
export type SimulationRequest = z.output<typeof SimulationRequest>;
