import {
  HomeVisitChangedV1,
  TicketChangedV1,
  TicketCreatedV1,
  TicketStatusV1,
} from '../../libs/common/src/contracts/ticket-events.v1';
import { simulateDeductions, SimulationFacts } from '../../apps/dialogue/src/calculators/policy-simulation';
import { Phrasebook } from '../../apps/dialogue/src/conversation/phrasebook';
import { TaxFacts } from '../../apps/dialogue/src/tax/tax-facts-from-slots';
import { TicketProgress } from '../../apps/dialogue/src/tickets/ticket-progress';

/** Content that reaches every phrasebook in Chinese, as authorities and departments wrote it. */
export const CHINESE_INPUTS = {
  departmentName: '天河区住房和建设局',
  titles: ['广州市公共租赁住房（公租房）申请资格自查', '个人所得税专项附加扣除：子女教育'],
  locationLabel: '天河区体育西路社区服务中心',
  community: '体育西社区',
  materials: ['身份证', '残疾人证'],
};

export const aCreatedTicket = (overrides: Partial<TicketCreatedV1> = {}): TicketCreatedV1 => ({
  ticketNo: 'GD20261126000001',
  conversationId: '5b0a8a84-3c3b-4d42-9d6e-2a3f1b0c9e11',
  channel: 'webchat',
  sourceMessageId: '1f7c2d9e-8a41-4b6b-b3a5-6c9d0e2f4a77',
  lang: 'en',
  category: '城乡建设',
  regionCode: '440106',
  departmentCode: '440106-zjj',
  departmentName: CHINESE_INPUTS.departmentName,
  acceptedAt: '2026-11-26T02:00:00.000Z',
  workingDays: 5,
  dueAt: '2026-12-03T15:59:59.999Z',
  ...overrides,
});

export const aChangedTicket = (overrides: Partial<TicketChangedV1> = {}): TicketChangedV1 => {
  const { acceptedAt: _acceptedAt, category: _category, regionCode: _regionCode, ...created } = aCreatedTicket();
  return { ...created, action: 'signFor', status: 'accepted', at: '2026-11-26T06:00:00.000Z', ...overrides };
};

export const aHomeVisit = (overrides: Partial<HomeVisitChangedV1> = {}): HomeVisitChangedV1 => ({
  ticketNo: 'GD20261126000001',
  conversationId: '5b0a8a84-3c3b-4d42-9d6e-2a3f1b0c9e11',
  channel: 'webchat',
  sourceMessageId: '1f7c2d9e-8a41-4b6b-b3a5-6c9d0e2f4a77',
  lang: 'en',
  taskId: '0c3f7a52-6d1e-4b8a-9f2c-7e5d4a3b2c10',
  status: 'accepted',
  community: CHINESE_INPUTS.community,
  visitDate: '2026-12-03',
  materials: CHINESE_INPUTS.materials,
  ...overrides,
});

/** The reply a department gives with 办结: Chinese, quoted as written. */
const DEPARTMENT_REPLY = '经现场核查，施工单位已调整夜间作业时间，晚上10点后停止施工。';

const inProgress: TicketProgress = {
  ticketNo: 'GD20261120000042',
  departmentName: CHINESE_INPUTS.departmentName,
  status: 'assigned',
  acceptedAt: '2026-11-20T01:30:00.000Z',
  workingDays: 1,
  dueAt: '2026-11-23T15:59:59.999Z',
};

/** 月收入1.5万, a child at school, parents over 60 shared with a sibling, renting: every deduction line and note. */
export const aFamilyTaxCase = (): { facts: TaxFacts; simulation: ReturnType<typeof simulateDeductions> } => {
  const facts: TaxFacts = { monthlyIncome: 15000, children: ['school'], parentsOver60: true, monthlyRent: 2500 };
  const simulated: SimulationFacts = {
    taxYear: 2026,
    monthlyIncome: 1_500_000,
    monthlySpecialDeduction: 0,
    monthlyOtherDeduction: 0,
    children: [{ stage: 'school', sharePercent: 100 }],
    parents: { isOnlyChild: false },
    housing: { rentCityTier: 'municipalityOrCapital' },
  };
  return { facts, simulation: simulateDeductions(simulated) };
};

