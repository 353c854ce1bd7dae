import { z } from 'zod';

/**
 * The channels that can push an alert to someone who did not just write to us: SMS, the mini-program's subscribe
 * messages (wxa), and WeCom for staff. The chat-only channels (web chat, 微信客服) answer; they do not broadcast.
 */
export const SubscriberChannel = z.enum(['sms', 'wxa', 'wecom'], {
  error: '订阅渠道应为 sms（短信）、wxa（小程序订阅消息）或 wecom（企业微信）',
});
export type SubscriberChannel = z.infer<typeof SubscriberChannel>;

/** Which channel a person gets an alert on, when they gave none: SMS reaches every phone, then the mini-program. */
export const DEFAULT_PREFERENCE: Record<SubscriberChannel, number> = { sms: 1, wxa: 2, wecom: 3 };
