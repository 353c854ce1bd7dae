import { z } from 'zod';
import { httpBase, unsetIfEmpty, withDefault } from '../../config/config-fields';

/**
 * The SMS vendor accounts, as gateway (replies) and notifier (alerts) both read them: the same variables, the same
 * rules. Each app adds its own templates and limits.
 */
export const smsAccountFields = {
  /** 短信签名 registered with the vendors (without 【】): alerts go out under it, and replies when the uplink named none. */
  SMS_SIGN_NAME: unsetIfEmpty(
    z
      .string()
      .trim()
      .min(2, 'must be 2 to 20 characters')
      .max(20, 'must be 2 to 20 characters')
      .refine((sign) => !/[【】[\]]/.test(sign), 'without the brackets 【】'),
  ),
  SMS_SEND_TIMEOUT_MS: withDefault(z.coerce.number().int().min(500).max(30_000), 5000),
  SMS_TENCENT_SECRET_ID: unsetIfEmpty(z.string().trim().min(1)),
  SMS_TENCENT_SECRET_KEY: unsetIfEmpty(z.string().trim().min(1)),
  SMS_TENCENT_SDK_APP_ID: unsetIfEmpty(
    z
      .string()
      .trim()
      .regex(/^\d{4,20}$/, 'must be the SmsSdkAppId (digits)'),
  ),
  SMS_TENCENT_REGION: withDefault(
    z.string().regex(/^[a-z]{2}-[a-z]+$/, 'must be a region such as ap-guangzhou'),
    'ap-guangzhou',
  ),
  SMS_TENCENT_API_BASE: withDefault(httpBase, 'https://sms.tencentcloudapi.com'),
  SMS_ALIYUN_ACCESS_KEY_ID: unsetIfEmpty(z.string().trim().min(1)),
  SMS_ALIYUN_ACCESS_KEY_SECRET: unsetIfEmpty(z.string().trim().min(1)),
  SMS_ALIYUN_API_BASE: withDefault(httpBase, 'https://dysmsapi.aliyuncs.com'),
};
