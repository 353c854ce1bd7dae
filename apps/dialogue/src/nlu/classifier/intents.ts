/** What a citizen wants from one message; the dialogue picks its flow from this. */
export const INTENTS = [
  'greeting',
  'complaint',
  'policy_question',
  'service_guide',
  'calculate_tax',
  'check_eligibility',
  'handoff',
  /** 我的投诉进展 / a ticket number. */
  'progress_query',
  /** 订阅预警, reminders of a deadline, and turning them off again. */
  'subscribe_alert',
  /** 取消 / 重新开始. */
  'cancel',
  'thanks_goodbye',
  /** Out of scope, or no intent sure enough: ask again, or offer a person. */
  'unknown',
] as const;
export type Intent = (typeof INTENTS)[number];

export function isIntent(label: string): label is Intent {
  return (INTENTS as readonly string[]).includes(label);
}
