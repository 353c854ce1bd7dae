import { z } from 'zod';

/** The settings every app shares. Each app's config.ts composes its schema from these and its own fields. */

export const httpPort = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a port number')
    .min(1, 'must be a port number')
    .max(65535, 'must be a port number')
    .default(fallback);

const brokerAddress = /^[A-Za-z0-9.-]+:\d{1,5}$/;

export const infrastructureFields = {
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }),
  KAFKA_BROKERS: z
    .string()
    .transform((list) => list.split(',').map((broker) => broker.trim()))
    .refine((brokers) => brokers.every((broker) => brokerAddress.test(broker)), 'must be host:port[,host:port…]'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
};

export const staffAuthFields = {
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
};

const base64Key = (minBytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64')
    .refine((text) => Buffer.from(text, 'base64').length >= minBytes, `must decode to at least ${minBytes} bytes`);

/** PII_KEYS="2026a:<base64 32 bytes>,2025b:<base64 32 bytes>": every key ever used, so old ciphertexts stay readable. */
export const personalDataFields = {
  PII_KEYS: z.string().transform((text, ctx) => {
    const keys = new Map<string, Buffer>();
    for (const entry of text.split(',')) {
      const [id, material] = entry.trim().split(':');
      if (!id || !/^[A-Za-z0-9_-]{1,16}$/.test(id) || !material || !base64Key(32).safeParse(material).success) {
        ctx.addIssue({ code: 'custom', message: 'must be a comma-separated list of id:<base64 of 32 bytes>' });
        return z.NEVER;
      }
      keys.set(id, Buffer.from(material, 'base64').subarray(0, 32));
    }
    return keys;
  }),
  PII_ACTIVE_KEY_ID: z.string().min(1),
  BLIND_INDEX_KEY: base64Key(32).transform((text) => Buffer.from(text, 'base64')),
};

/**
 * The active key must be one of the keys. Checked on the whole schema, and even when other variables are bad, so a
 * misconfigured app names every problem at once: `.superRefine(activeKeyIsKnown, alwaysCheck)`.
 */
export function activeKeyIsKnown(config: { PII_KEYS: unknown; PII_ACTIVE_KEY_ID: unknown }, ctx: z.RefinementCtx) {
  if (!(config.PII_KEYS instanceof Map) || typeof config.PII_ACTIVE_KEY_ID !== 'string') return;
  if (!config.PII_KEYS.has(config.PII_ACTIVE_KEY_ID)) {
    ctx.addIssue({ code: 'custom', path: ['PII_ACTIVE_KEY_ID'], message: 'must name one of the ids in PII_KEYS' });
  }
}

export const alwaysCheck = { when: () => true };

/** Optional: an empty value (what docker compose passes for an unset `${VAR:-}`) counts as unset. */
export const unsetIfEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

/** With a default, also when the value is empty (docker compose's unset `${VAR:-}`). */
export const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? fallback : (value ?? fallback)), schema);

/** A vendor's API base URL, without a trailing slash. */
export const httpBase = z
  .url({ protocol: /^https?$/, error: 'must be an http(s):// URL' })
  .transform((url) => url.replace(/\/+$/, ''));
