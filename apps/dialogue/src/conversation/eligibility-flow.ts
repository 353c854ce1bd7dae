import { Injectable } from '@nestjs/common';
import { ChannelInboundV1 } from '@libs/common/contracts/channel-inbound.v1';
import { checkEligibility } from '../eligibility/check-eligibility';
import { ANSWER_NOT_READ, askFor, FORM_STARTED, verdictText } from '../eligibility/eligibility-answers.zh';
import { EligibilityRuleSets } from '../eligibility/eligibility-rule-sets';
import { EligibilityRuleSet, Facts } from '../eligibility/eligibility-rules';
import { readFactAnswer } from '../eligibility/read-fact-answer';
import { Reading } from '../nlu/message-reader';
import { ConversationState } from './conversation-state';
import { replyTurn, Turn } from './turn';

/**
 * A multi-turn eligibility check: facts the citizen already stated are taken from their words, then only the missing
 * ones are asked, one at a time, and the verdict gives the reason for each condition.
 */
@Injectable()
export class EligibilityFlow {
  constructor(private readonly ruleSets: EligibilityRuleSets) {}

  /** The rule set for a scheme the knowledge base knows (公租房 → its rule set), if there is one. */
  ruleSetFor(itemId: string | undefined): EligibilityRuleSet | undefined {
    return itemId ? this.ruleSets.forKnowledgeItem(itemId) : undefined;
  }

  start(envelope: ChannelInboundV1, rules: EligibilityRuleSet, reading: Reading, state: ConversationState): Turn {
    return this.next(envelope, rules, factsFromSlots(rules, reading), state, [FORM_STARTED(rules.title)]);
  }

  continue(
    envelope: ChannelInboundV1,
    reading: Reading,
    state: ConversationState,
    pending: { ruleSetId: string; facts: Facts; asking: string },
  ): Turn | undefined {
    const rules = this.ruleSets.byId(pending.ruleSetId);
    const message = envelope.payload;
    if (!rules || message.kind !== 'text') return undefined;
    const value = readFactAnswer(rules.facts[pending.asking], message.text);
    const facts = {
      ...pending.facts,
      ...factsFromSlots(rules, reading),
      ...(value !== undefined ? { [pending.asking]: value } : {}),
    };
    return this.next(envelope, rules, facts, state, value === undefined ? [ANSWER_NOT_READ] : []);
  }

  private next(
    envelope: ChannelInboundV1,
    rules: EligibilityRuleSet,
    facts: Facts,
    state: ConversationState,
    lead: string[],
  ): Turn {
    const verdict = checkEligibility(rules, facts);
    if (verdict.status !== 'needs_facts') {
      return replyTurn(envelope, [...lead, verdictText(rules, verdict)], { ...state, pending: undefined }, 'answered');
    }
    const asking = verdict.missing[0];
    const question = askFor(rules.facts[asking]);
    const next: ConversationState = { ...state, pending: { type: 'eligibility', ruleSetId: rules.id, facts, asking } };
    return replyTurn(envelope, [...lead, question.text], next, 'clarification', question.quickReplies);
  }
}

/** Facts the message states in words the slot extractor reads: 外地户口, 社保交了3年. */
function factsFromSlots(rules: EligibilityRuleSet, reading: Reading): Facts {
  const facts: Facts = {};
  const { slots } = reading;
  const household = rules.facts.household;
  if (slots.household && household?.type === 'choice') {
    const option = household.options.find(
      (candidate) => candidate.startsWith('非') === (slots.household === 'nonLocal'),
    );
    if (option) facts.household = option;
  }
  if (slots.socialInsuranceYears !== undefined && rules.facts.socialInsuranceYears) {
    facts.socialInsuranceYears = slots.socialInsuranceYears;
  }
  const perPerson =
    slots.amounts?.perCapitaMonthlyIncome ??
    (slots.amounts?.familyMonthlyIncome !== undefined && slots.familySize
      ? Math.round(slots.amounts.familyMonthlyIncome / slots.familySize)
      : undefined);
  if (perPerson !== undefined && rules.facts.incomePerPerson) facts.incomePerPerson = perPerson;
  return facts;
}
