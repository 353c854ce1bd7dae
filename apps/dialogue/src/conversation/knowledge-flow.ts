import { Inject, Injectable } from '@nestjs/common';
import { ChannelInboundV1 } from '@libs/common/contracts/channel-inbound.v1';
import { chinaDate } from '@libs/common/time/china-time';
import { Clock } from '@libs/common/time/clock';
import { DIALOGUE_CONFIG, DialogueConfig } from '../config';
import { bundleText } from '../bundles/bundle-answers.zh';
import { Bundle } from '../bundles/bundle';
import { answerFrom } from '../knowledge/knowledge-answers.zh';
import { KnowledgeBase } from '../knowledge/knowledge-base';
import { KnowledgeUnit, SearchContext } from '../knowledge/knowledge-index';
import { ConversationState } from './conversation-state';
import { chineseTermsIn } from './glossary';
import { decide, KnowledgeDecision } from './knowledge-decision';
import { Phrasebook } from './phrasebook';
import { replyTurn, Turn } from './turn';

/** A short message that builds on the last answer: 那退休人员呢？ / 如果是外地户口呢 / 需要什么材料. */
const FOLLOW_UP = /^(那|那么|如果|要是|假如|还有|另外)|呢[?？]?$/u;

/**
 * Answers from the knowledge base: the version in force today for the citizen's region, a numbered choice when several
 * items fit, or an honest "not sure" (the caller decides when that becomes a handoff).
 */
@Injectable()
export class KnowledgeFlow {
  constructor(
    private readonly knowledge: KnowledgeBase,
    private readonly clock: Clock,
    @Inject(DIALOGUE_CONFIG) private readonly config: DialogueConfig,
  ) {}

  /** What the base says to the text; a follow-up is read together with the title of what was just answered. */
  decide(text: string, state: ConversationState): KnowledgeDecision {
    const context = this.context(state);
    const topic =
      state.topicItemId && FOLLOW_UP.test(text.trim())
        ? this.knowledge.versionInForce(state.topicItemId, context)
        : undefined;
    // The knowledge base is in Chinese: an English or Uyghur question is searched by the glossary terms it uses.
    const query = state.lang === 'en' || state.lang === 'ug' ? chineseTermsIn(text, state.lang).join(' ') : text;
    return decide(this.knowledge.search(topic ? `${topic.title} ${query}` : query, context));
  }

  answer(envelope: ChannelInboundV1, decision: KnowledgeDecision, state: ConversationState, say: Phrasebook) {
    if (decision.type === 'answer') {
      return this.answerItem(envelope, decision.match.unit.itemId, state, say, decision.match.unit);
    }
    if (decision.type === 'not_sure') return undefined;
    const offered = decision.candidates.map((match) => ({
      itemId: match.unit.itemId,
      title: match.unit.version.title,
    }));
    const titles = offered.map((item) => item.title);
    return replyTurn(envelope, [say.clarify(titles)], { ...state, offered }, 'clarification', titles);
  }

  /** A personalised bundle: its steps that are in force here today, offered as numbered choices. */
  offerBundle(envelope: ChannelInboundV1, bundle: Bundle, state: ConversationState, say: Phrasebook): Turn | undefined {
    const context = this.context(state);
    const steps = bundle.steps.flatMap((step) => {
      const version = this.knowledge.versionInForce(step.knowledgeItemId, context);
      return version ? [{ step, title: version.title }] : [];
    });
    if (steps.length < 2) return undefined;
    const offered = steps.map(({ step, title }) => ({ itemId: step.knowledgeItemId, title }));
    const titles = offered.map((item) => item.title);
    const text = bundleText({ ...bundle, steps: steps.map(({ step }) => step) }, titles);
    const texts = [say.officialTextInChinese, text].filter((line) => line !== '');
    return replyTurn(envelope, texts, { ...state, offered }, 'answered', titles);
  }

  /** Answers from an item: the part that matched, or its overview in the version in force today. */
  answerItem(
    envelope: ChannelInboundV1,
    itemId: string,
    state: ConversationState,
    say: Phrasebook,
    unit?: KnowledgeUnit,
  ): Turn {
    const next = { ...state, failedTurns: 0, offered: [], topicItemId: itemId };
    const answering = unit ?? this.overviewInForce(itemId, state);
    if (!answering) return replyTurn(envelope, [say.notUnderstood], next, 'fallback');
    const texts = [say.officialTextInChinese, ...answerFrom(answering)].filter((text) => text !== '');
    return { ...replyTurn(envelope, texts, next, 'answered'), knowledgeItemId: itemId };
  }

  context(state: ConversationState): SearchContext {
    return { date: chinaDate(this.clock.now()), regionCode: state.regionCode ?? this.config.DEFAULT_REGION_CODE };
  }

  private overviewInForce(itemId: string, state: ConversationState): KnowledgeUnit | undefined {
    const version = this.knowledge.versionInForce(itemId, this.context(state));
    if (!version) return undefined;
    return { itemId, kind: 'steps' in version ? 'guide' : 'policy', version, part: { type: 'overview' } };
  }
}
