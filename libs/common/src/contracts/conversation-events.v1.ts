import { z } from 'zod';
import { envelopeOf } from './envelope';
import { Channel, Lang, RegionCode } from './common-fields';

/** What happened in one turn of a conversation, for analytics. No citizen text. */
export const TurnHandledV1 = z.object({
  conversationId: z.uuid(),
  channel: Channel,
  messageId: z.uuid(),
  lang: Lang,
  intent: z.string().min(1).max(64),
  confidence: z.number().min(0).max(1),
  outcome: z.enum(['answered', 'ticket_requested', 'clarification', 'fallback', 'handoff', 'with_agent']),
  /** The knowledge item answered from, when there was one. */
  knowledgeItemId: z.string().min(1).max(64).optional(),
});
export type TurnHandledV1 = z.infer<typeof TurnHandledV1>;

/** A conversation handed to a person, taken, given back or closed. */
export const HandoffChangedV1 = z.object({
  handoffId: z.uuid(),
  conversationId: z.uuid(),
  channel: Channel,
  status: z.enum(['waiting', 'active', 'returned', 'closed']),
  reason: z.enum(['requested', 'failed_turns', 'negative_sentiment', 'special_group']),
  isPriority: z.boolean(),
  /** The agent's username once one has taken it. */
  agent: z.string().min(1).max(64).optional(),
});
export type HandoffChangedV1 = z.infer<typeof HandoffChangedV1>;

/** One answer to a survey question pushed in a conversation. Anonymous: no citizen id, no free text. */
export const SurveyAnsweredV1 = z.object({
  conversationId: z.uuid(),
  channel: Channel,
  surveyId: z.string().min(1).max(64),
  questionId: z.string().min(1).max(64),
  /** The option chosen, as shown, and its position (0-based). */
  answer: z.string().min(1).max(100),
  answerIndex: z.number().int().min(0),
});
export type SurveyAnsweredV1 = z.infer<typeof SurveyAnsweredV1>;

/**
 * A citizen asked in a conversation for 预警 (alerts) for a district or the place they shared, or to stop them. Only
 * the gateway knows their address on the channel (phone, openid, WeCom userid), so it registers them with the
 * notifier; the citizen is named here by the pseudonymous id only. A location from WeChat or WeCom is GCJ-02 (Tencent
 * maps), one from a browser WGS-84: it is sent as received, with its system, and converted by the notifier.
 */
export const AlertSubscriptionRequestedV1 = z.object({
  conversationId: z.uuid(),
  citizenId: z.string().min(1).max(64),
  channel: Channel,
  action: z.enum(['subscribe', 'unsubscribe']),
  regionCodes: z.array(RegionCode).max(20),
  location: z
    .object({
      lat: z.number().min(-90).max(90),
      lon: z.number().min(-180).max(180),
      coordinateSystem: z.enum(['wgs84', 'gcj02']),
    })
    .optional(),
  lang: Lang,
  elderMode: z.boolean(),
});
export type AlertSubscriptionRequestedV1 = z.infer<typeof AlertSubscriptionRequestedV1>;

/**
 * A citizen asked in a conversation to be reminded of something on a date (6月30日前提醒我办理个税年度汇算). The
 * notifier keeps it and, at `dueAt`, sends the reminder back into the same conversation as a reply. `subject` is the
 * citizen's own words about what to do: it may hold personal data, and the notifier stores it encrypted.
 */
export const ReminderRequestedV1 = z.object({
  /** uuid v5 of the citizen's message id: the same request, replayed, is the same reminder. */
  reminderId: z.uuid(),
  conversationId: z.uuid(),
  citizenId: z.string().min(1).max(64),
  channel: Channel,
  /** The day the citizen named (YYYY-MM-DD, China), shown in the reminder. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** When to send it: 09:00 Beijing time, on the day or, for a deadline (…前), the day before. */
  dueAt: z.iso.datetime({ offset: true }),
  subject: z.string().min(1).max(200),
  lang: Lang,
  elderMode: z.boolean(),
});
export type ReminderRequestedV1 = z.infer<typeof ReminderRequestedV1>;

/** 取消提醒: every reminder of this conversation not yet sent is not to be sent. */
export const ReminderCancelledV1 = z.object({
  conversationId: z.uuid(),
  citizenId: z.string().min(1).max(64),
  channel: Channel,
});
export type ReminderCancelledV1 = z.infer<typeof ReminderCancelledV1>;

export const ConversationEventV1 = z.discriminatedUnion('type', [
  envelopeOf('conversation.turn', 1, TurnHandledV1),
  envelopeOf('conversation.handoff', 1, HandoffChangedV1),
  envelopeOf('conversation.survey_answered', 1, SurveyAnsweredV1),
  envelopeOf('conversation.alert_subscription_requested', 1, AlertSubscriptionRequestedV1),
  envelopeOf('conversation.reminder_requested', 1, ReminderRequestedV1),
  envelopeOf('conversation.reminder_cancelled', 1, ReminderCancelledV1),
]);
export type ConversationEventV1 = z.infer<typeof ConversationEventV1>;
