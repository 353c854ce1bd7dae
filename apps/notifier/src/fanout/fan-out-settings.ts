import { z } from 'zod';
import { httpBase, unsetIfEmpty, withDefault } from '@libs/common/config/config-fields';
import { AliyunSmsClient } from '@libs/common/vendors/sms/aliyun-sms-client';
import { smsAccountFields } from '@libs/common/vendors/sms/sms-account-fields';
import { SmsVendor } from '@libs/common/vendors/sms/sms-vendor';
import { TencentSmsClient } from '@libs/common/vendors/sms/tencent-sms-client';
import { WeComApiSettings } from '@libs/common/vendors/wecom/wecom-api-client';
import { WxaApiSettings } from '@libs/common/vendors/wxa/wxa-api-client';
import { CardFieldList, CardFields } from './wxa-card-fields';

/**
 * How alerts go out: the SMS vendor keys (the same account as the gateway's replies, with its own approved alert
 * template), the rate each channel may be sent at, and retries. Every SMS field is optional: without them the
 * notifier runs, targets and records, and marks SMS deliveries failed with `sms_off`. An empty value (what docker
 * compose passes for an unset `${VAR:-}`) counts as unset. The same goes for WeCom (staff alerts through the self-built
 * app's message/send) and the mini-program (订阅消息 to citizens): the gateway's variables, off until all are set.
 */

const count = (min: number, max: number, fallback: number) =>
  withDefault(z.coerce.number().int().min(min).max(max), fallback);

export const fanOutConfigFields = {
  ...smsAccountFields,
  /** Which vendor alert SMS go through: tencent (200 numbers a request) or aliyun (1,000). */
  ALERT_SMS_VENDOR: withDefault(z.enum(['tencent', 'aliyun'], { error: 'must be tencent or aliyun' }), 'tencent'),
  /** The approved alert template, one parameter `{1}` taking the alert text. */
  ALERT_SMS_TENCENT_TEMPLATE_ID: unsetIfEmpty(
    z
      .string()
      .trim()
      .regex(/^\d{1,20}$/, 'must be a template id (digits)'),
  ),
  /** The approved alert template with `${content}`. */
  ALERT_SMS_ALIYUN_TEMPLATE_CODE: unsetIfEmpty(
    z
      .string()
      .trim()
      .regex(/^SMS_\d+$/, 'must be a template code such as SMS_123456'),
  ),
  /** Characters of alert text in the template parameter (an alert needs the limit lifted on Aliyun). */
  ALERT_SMS_PARAM_MAX_CHARS: count(20, 480, 300),
  /** Vendor requests per second, shared by every notifier replica; each request carries up to a vendor batch. */
  ALERT_SMS_REQUESTS_PER_SECOND: count(1, 5000, 100),
  ALERT_WXA_REQUESTS_PER_SECOND: count(1, 5000, 50),
  ALERT_WECOM_REQUESTS_PER_SECOND: count(1, 5000, 10),
  /** Vendor requests one notifier process has in flight at once. */
  ALERT_SEND_CONCURRENCY: count(1, 256, 16),
  /** Attempts per batch, with exponential backoff from ALERT_RETRY_DELAY_MS. */
  ALERT_SEND_ATTEMPTS: count(1, 20, 5),
  ALERT_RETRY_DELAY_MS: count(10, 600_000, 1000),
  /** How often queued deliveries that lost their job (Redis restarted) and unfinished fan-outs are picked up again. */
  ALERT_SWEEP_EVERY_MS: count(0, 3_600_000, 30_000),
  /** WeCom self-built app (自建应用) staff alerts go out through: the gateway's WECOM_* of the same app. */
  WECOM_CORP_ID: unsetIfEmpty(z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'must be the CorpID (letters and digits)')),
  WECOM_SECRET: unsetIfEmpty(z.string().min(1).max(256)),
  WECOM_AGENT_ID: unsetIfEmpty(z.coerce.number().int().min(1).max(2_147_483_647)),
  WECOM_API_BASE: withDefault(httpBase, 'https://qyapi.weixin.qq.com'),
  /** The mini-program (小程序) citizens subscribed in, and its approved alert template (订阅消息 → 我的模板). */
  WXA_APPID: unsetIfEmpty(z.string().regex(/^wx[0-9a-f]{16}$/, 'must be the AppID (wx and 16 hex digits)')),
  WXA_SECRET: unsetIfEmpty(z.string().min(1).max(256)),
  WXA_API_BASE: withDefault(httpBase, 'https://api.weixin.qq.com'),
  WXA_ALERT_TEMPLATE_ID: unsetIfEmpty(
    z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'must be the template id from the admin console (订阅消息)'),
  ),
  /** Template key → what of the alert it shows (fanout/wxa-card-fields.ts); default thing1:headline,time2:sent,thing3:instruction. */
  ALERT_WXA_TEMPLATE_FIELDS: CardFieldList,
};

