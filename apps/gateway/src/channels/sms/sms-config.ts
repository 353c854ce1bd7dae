import { isIP } from 'node:net';
import { z } from 'zod';
import { unsetIfEmpty, withDefault } from '@libs/common/config/config-fields';
import { AliyunSmsSettings } from '@libs/common/vendors/sms/aliyun-sms-client';
import { smsAccountFields } from '@libs/common/vendors/sms/sms-account-fields';
import { TencentSmsSettings } from '@libs/common/vendors/sms/tencent-sms-client';

/**
 * SMS settings of the gateway. Every one is optional: with no vendor configured SMS is off, the sender refuses and
 * the callback routes answer 404. An empty value (what docker compose passes for an unset `${VAR:-}`) counts as unset.
 */

/** One address or CIDR block of a comma-separated list: `203.0.113.7`, `203.0.113.0/24`, `2001:db8::/32`. */
export interface AddressBlock {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

export type CidrListParse = { ok: true; blocks: AddressBlock[] } | { ok: false; problem: string };

export function parseCidrList(text: string): CidrListParse {
  const blocks: AddressBlock[] = [];
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const [index, entry] of entries.entries()) {
    const [address, prefixText, ...rest] = entry.split('/');
    const version = isIP(address);
    const family = version === 4 ? 'ipv4' : 'ipv6';
    const maxPrefix = version === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? maxPrefix : Number(prefixText);
    if (version === 0 || rest.length > 0 || !/^\d{1,3}$/.test(prefixText ?? '0') || prefix > maxPrefix) {
      return { ok: false, problem: `entry ${index + 1} must be an IP address or CIDR block (a.b.c.d/n)` };
    }
    blocks.push({ address, prefix, family });
  }
  return { ok: true, blocks };
}

const cidrList = withDefault(z.string(), '').transform((text, ctx) => {
  const parsed = parseCidrList(text);
  if (parsed.ok) return parsed.blocks;
  ctx.addIssue({ code: 'custom', message: parsed.problem });
  return z.NEVER;
});

export const smsConfigFields = {
  ...smsAccountFields,
  /** Which vendor sends first; the other takes over on a transient failure. Default: tencent when both are set. */
  SMS_PRIMARY: unsetIfEmpty(z.enum(['tencent', 'aliyun'], { error: 'must be tencent or aliyun' })),
  SMS_TENCENT_TEMPLATE_ID: unsetIfEmpty(
    z
      .string()
      .trim()
      .regex(/^\d{1,20}$/, 'must be a template id (digits)'),
  ),
  /** Characters of reply text per template parameter. Enterprise accounts have no per-parameter limit; 500 per SMS. */
  SMS_TENCENT_PARAM_MAX_CHARS: withDefault(z.coerce.number().int().min(6).max(480), 300),
  SMS_ALIYUN_TEMPLATE_CODE: unsetIfEmpty(
    z
      .string()
      .trim()
      .regex(/^SMS_\d+$/, 'must be a template code such as SMS_123456'),
  ),
  /** Aliyun allows 35 characters per variable unless the limit is lifted for the template (then up to 480 here; the sign and template text still count within 500). */
  SMS_ALIYUN_PARAM_MAX_CHARS: withDefault(z.coerce.number().int().min(6).max(480), 35),
  /** The unguessable last path segment of the callback URLs given to the vendors (they do not sign callbacks). */
  SMS_CALLBACK_SECRET: unsetIfEmpty(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{32,128}$/, 'must be 32 to 128 of A-Z a-z 0-9 _ - (openssl rand -hex 24)'),
  ),
  /** Where vendor callbacks may come from: addresses or CIDR blocks, comma-separated. */
  SMS_CALLBACK_ALLOWED_IPS: cidrList,
  /** Reverse proxies in front of gateway whose X-Forwarded-For is believed; empty, the peer address is the caller. */
  SMS_CALLBACK_TRUSTED_PROXIES: cidrList,
};

type SmsFields = z.output<z.ZodObject<typeof smsConfigFields>>;

const TENCENT_KEYS = [
  'SMS_TENCENT_SECRET_ID',
  'SMS_TENCENT_SECRET_KEY',
  'SMS_TENCENT_SDK_APP_ID',
  'SMS_TENCENT_TEMPLATE_ID',
] as const;
const ALIYUN_KEYS = ['SMS_ALIYUN_ACCESS_KEY_ID', 'SMS_ALIYUN_ACCESS_KEY_SECRET', 'SMS_ALIYUN_TEMPLATE_CODE'] as const;

/**
 * A vendor is configured by all of its keys or none; a configured vendor needs the sign name; the primary must be
 * configured; callbacks need an allowlist (an empty one would let anyone who learns the URL in). Checked on the whole
 * schema: `.superRefine(smsSettingsAreConsistent, alwaysCheck)`.
 */
