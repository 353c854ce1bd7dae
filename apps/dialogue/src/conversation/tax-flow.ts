import { Injectable } from '@nestjs/common';
import { ChannelInboundV1 } from '@libs/common/contracts/channel-inbound.v1';
import { Clock } from '@libs/common/time/clock';
import { parseNumber } from '../nlu/slots/chinese-number';
import { simulateDeductions } from '../calculators/policy-simulation';
import { taxYearAt } from '../calculators/tax-year';
import { Reading } from '../nlu/message-reader';
import { simulationFacts, TaxFacts, taxFactsFrom } from '../tax/tax-facts-from-slots';
import { ConversationState } from './conversation-state';
import { Phrasebook } from './phrasebook';
import { replyTurn, Turn } from './turn';

/** 月收入1.5万，一个孩子上小学，每年能少缴多少个税？ — asks for the income if it was not said, then answers. */
@Injectable()
export class TaxFlow {
  constructor(private readonly clock: Clock) {}

  start(envelope: ChannelInboundV1, reading: Reading, state: ConversationState, say: Phrasebook): Turn {
    return this.answerOrAsk(envelope, taxFactsFrom(reading.slots), state, say, say.askMonthlyIncome);
  }

  /** The citizen's answer to "how much a month": a bare number counts as the monthly income. */
  continue(
    envelope: ChannelInboundV1,
    reading: Reading,
    state: ConversationState,
    earlier: TaxFacts,
    say: Phrasebook,
  ): Turn {
    const facts = taxFactsFrom(reading.slots, earlier);
    const bare =
      reading.slots.amounts?.other?.[0] ??
      bareNumber(envelope.payload.kind === 'text' ? envelope.payload.text : undefined);
    const withIncome = { ...facts, monthlyIncome: facts.monthlyIncome ?? bare };
    return this.answerOrAsk(envelope, withIncome, state, say, say.incomeNotRead);
  }

  private answerOrAsk(
    envelope: ChannelInboundV1,
    facts: TaxFacts,
    state: ConversationState,
    say: Phrasebook,
    question: string,
  ): Turn {
    const { monthlyIncome } = facts;
    if (monthlyIncome === undefined) {
      return replyTurn(envelope, [question], { ...state, pending: { type: 'tax', facts } }, 'clarification');
    }
    const simulation = simulateDeductions(simulationFacts({ ...facts, monthlyIncome }, taxYearAt(this.clock.now())));
    return replyTurn(envelope, [say.taxSaving(simulation, facts)], { ...state, pending: undefined }, 'answered');
  }
}

/**
 * The whole reply is one figure (15000, 一万五, 1.5万 元): after "how much a month" it is the answer, although the
 * slot reader would not take a number without a unit or a word like 月薪 for money.
 */
export function bareNumber(text: string | undefined): number | undefined {
  const figure = text?.trim().replace(/\s*(?:元|块钱?|块)?[。.!！]?$/, '');
  if (!figure || !/^[0-9零〇一二两三四五六七八九十百千万点.,wWkK]+$/.test(figure)) return undefined;
  const value = parseNumber(figure);
  return value !== undefined && value > 0 && value < 10_000_000 ? value : undefined;
}
