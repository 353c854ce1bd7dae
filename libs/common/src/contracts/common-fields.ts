import { z } from 'zod';

/** Fields several contracts share. */

/**
 * Where a citizen's request came from. `open311` is a request from another system through the Open311 GeoReport v2
 * API on ticketing: it has no conversation to answer in (its conversation id is fresh and names none).
 */
export const Channel = z.enum(['webchat', 'wecom', 'wechat_kf', 'wxa', 'sms', 'wechaty', 'open311']);
export type Channel = z.infer<typeof Channel>;

export const Lang = z.enum(['zh', 'en', 'ug']);
export type Lang = z.infer<typeof Lang>;

/** 行政区划代码 (GB/T 2260), six digits. */
export const RegionCode = z.string().regex(/^\d{6}$/, 'must be a 6-digit administrative division code');

export const GeoPoint = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  label: z.string().max(200).optional(),
});

/** The longest citizen message we accept, on every channel. */
export const MAX_CITIZEN_TEXT = 2000;
