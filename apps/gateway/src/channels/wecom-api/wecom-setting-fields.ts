import { z } from 'zod';
import { ENCODING_AES_KEY } from './callback-crypto';

/** Unset and empty are the same: "not configured" (a compose file or .env often leaves `NAME=`). */
export const optionalSetting = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** The fields both WeCom-based channels (自建应用 and 微信客服) are configured with. */
export const corpIdField = optionalSetting(
  z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'must be the CorpID (letters and digits)'),
);
export const secretField = optionalSetting(z.string().min(1).max(256));
/** The callback Token: letters and digits, at most 32, as the admin console allows. */
export const callbackTokenField = optionalSetting(
  z.string().regex(/^[A-Za-z0-9]{1,32}$/, 'must be 1–32 letters or digits, as set in the admin console'),
);
export const encodingAesKeyField = optionalSetting(
  z.string().regex(ENCODING_AES_KEY, 'must be the 43-character EncodingAESKey from the admin console'),
);
export const apiBaseField = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default('https://qyapi.weixin.qq.com'),
);

/**
 * A channel is configured with all of its settings or none: some but not all is a mistake worth stopping for,
 * named variable by variable, rather than a channel that is silently off.
 */
export function allOrNone(prefix: string, names: readonly string[]) {
  return (config: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const missing = names.filter((name) => config[name] === undefined || config[name] === '');
    if (missing.length === 0 || missing.length === names.length) return;
    for (const name of missing) {
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: `must be set with the other ${prefix}* settings, or none of them`,
      });
    }
  };
}
