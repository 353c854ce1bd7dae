import { z } from 'zod';
import {
  activeKeyIsKnown,
  alwaysCheck,
  httpPort,
  infrastructureFields,
  personalDataFields,
  staffAuthFields,
} from '@libs/common/config/config-fields';
import { DEFAULT_OUTBOUND_RATE_LIMITS, parseRateLimits } from './outbound/outbound-rate-limits';
import { wechatKfSettingFields, wechatKfSettingsComplete } from './channels/wechat-kf/wechat-kf-settings';
import { wecomSettingFields, wecomSettingsComplete } from './channels/wecom/wecom-settings';
import { smsConfigFields, smsSettingsAreConsistent } from './channels/sms/sms-config';
import { wxaSettingFields, wxaSettingsComplete } from './channels/wxa/wxa-settings';
import {
  alertSubscriptionSettingFields,
  alertSubscriptionSettingsComplete,
} from './alert-subscriptions/alert-subscription-settings';

export const GatewayConfig = z
  .object({
    ...infrastructureFields,
    ...staffAuthFields,
    ...personalDataFields,
    GATEWAY_PORT: httpPort(3000),
    KAFKA_MAX_WAIT_MS: z.coerce.number().int().min(1).max(5000).default(100),
    /** The longest ?wait a web chat request may ask for. */
    CHAT_MAX_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(30_000),
    /** Replies out through a channel queue: messages per second per channel, `wecom=20,sms=50`; others get 20. */
    OUTBOUND_RATE_LIMITS: z
      .string()
      .default(DEFAULT_OUTBOUND_RATE_LIMITS)
      .transform((text, ctx) => {
        const parsed = parseRateLimits(text);
        if (parsed.ok) return parsed.limits;
        ctx.addIssue({ code: 'custom', message: parsed.problem });
        return z.NEVER;
      }),
    /** Attempts at one reply before it goes to the dead letters (an administrator can send it again from there). */
    OUTBOUND_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
    /** Backoff between attempts: base·2^(n−1), at most the max; the defaults ride out about ten minutes of outage. */
    OUTBOUND_BACKOFF_BASE_MS: z.coerce.number().int().min(10).max(600_000).default(5_000),
    OUTBOUND_BACKOFF_MAX_MS: z.coerce.number().int().min(10).max(3_600_000).default(900_000),
    /** Only for the demo-content command: with it unset, no demo account is created. */
    DEMO_STAFF_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
    ...wecomSettingFields,
    ...wechatKfSettingFields,
    ...smsConfigFields,
    ...wxaSettingFields,
    ...alertSubscriptionSettingFields,
  })
  .superRefine(activeKeyIsKnown, alwaysCheck)
  .superRefine(wecomSettingsComplete, alwaysCheck)
  .superRefine(wechatKfSettingsComplete, alwaysCheck)
  .superRefine(smsSettingsAreConsistent, alwaysCheck)
  .superRefine(wxaSettingsComplete, alwaysCheck)
  .superRefine(alertSubscriptionSettingsComplete, alwaysCheck);
export type GatewayConfig = z.infer<typeof GatewayConfig>;

export const GATEWAY_CONFIG = Symbol('GatewayConfig');
