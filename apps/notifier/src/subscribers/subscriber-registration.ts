import { z } from 'zod';
import { Lang } from '@libs/common/contracts/common-fields';
import { LatLon } from '../targeting/geometry';
import { gcj02ToWgs84 } from './gcj02';
import { SubscriberRegionCode } from './plausible-region-code';
import { QuietHours } from './quiet-hours';
import { ADDRESS_RULE, normaliseAddress, normalisePhone } from './subscriber-address';
import { DEFAULT_PREFERENCE, SubscriberChannel } from './subscriber-channel';

const Location = z.object(
  {
    lat: z.number({ error: '纬度应为数字' }).min(-90, '纬度应在 -90 到 90 之间').max(90, '纬度应在 -90 到 90 之间'),
    lon: z
      .number({ error: '经度应为数字' })
      .min(-180, '经度应在 -180 到 180 之间')
      .max(180, '经度应在 -180 到 180 之间'),
  },
  { error: '位置应为 { lat, lon }（十进制度数）' },
);

const Address = z.string({ error: '请填写订阅地址：手机号、openid 或企业微信账号' }).max(128, '订阅地址过长');

/** Who to reach on which channel: the address as given, checked against the channel and written one way. */
export const SubscriberAddress = z.object({ channel: SubscriberChannel, address: Address }).transform((value, ctx) => {
  const address = normaliseAddress(value.channel, value.address);
  if (address === undefined) {
    ctx.addIssue({ code: 'custom', path: ['address'], message: ADDRESS_RULE[value.channel] });
    return z.NEVER;
  }
  return { channel: value.channel, address };
});
export type SubscriberAddress = z.infer<typeof SubscriberAddress>;

/** A mobile number given with a mini-program or WeCom subscription, written one way. */
const Phone = z
  .string({ error: '手机号应为文本' })
  .max(32, '请填写正确的 11 位手机号码（中国大陆）')
  .transform((raw, ctx) => {
    const phone = normalisePhone(raw);
    if (phone === undefined) {
      ctx.addIssue({ code: 'custom', message: '请填写正确的 11 位手机号码（中国大陆）' });
      return z.NEVER;
    }
    return phone;
  });

/** What a subscriber chooses, whoever registers them: where, in which language, how, and when not to be woken. */
const settingsShape = {
  regionCodes: z
    .array(SubscriberRegionCode, { error: 'regionCodes 应为行政区划代码的列表' })
    .max(20, '最多订阅 20 个行政区划')
    .default([]),
  location: Location.nullable().default(null),
  coordinateSystem: z
    .enum(['wgs84', 'gcj02'], { error: '坐标系应为 wgs84（GPS）或 gcj02（微信、腾讯地图的位置）' })
    .default('wgs84'),
  lang: z.enum(Lang.options, { error: '语言应为 zh、en 或 ug' }).default('zh'),
  elderMode: z.boolean({ error: 'elderMode 应为 true 或 false' }).default(false),
  quietHours: QuietHours.nullable().default(null),
  /** Links this subscription to the person's SMS one (one alert per person); ignored on SMS, whose address it is. */
  phone: Phone.optional(),
  /** This channel's place in the person's order, 1 first; by default SMS, then mini-program, then WeCom. */
  preference: z
    .number({ error: '渠道优先级应为 1–9 的整数' })
    .int('渠道优先级应为 1–9 的整数')
    .min(1, '渠道优先级应为 1–9 的整数')
    .max(9, '渠道优先级应为 1–9 的整数')
    .optional(),
};

/**
 * Cross-field checks run even when other fields are wrong (zod skips refinements of an object with problems unless
 * told), so a 400 names every problem at once; each runs once the fields it reads are themselves valid.
 */
const onceValid = (...fields: string[]) => ({
  when: (payload: z.core.ParsePayload) => !payload.issues.some((issue) => fields.includes(String(issue.path?.[0]))),
});

function hasSomewhere(value: { regionCodes: string[]; location: LatLon | null }, ctx: z.RefinementCtx): void {
  if (value.regionCodes.length === 0 && value.location === null) {
    ctx.addIssue({ code: 'custom', path: ['regionCodes'], message: '请至少选择一个行政区划，或提供位置' });
  }
}

function addressFitsChannel(value: { channel: SubscriberChannel; address: string }, ctx: z.RefinementCtx): void {
  if (normaliseAddress(value.channel, value.address) === undefined) {
    ctx.addIssue({ code: 'custom', path: ['address'], message: ADDRESS_RULE[value.channel] });
  }
}

function settingsOf(value: z.output<z.ZodObject<typeof settingsShape>>) {
  return {
    regionCodes: [...new Set(value.regionCodes)].sort(),
    location: value.location && toWgs84(value.location, value.coordinateSystem),
    lang: value.lang,
    elderMode: value.elderMode,
    quietHours: value.quietHours,
    phone: value.phone ?? null,
    preference: value.preference ?? null,
  };
}

/**
 * A change to an existing subscription (PUT: the settings as a whole; channel and address stay). A WeChat location
 * is GCJ-02 and is converted here, so everything stored and compared with alert polygons is WGS-84. `preference`
 * null: the channel's default.
 */
export const SubscriberSettings = z
  .object(settingsShape)
  .superRefine(hasSomewhere, onceValid('regionCodes', 'location'))
  .transform(settingsOf);
export type SubscriberSettings = z.infer<typeof SubscriberSettings>;

/**
 * A subscription as an administrator (or a channel, on a citizen's behalf) registers it. It replaces an earlier
 * registration of the same channel and address as a whole.
 */
export const SubscriberRegistration = z
  .object({ channel: SubscriberChannel, address: Address, ...settingsShape })
  .superRefine(addressFitsChannel, onceValid('channel', 'address'))
  .superRefine(hasSomewhere, onceValid('regionCodes', 'location'))
  .transform((value, ctx) => {
    const address = normaliseAddress(value.channel, value.address);
    if (address === undefined) {
      addressFitsChannel(value, ctx);
      return z.NEVER;
    }
    const settings = settingsOf(value);
    return {
      channel: value.channel,
      address,
      ...settings,
      phone: value.channel === 'sms' ? address : settings.phone,
      preference: settings.preference ?? DEFAULT_PREFERENCE[value.channel],
    };
  });
export type SubscriberRegistration = z.infer<typeof SubscriberRegistration>;

function toWgs84(location: LatLon, system: 'wgs84' | 'gcj02'): LatLon {
  return system === 'gcj02' ? gcj02ToWgs84(location) : { lat: location.lat, lon: location.lon };
}
