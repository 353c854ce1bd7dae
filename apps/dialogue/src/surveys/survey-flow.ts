import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ChannelInboundV1 } from '@libs/common/contracts/channel-inbound.v1';
import { createReply } from '@libs/common/contracts/channel-outbound.v1';
import { Channel } from '@libs/common/contracts/common-fields';
import { createEnvelope } from '@libs/common/contracts/envelope';
import { Outgoing, Topic } from '@libs/common/contracts/topics';
import { DomainError } from '@libs/common/errors/domain-error';
import { ConversationState, ConversationStates } from '../conversation/conversation-state';
import { replyTurn, Turn } from '../conversation/turn';
import { turnReplies } from '../conversation/turn-replies';
import { chosenOption, questionText, Surveys } from './survey';

const NOT_AN_OPTION = (count: number) => `请回复选项的序号（1-${count}）；如不想继续，回复“取消”。`;

/** A reply longer than this that picks no option is taken as a new question: the survey steps aside. */
const LONGEST_NON_ANSWER = 8;

/**
 * Surveys pushed into conversations: the intro and first question go out, each reply that picks an option is recorded
 * (anonymously, to conversation.events.v1) and the next question follows, then the thanks.
 */
@Injectable()
export class SurveyFlow {
  constructor(
    private readonly surveys: Surveys,
    private readonly states: ConversationStates,
  ) {}

  /** The messages that start the survey in a conversation; the conversation then waits for the first answer. */
  async push(
    surveyId: string,
    target: { conversationId: string; channel: Channel },
    traceId: string,
  ): Promise<Outgoing[]> {
    const survey = this.surveys.byId(surveyId);
    if (!survey) throw new DomainError('not_found', `没有找到问卷 ${surveyId}`);
    const first = questionText(survey, 0);
    const state = await this.states.get(target.conversationId);
    await this.states.save(target.conversationId, {
      ...state,
      pending: { type: 'survey', surveyId, index: 0 },
      // A bare number in the reply picks one of these options.
      choices: first.quickReplies,
    });
    const cause = { traceId, envelopeId: randomUUID() };
    return [survey.intro, first.text].map((text, part, texts) => ({
      topic: Topic.ChannelOutboundV1,
      envelope: createReply(
        {
          ...target,
          text,
          quickReplies: part === texts.length - 1 ? first.quickReplies : undefined,
          endOfTurn: part === texts.length - 1,
        },
        cause,
        part,
      ),
    }));
  }

  /** The citizen's reply to the question asked; undefined when it is not an answer but a new question. */
  continue(
    envelope: ChannelInboundV1,
    text: string,
    state: ConversationState,
    pending: { surveyId: string; index: number },
  ): Turn | undefined {
    const survey = this.surveys.byId(pending.surveyId);
    const question = survey?.questions[pending.index];
    if (!survey || !question) return undefined;
    const chosen = chosenOption(question.options, text);
    if (chosen === undefined) {
      if ([...text.trim()].length > LONGEST_NON_ANSWER) return undefined;
      const again = questionText(survey, pending.index);
      return replyTurn(
        envelope,
        [NOT_AN_OPTION(question.options.length), again.text],
        state,
        'clarification',
        again.quickReplies,
      );
    }
    const answered = this.answered(envelope, survey.id, question.id, question.options[chosen], chosen);
    const nextIndex = pending.index + 1;
    if (nextIndex >= survey.questions.length) {
      return {
        outgoing: [...turnReplies(envelope, [survey.thanks]), answered],
        outcome: 'answered',
        next: { ...state, pending: undefined },
      };
    }
    const next = questionText(survey, nextIndex);
    return {
      outgoing: [...turnReplies(envelope, [next.text], next.quickReplies), answered],
      outcome: 'answered',
      next: { ...state, pending: { type: 'survey', surveyId: survey.id, index: nextIndex } },
    };
  }

  private answered(
    envelope: ChannelInboundV1,
    surveyId: string,
    questionId: string,
    answer: string,
    answerIndex: number,
  ): Outgoing {
    const message = envelope.payload;
    return {
      topic: Topic.ConversationEventsV1,
      envelope: createEnvelope(
        'conversation.survey_answered',
        1,
        message.conversationId,
        { conversationId: message.conversationId, channel: message.channel, surveyId, questionId, answer, answerIndex },
        { traceId: envelope.traceId, envelopeId: envelope.id },
      ),
    };
  }
}
