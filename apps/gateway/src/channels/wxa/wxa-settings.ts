import { z } from 'zod';
import {
  allOrNone,
  callbackTokenField,
  encodingAesKeyField,
  optionalSetting,
  secretField,
} from '../wecom-api/wecom-setting-fields';
import { TicketCardFieldList, TicketCardFields } from './ticket-card';

/** A subscribe-message template id, as the mini-program admin console shows it (订阅消息 → 我的模板). */
const templateIdField = optionalSetting(
  z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'must be the template id from the admin console (订阅消息)'),
);

/** The mini-program (小程序), as gateway's config schema reads it. The four credentials unset: the channel is off. */
export const wxaSettingFields = {
  /** The mini-program's AppID: it is also the receiveid its encrypted pushes are sealed to. */
  WXA_APPID: optionalSetting(z.string().regex(/^wx[0-9a-f]{16}$/, 'must be the AppID (wx and 16 hex digits)')),
  WXA_SECRET: secretField,
  WXA_TOKEN: callbackTokenField,
  WXA_ENCODING_AES_KEY: encodingAesKeyField,
  WXA_API_BASE: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default('https://api.weixin.qq.com'),
  ),
  /** 订阅消息 templates; each is optional, and a message of a kind without one is not sent. */
  WXA_TICKET_TEMPLATE_ID: templateIdField,
  WXA_ALERT_TEMPLATE_ID: templateIdField,
  /** Which key of the ticket template shows what (ticket-card.ts). */
  WXA_TICKET_TEMPLATE_FIELDS: TicketCardFieldList,
};

export const wxaSettingsComplete = allOrNone('WXA_', ['WXA_APPID', 'WXA_SECRET', 'WXA_TOKEN', 'WXA_ENCODING_AES_KEY']);

export interface WxaSettings {
  appId: string;
  secret: string;
  token: string;
  encodingAesKey: string;
  apiBase: string;
  templates: { ticketProgress?: string; alert?: string };
  ticketCardFields: TicketCardFields;
}

type WxaConfig = z.infer<ReturnType<typeof z.object<typeof wxaSettingFields>>>;

/** The mini-program's settings when the channel is on, else undefined. */
export function wxaSettingsFrom(config: WxaConfig): WxaSettings | undefined {
  const { WXA_APPID, WXA_SECRET, WXA_TOKEN, WXA_ENCODING_AES_KEY } = config;
  if (!WXA_APPID || !WXA_SECRET || !WXA_TOKEN || !WXA_ENCODING_AES_KEY) return undefined;
  return {
    appId: WXA_APPID,
    secret: WXA_SECRET,
    token: WXA_TOKEN,
    encodingAesKey: WXA_ENCODING_AES_KEY,
    apiBase: config.WXA_API_BASE,
    templates: {
      ...(config.WXA_TICKET_TEMPLATE_ID ? { ticketProgress: config.WXA_TICKET_TEMPLATE_ID } : {}),
      ...(config.WXA_ALERT_TEMPLATE_ID ? { alert: config.WXA_ALERT_TEMPLATE_ID } : {}),
    },
    ticketCardFields: config.WXA_TICKET_TEMPLATE_FIELDS,
  };
}
