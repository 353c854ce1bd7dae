import { Injectable } from '@nestjs/common';
import { ChannelInboundV1 } from '@libs/common/contracts/channel-inbound.v1';
import { checkEligibility } from '../eligibility/check-eligibility';
import { ANSWER_NOT_READ, askFor, FORM_STARTED, verdictText } from '../eligibility/eligibility-answers.zh';
import { EligibilityRuleSets } from '../eligibility/eligibility-rule-sets';
import { EligibilityRuleSet, Facts } from '../eligibility/eligibility-rules';
import { readFactAnswer } from '../eligibility/read-fact-answer';
import { Reading } from '../nlu/message-reader';
import { ConversationState } from './conversation-state';
import { Phrasebook } from './phrasebook';
import { replyTurn, Turn } from './turn';

/**
 * A multi-turn eligibility check: facts the citizen already stated are taken from their words, then only the missing
 * ones are asked, one at a time, and the verdict gives the reason for each condition. Rule sets are written in
 * Chinese, and so are the check's questions and verdict.
 */
@Injectable()
export class EligibilityFlow {
  constructor(private readonly ruleSets: EligibilityRuleSets) {}

  /** The rule set for a scheme the knowledge base knows (公租房 → its rule set), if there is one. */
  ruleSetFor(itemId: string | undefined): EligibilityRuleSet | undefined {
    return itemId ? this.ruleSets.forKnowledgeItem(itemId) : undefined;
  }

  start(
    envelope: ChannelInboundV1,
    rules: EligibilityRuleSet,
    reading: Reading,
    state: ConversationState,
    say: Phrasebook,
  ): Turn {
    const lead = [say.officialTextInChinese, FORM_STARTED(rules.title)].filter((text) => text !== '');
    return this.next(envelope, rules, factsFromSlots(rules, reading), state, lead);
  }

  continue(
    envelope: ChannelInboundV1,
    text: string,
    reading: Reading,
    state: ConversationState,
    pending: { ruleSetId: string; facts: Facts; asking: string },
    say: Phrasebook,
  ): Turn | undefined {
    const rules = this.ruleSets.byId(pending.ruleSetId);
    if (!rules) return undefined;
    const value = readFactAnswer(rules.facts[pending.asking], text);
    const facts = {
      ...pending.facts,
      ...factsFromSlots(rules, reading),
      ...(value !== undefined ? { [pending.asking]: value } : {}),
    };
    const lead = value === undefined ? [say.officialTextInChinese, ANSWER_NOT_READ].filter((line) => line !== '') : [];
    return this.next(envelope, rules, facts, state, lead);
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