type FanOutFields = z.output<z.ZodObject<typeof fanOutConfigFields>>;

export type FanOutChannel = 'sms' | 'wxa' | 'wecom';

export interface FanOutSettings {
  redisUrl: string;
  /** The vendor SMS go through; undefined: SMS is off. */
  sms?: { vendor: SmsVendor; signName: string };
  /** The WeCom app staff alerts go through; undefined: WeCom alerts are off. */
  wecom?: WeComApiSettings & { agentId: number };
  /** The mini-program and its alert template; undefined: subscribe messages are off. */
  wxa?: WxaApiSettings & { templateId: string; fields: CardFields };
  requestsPerSecond: Record<FanOutChannel, number>;
  concurrency: number;
  attempts: number;
  retryDelayMs: number;
  sweepEveryMs: number;
  /** Recipients per job and channel: the vendor's batch (Tencent 200, Aliyun 1,000, WeCom message/send 1,000). */
  batchSize: Record<FanOutChannel, number>;
}

export const FAN_OUT_SETTINGS = Symbol('FanOutSettings');

export function fanOutSettingsOf(config: FanOutFields & { REDIS_URL: string }): FanOutSettings {
  const vendor = smsVendorOf(config);
  return {
    redisUrl: config.REDIS_URL,
    sms: vendor && config.SMS_SIGN_NAME ? { vendor, signName: config.SMS_SIGN_NAME } : undefined,
    wecom:
      config.WECOM_CORP_ID && config.WECOM_SECRET && config.WECOM_AGENT_ID
        ? {
            corpId: config.WECOM_CORP_ID,
            secret: config.WECOM_SECRET,
            agentId: config.WECOM_AGENT_ID,
            apiBase: config.WECOM_API_BASE,
          }
        : undefined,
    wxa:
      config.WXA_APPID && config.WXA_SECRET && config.WXA_ALERT_TEMPLATE_ID
        ? {
            appId: config.WXA_APPID,
            secret: config.WXA_SECRET,
            apiBase: config.WXA_API_BASE,
            templateId: config.WXA_ALERT_TEMPLATE_ID,
            fields: config.ALERT_WXA_TEMPLATE_FIELDS,
          }
        : undefined,
    requestsPerSecond: {
      sms: config.ALERT_SMS_REQUESTS_PER_SECOND,
      wxa: config.ALERT_WXA_REQUESTS_PER_SECOND,
      wecom: config.ALERT_WECOM_REQUESTS_PER_SECOND,
    },
    concurrency: config.ALERT_SEND_CONCURRENCY,
    attempts: config.ALERT_SEND_ATTEMPTS,
    retryDelayMs: config.ALERT_RETRY_DELAY_MS,
    sweepEveryMs: config.ALERT_SWEEP_EVERY_MS,
    // Mini-program subscribe messages go one user per call; WeCom message/send takes 1,000 userids.
    batchSize: { sms: vendor?.maxNumbersPerRequest ?? 200, wxa: 1, wecom: 1000 },
  };
}

function smsVendorOf(config: FanOutFields): SmsVendor | undefined {
  const timeoutMs = config.SMS_SEND_TIMEOUT_MS;
  const paramMaxChars = config.ALERT_SMS_PARAM_MAX_CHARS;
  if (
    config.ALERT_SMS_VENDOR === 'tencent' &&
    config.SMS_TENCENT_SECRET_ID &&
    config.SMS_TENCENT_SECRET_KEY &&
    config.SMS_TENCENT_SDK_APP_ID &&
    config.ALERT_SMS_TENCENT_TEMPLATE_ID
  ) {
    const settings = {
      secretId: config.SMS_TENCENT_SECRET_ID,
      secretKey: config.SMS_TENCENT_SECRET_KEY,
      sdkAppId: config.SMS_TENCENT_SDK_APP_ID,
      templateId: config.ALERT_SMS_TENCENT_TEMPLATE_ID,
      region: config.SMS_TENCENT_REGION,
      apiBase: config.SMS_TENCENT_API_BASE,
      paramMaxChars,
    };
    return new TencentSmsClient(settings, timeoutMs);
  }
  if (
    config.ALERT_SMS_VENDOR === 'aliyun' &&
    config.SMS_ALIYUN_ACCESS_KEY_ID &&
    config.SMS_ALIYUN_ACCESS_KEY_SECRET &&
    config.ALERT_SMS_ALIYUN_TEMPLATE_CODE
  ) {
    const settings = {
      accessKeyId: config.SMS_ALIYUN_ACCESS_KEY_ID,
      accessKeySecret: config.SMS_ALIYUN_ACCESS_KEY_SECRET,
      templateCode: config.ALERT_SMS_ALIYUN_TEMPLATE_CODE,
      apiBase: config.SMS_ALIYUN_API_BASE,
      paramMaxChars,
    };
    return new AliyunSmsClient(settings, timeoutMs);
  }
  return undefined;
}