/** 月收入8000, nothing to deduct. */
export const aNoDeductionTaxCase = (): { facts: TaxFacts; simulation: ReturnType<typeof simulateDeductions> } => ({
  facts: { monthlyIncome: 8000, children: [] },
  simulation: simulateDeductions({
    taxYear: 2026,
    monthlyIncome: 800_000,
    monthlySpecialDeduction: 0,
    monthlyOtherDeduction: 0,
    children: [],
  }),
});

export type TextKey = Exclude<keyof Phrasebook, 'lang' | 'isElderMode'>;

/**
 * Every text of a phrasebook, each function called with the same sample inputs, keyed by the interface's members
 * (the Record makes a new member a compile error here until it is rendered): phrasebooks in two languages can be
 * compared text by text.
 */
export function phrasebookTexts(say: Phrasebook): Record<TextKey, string[]> {
  const family = aFamilyTaxCase();
  const nothing = aNoDeductionTaxCase();
  return {
    menuChoices: say.menuChoices,
    greeting: [say.greeting],
    notUnderstood: [say.notUnderstood],
    unsupportedMessage: [say.unsupportedMessage],
    cancelled: [say.cancelled],
    clarify: [say.clarify(CHINESE_INPUTS.titles)],
    locationReceived: [say.locationReceived(CHINESE_INPUTS.locationLabel), say.locationReceived(undefined)],
    askPolicyTopic: [say.askPolicyTopic],
    askServiceTopic: [say.askServiceTopic],
    askComplaintDetails: [say.askComplaintDetails],
    handoffQueued: [say.handoffQueued(0, false), say.handoffQueued(1, false), say.handoffQueued(3, true)],
    handoffStillWaiting: [say.handoffStillWaiting(0), say.handoffStillWaiting(1), say.handoffStillWaiting(2)],
    handoffCancelled: [say.handoffCancelled],
    agentJoined: [say.agentJoined],
    agentReturned: [say.agentReturned],
    agentClosed: [say.agentClosed],
    askMonthlyIncome: [say.askMonthlyIncome],
    incomeNotRead: [say.incomeNotRead],
    taxSaving: [say.taxSaving(family.simulation, family.facts), say.taxSaving(nothing.simulation, nothing.facts)],
    ticketCreated: [say.ticketCreated(aCreatedTicket()), say.ticketCreated(aCreatedTicket({ dueAt: null }))],
    ticketSignedFor: [say.ticketSignedFor(aChangedTicket())],
    ticketConcluded: [
      say.ticketConcluded(aChangedTicket({ action: 'conclude', status: 'resolved' }), DEPARTMENT_REPLY),
    ],
    ticketExtended: [
      say.ticketExtended(aChangedTicket({ action: 'decideExtension', status: 'in_progress', workingDays: 10 })),
    ],
    ticketRedispatched: [say.ticketRedispatched(aChangedTicket({ action: 'dispatch', status: 'assigned' }))],
    ticketReopened: [say.ticketReopened(aChangedTicket({ action: 'reopen', status: 'assigned' }))],
    homeVisitArranged: [say.homeVisitArranged(aHomeVisit())],
    homeVisitDone: [say.homeVisitDone(aHomeVisit({ status: 'done' }))],
    ratingChoices: say.ratingChoices,
    askRating: [say.askRating],
    ratingNotRead: [say.ratingNotRead],
    ratingThanks: [say.ratingThanks],
    // One work order in each state, so that every state's wording is compared.
    ticketProgress: [
      say.ticketProgress([]),
      ...TicketStatusV1.options.map((status) => say.ticketProgress([{ ...inProgress, status }])),
    ],
    thanks: [say.thanks],
    remindersNotOpen: [say.remindersNotOpen],
    officialTextInChinese: [say.officialTextInChinese],
  };
}

/** The text with the Chinese content it quotes taken out: what is left is the phrasebook's own words. */
export function ownWords(text: string): string {
  const basis = [aFamilyTaxCase().simulation.standards.basis];
  return [
    ...CHINESE_INPUTS.titles,
    CHINESE_INPUTS.departmentName,
    CHINESE_INPUTS.locationLabel,
    CHINESE_INPUTS.community,
    ...CHINESE_INPUTS.materials,
    DEPARTMENT_REPLY,
    ...basis,
  ].reduce((left, quoted) => left.split(quoted).join(' '), text);
}