export function smsSettingsAreConsistent(config: Partial<SmsFields>, ctx: z.RefinementCtx): void {
  const problem = (key: keyof SmsFields, message: string) => ctx.addIssue({ code: 'custom', path: [key], message });
  const groups = [
    { vendor: 'tencent', keys: TENCENT_KEYS },
    { vendor: 'aliyun', keys: ALIYUN_KEYS },
  ] as const;
  const configured: string[] = [];
  for (const { vendor, keys } of groups) {
    const set = keys.filter((key) => config[key] !== undefined);
    if (set.length === keys.length) configured.push(vendor);
    else if (set.length > 0) {
      for (const key of keys.filter((candidate) => config[candidate] === undefined)) {
        problem(key, `is required once any SMS_${vendor.toUpperCase()}_* key is set`);
      }
    }
  }
  if (configured.length > 0 && config.SMS_SIGN_NAME === undefined) problem('SMS_SIGN_NAME', 'is required to send SMS');
  if (config.SMS_PRIMARY !== undefined && !configured.includes(config.SMS_PRIMARY)) {
    problem('SMS_PRIMARY', `names ${config.SMS_PRIMARY}, whose keys are not all set`);
  }
  if (config.SMS_CALLBACK_SECRET !== undefined) {
    if (configured.length === 0) problem('SMS_CALLBACK_SECRET', 'needs a configured SMS vendor');
    if ((config.SMS_CALLBACK_ALLOWED_IPS ?? []).length === 0) {
      problem('SMS_CALLBACK_ALLOWED_IPS', 'must list the vendors’ callback addresses when SMS_CALLBACK_SECRET is set');
    }
  }
}

export interface SmsSettings {
  /** Vendors in the order they are tried: the primary first. Empty: SMS is off. */
  order: Array<'tencent' | 'aliyun'>;
  signName?: string;
  sendTimeoutMs: number;
  tencent?: TencentSmsSettings;
  aliyun?: AliyunSmsSettings;
  callbacks?: { secret: string; allowed: AddressBlock[]; trustedProxies: AddressBlock[] };
}

/** The SMS part of a validated gateway config, grouped by vendor. */
export function smsSettingsOf(config: SmsFields): SmsSettings {
  const tencent =
    config.SMS_TENCENT_SECRET_ID &&
    config.SMS_TENCENT_SECRET_KEY &&
    config.SMS_TENCENT_SDK_APP_ID &&
    config.SMS_TENCENT_TEMPLATE_ID
      ? {
          secretId: config.SMS_TENCENT_SECRET_ID,
          secretKey: config.SMS_TENCENT_SECRET_KEY,
          sdkAppId: config.SMS_TENCENT_SDK_APP_ID,
          templateId: config.SMS_TENCENT_TEMPLATE_ID,
          region: config.SMS_TENCENT_REGION,
          apiBase: config.SMS_TENCENT_API_BASE,
          paramMaxChars: config.SMS_TENCENT_PARAM_MAX_CHARS,
        }
      : undefined;
  const aliyun =
    config.SMS_ALIYUN_ACCESS_KEY_ID && config.SMS_ALIYUN_ACCESS_KEY_SECRET && config.SMS_ALIYUN_TEMPLATE_CODE
      ? {
          accessKeyId: config.SMS_ALIYUN_ACCESS_KEY_ID,
          accessKeySecret: config.SMS_ALIYUN_ACCESS_KEY_SECRET,
          templateCode: config.SMS_ALIYUN_TEMPLATE_CODE,
          apiBase: config.SMS_ALIYUN_API_BASE,
          paramMaxChars: config.SMS_ALIYUN_PARAM_MAX_CHARS,
        }
      : undefined;
  const available = [...(tencent ? (['tencent'] as const) : []), ...(aliyun ? (['aliyun'] as const) : [])];
  const primary = config.SMS_PRIMARY ?? available[0];
  const order = available.filter((vendor) => vendor === primary).concat(available.filter((v) => v !== primary));
  return {
    order,
    signName: config.SMS_SIGN_NAME,
    sendTimeoutMs: config.SMS_SEND_TIMEOUT_MS,
    tencent,
    aliyun,
    callbacks:
      config.SMS_CALLBACK_SECRET && order.length > 0
        ? {
            secret: config.SMS_CALLBACK_SECRET,
            allowed: config.SMS_CALLBACK_ALLOWED_IPS,
            trustedProxies: config.SMS_CALLBACK_TRUSTED_PROXIES,
          }
        : undefined,
  };
}

export const SMS_SETTINGS = Symbol('SmsSettings');
