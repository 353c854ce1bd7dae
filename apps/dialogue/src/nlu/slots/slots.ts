import { z } from 'zod';
import { RegionCode } from '@libs/common/contracts/common-fields';

/**
 * The facts a citizen's message states, as the slot extractor reads them. A slot the text does not state is absent:
 * never a default, never a guess. Other code (eligibility forms, the tax simulation, conversation state) validates
 * with these schemas.
 */

export const RegionLevelName = z.enum(['province', 'city', 'district']);
export type RegionLevelName = z.infer<typeof RegionLevelName>;

export const RegionRef = z.object({
  code: RegionCode,
  /** Official name: 天河区. */
  name: z.string().min(1),
  level: RegionLevelName,
  /** With its parents: 广东省广州市天河区. */
  fullName: z.string().min(1),
});
export type RegionRef = z.infer<typeof RegionRef>;

/**
 * How a place name became one code: the name alone; a containing place said in the same text (南京鼓楼区); or, for a
 * name several places share with none said, the one in the service's own city or province (白云区 in Guangzhou).
 */
export const RegionResolution = z.enum(['name', 'context', 'homeCity', 'homeProvince']);
export type RegionResolution = z.infer<typeof RegionResolution>;

export const RegionSlot = z.discriminatedUnion('status', [
  RegionRef.extend({
    status: z.literal('resolved'),
    /** The words the citizen used. */
    mention: z.string().min(1),
    resolvedBy: RegionResolution,
  }),
  z.object({
    status: z.literal('ambiguous'),
    mention: z.string().min(1),
    candidates: z.array(RegionRef).min(2),
  }),
]);
export type RegionSlot = z.infer<typeof RegionSlot>;

export const DateRelation = z.enum(['before', 'after']);
export const DateSlot = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The words the citizen used: 下周一, 今年6月30日前. */
  text: z.string().min(1),
  /** 6月30日前 (by), 下周一以后 / 起 (from). */
  relation: DateRelation.optional(),
});
export type DateSlot = z.infer<typeof DateSlot>;

export const AmountRole = z.enum([
  'monthlyIncome',
  'annualIncome',
  'familyMonthlyIncome',
  'perCapitaMonthlyIncome',
  'annualBonus',
  'monthlyRent',
]);
export type AmountRole = z.infer<typeof AmountRole>;

/** 不到3000 (atMost), 超过3000 (atLeast), 3000左右 / 一万多 (about). */
export const AmountBound = z.enum(['atMost', 'atLeast', 'about']);
export type AmountBound = z.infer<typeof AmountBound>;

const Yuan = z.number().nonnegative().finite();

/** Money in yuan, by the role the text gives it. */
export const Amounts = z.object({
  monthlyIncome: Yuan.optional(),
  annualIncome: Yuan.optional(),
  familyMonthlyIncome: Yuan.optional(),
  perCapitaMonthlyIncome: Yuan.optional(),
  annualBonus: Yuan.optional(),
  monthlyRent: Yuan.optional(),
  /** 税前 / 税后 (到手), when said of the income. */
  incomeBasis: z.enum(['preTax', 'afterTax']).optional(),
  /** For a role whose figure is a bound or approximate rather than exact. */
  bounds: z.partialRecord(AmountRole, AmountBound).optional(),
  /** Amounts whose role the text does not make clear, in order. */
  other: z.array(Yuan).min(1).optional(),
});
export type Amounts = z.infer<typeof Amounts>;

export const IdentityTag = z.enum(['freshGraduate', 'retiree', 'smallBusinessOwner', 'disabled', 'elderly']);
export type IdentityTag = z.infer<typeof IdentityTag>;

export const IDENTITY_TAG_LABEL: Record<IdentityTag, string> = {
  freshGraduate: '应届毕业生',
  retiree: '退休人员',
  smallBusinessOwner: '小微企业主',
  disabled: '残疾人',
  elderly: '老年人',
};

/** 户籍: whether the citizen's hukou is in the service's city (农村/城镇户口 says nothing about this). */
export const Household = z.enum(['local', 'nonLocal']);
export type Household = z.infer<typeof Household>;

/** Stages of education as the child-education deduction (子女教育, 3岁以下婴幼儿照护) distinguishes them. */
export const ChildStage = z.enum(['infant', 'preschool', 'primary', 'juniorHigh', 'seniorHigh', 'higherEducation']);
export type ChildStage = z.infer<typeof ChildStage>;

export const Children = z.object({
  count: z.number().int().nonnegative().optional(),
  stages: z.array(ChildStage).min(1).optional(),
  ages: z.array(z.number().nonnegative().max(40)).min(1).optional(),
});
export type Children = z.infer<typeof Children>;

export const Slots = z.strictObject({
  /** The most specific place the message names; further distinct places in `otherRegions`. */
  region: RegionSlot.optional(),
  otherRegions: z.array(RegionSlot).min(1).optional(),
  dates: z.array(DateSlot).min(1).optional(),
  amounts: Amounts.optional(),
  /** Groups the message places the citizen in, or asks about (退休人员能办吗). Not a family member's. */
  identityTags: z.array(IdentityTag).min(1).optional(),
  /** Groups the citizen says they are not in (我不是应届生). */
  deniedIdentityTags: z.array(IdentityTag).min(1).optional(),
  /** The citizen's own age, when stated (我今年70岁). */
  age: z.number().int().min(0).max(130).optional(),
  household: Household.optional(),
  socialInsuranceYears: z.number().nonnegative().max(60).optional(),
  familySize: z.number().int().min(1).max(30).optional(),
  children: Children.optional(),
  /** At least one parent aged 60 or more (赡养老人); false when both are said to be younger. */
  parentsOver60: z.boolean().optional(),
  isOnlyChild: z.boolean().optional(),
  ticketNo: z
    .string()
    .regex(/^GD\d{14,}$/)
    .optional(),
});
export type Slots = z.infer<typeof Slots>;
