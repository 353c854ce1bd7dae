import { z } from 'zod';
import { optionalSetting } from '../channels/wecom-api/wecom-setting-fields';

/** The channels the notifier registers subscribers on, each with its own key there (SUBSCRIBER_CHANNEL_KEYS). */
export const AlertChannel = z.enum(['sms', 'wxa', 'wecom']);
export type AlertChannel = z.infer<typeof AlertChannel>;

export type ChannelKeys = Partial<Record<AlertChannel, string>>;

/**
 * `wxa:<key>,sms:<key>,wecom:<key>`, as the notifier's SUBSCRIBER_CHANNEL_KEYS holds them (the same rule for a key:
 * 24–128 of A-Z a-z 0-9 _ -). The problem is described without echoing a key.
 */
export function parseChannelKeys(text: string): { ok: true; keys: ChannelKeys } | { ok: false; problem: string } {
  const keys: ChannelKeys = {};
  for (const entry of text.split(',').map((part) => part.trim())) {
    if (entry === '') continue;
    const separator = entry.indexOf(':');
    const channel = AlertChannel.safeParse(entry.slice(0, Math.max(separator, 0)));
    const key = entry.slice(separator + 1);
    if (separator < 0 || !channel.success || !/^[A-Za-z0-9_-]{24,128}$/.test(key)) {
      return {
        ok: false,
        problem:
          'must be channel:key pairs, comma-separated; channel sms, wxa or wecom; key 24 to 128 of A-Z a-z 0-9 _ -',
      };
    }
    if (keys[channel.data] !== undefined) return { ok: false, problem: `names ${channel.data} twice` };
    keys[channel.data] = key;
  }
  return { ok: true, keys };
}

/** Alert subscriptions from chat (订阅预警): off unless both are set. */
export const alertSubscriptionSettingFields = {
  /** The notifier's base URL, e.g. http://notifier:3003. */
  NOTIFIER_URL: optionalSetting(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  /** The keys the notifier gave the gateway for its channels (its SUBSCRIBER_CHANNEL_KEYS). */
  ALERT_SUBSCRIPTION_KEYS: optionalSetting(
    z.string().transform((text, ctx) => {
      const parsed = parseChannelKeys(text);
      if (parsed.ok) return parsed.keys;
      ctx.addIssue({ code: 'custom', message: parsed.problem });
      return z.NEVER;
    }),
  ),
};

type AlertSubscriptionConfig = z.infer<ReturnType<typeof z.object<typeof alertSubscriptionSettingFields>>>;

/** One without the other is a mistake worth stopping for, rather than a feature that is silently off. */
export function alertSubscriptionSettingsComplete(config: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const names = ['NOTIFIER_URL', 'ALERT_SUBSCRIPTION_KEYS'];
  const missing = names.filter((name) => config[name] === undefined || config[name] === '');
  if (missing.length !== 1) return;
  ctx.addIssue({
    code: 'custom',
    path: missing,
    message: 'must be set together with NOTIFIER_URL / ALERT_SUBSCRIPTION_KEYS, or neither',
  });
}

export interface AlertSubscriptionSettings {
  notifierUrl: string;
  keys: ChannelKeys;
}

export const ALERT_SUBSCRIPTION_SETTINGS = Symbol('AlertSubscriptionSettings');

/** The settings when the feature is on, else null (Nest cannot provide undefined). */
export function alertSubscriptionSettingsFrom(config: AlertSubscriptionConfig): AlertSubscriptionSettings | null {
  const { NOTIFIER_URL, ALERT_SUBSCRIPTION_KEYS } = config;
  if (!NOTIFIER_URL || !ALERT_SUBSCRIPTION_KEYS) return null;
  return { notifierUrl: NOTIFIER_URL.replace(/\/+$/, ''), keys: ALERT_SUBSCRIPTION_KEYS };
}
