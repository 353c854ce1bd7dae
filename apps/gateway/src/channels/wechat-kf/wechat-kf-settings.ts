import { z } from 'zod';
import {
  allOrNone,
  apiBaseField,
  callbackTokenField,
  corpIdField,
  encodingAesKeyField,
  secretField,
} from '../wecom-api/wecom-setting-fields';

/** 微信客服, as gateway's config schema reads it. All unset: the channel is off. */
export const wechatKfSettingFields = {
  WXKF_CORP_ID: corpIdField,
  /** The 微信客服 secret (not an app's): only its access_token may call the kf/* API. */
  WXKF_SECRET: secretField,
  WXKF_TOKEN: callbackTokenField,
  WXKF_ENCODING_AES_KEY: encodingAesKeyField,
  WXKF_API_BASE: apiBaseField,
};

export const wechatKfSettingsComplete = allOrNone('WXKF_', [
  'WXKF_CORP_ID',
  'WXKF_SECRET',
  'WXKF_TOKEN',
  'WXKF_ENCODING_AES_KEY',
]);

export interface WechatKfSettings {
  corpId: string;
  secret: string;
  token: string;
  encodingAesKey: string;
  apiBase: string;
}

type WechatKfConfig = z.infer<ReturnType<typeof z.object<typeof wechatKfSettingFields>>>;

/** 微信客服's settings when the channel is on, else undefined. */
export function wechatKfSettingsFrom(config: WechatKfConfig): WechatKfSettings | undefined {
  const { WXKF_CORP_ID, WXKF_SECRET, WXKF_TOKEN, WXKF_ENCODING_AES_KEY } = config;
  if (!WXKF_CORP_ID || !WXKF_SECRET || !WXKF_TOKEN || !WXKF_ENCODING_AES_KEY) return undefined;
  return {
    corpId: WXKF_CORP_ID,
    secret: WXKF_SECRET,
    token: WXKF_TOKEN,
    encodingAesKey: WXKF_ENCODING_AES_KEY,
    apiBase: config.WXKF_API_BASE,
  };
}
