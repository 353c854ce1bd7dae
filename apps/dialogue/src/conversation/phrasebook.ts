import { Lang } from '@libs/common/contracts/common-fields';
import { HomeVisitChangedV1, TicketChangedV1, TicketCreatedV1 } from '@libs/common/contracts/ticket-events.v1';
import { Simulation } from '../calculators/policy-simulation';
import { TaxFacts } from '../tax/tax-facts-from-slots';
import { TicketProgress } from '../tickets/ticket-progress';

/**
 * Everything the assistant says in its own words, in one language and register. The flows pick a phrasebook per turn
 * (the citizen's language; elder mode for older citizens: short sentences, numbered choices, no jargon) and never
 * hold a literal user-facing text themselves. Content written by authorities (knowledge items, rule questions,
 * surveys) stays in Chinese; other languages say so before it (`officialTextInChinese`).
 */
export interface Phrasebook {
  readonly lang: Lang;
  readonly isElderMode: boolean;

  menuChoices: string[];
  greeting: string;
  notUnderstood: string;
  unsupportedMessage: string;
  cancelled: string;
  clarify(titles: string[]): string;
  locationReceived(label: string | undefined): string;
  /** After the menu's "policies" / "service guides" choice: what about? */
  askPolicyTopic: string;
  askServiceTopic: string;
  /** After 我要投诉 with nothing more: what happened, where, when. */
  askComplaintDetails: string;

  handoffQueued(ahead: number, isPriority: boolean): string;
  handoffStillWaiting(ahead: number): string;
  handoffCancelled: string;
  agentJoined: string;
  agentReturned: string;
  agentClosed: string;

  askMonthlyIncome: string;
  incomeNotRead: string;
  taxSaving(simulation: Simulation, facts: TaxFacts): string;

  ticketCreated(ticket: TicketCreatedV1): string;
  /** A work order moved on: 签收, 办结 (with the department's reply), 延期, 改派, 重办. */
  ticketSignedFor(ticket: TicketChangedV1): string;
  ticketConcluded(ticket: TicketChangedV1, reply: string): string;
  ticketExtended(ticket: TicketChangedV1): string;
  ticketRedispatched(ticket: TicketChangedV1): string;
  ticketReopened(ticket: TicketChangedV1): string;
  /** The community's grid worker is coming (accepted, with the date and what to have ready), or has been. */
  homeVisitArranged(visit: HomeVisitChangedV1): string;
  homeVisitDone(visit: HomeVisitChangedV1): string;
  /** 好差评: the five levels offered after 办结, best first, and what is said once rated. */
  ratingChoices: string[];
  askRating: string;
  ratingNotRead: string;
  ratingThanks: string;
  /** 我的投诉进展: the conversation's work orders, or that there are none. */
  ticketProgress(tickets: TicketProgress[]): string;
  thanks: string;
  /** A subscription the conversation cannot take yet (policy updates, deadlines); says how to subscribe to alerts. */
  remindersNotOpen: string;

  /** Said before Chinese content (a policy, a guide, a form question); empty in Chinese. */
  officialTextInChinese: string;
}
