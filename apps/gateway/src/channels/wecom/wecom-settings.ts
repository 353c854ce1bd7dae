import { z } from 'zod';
import {
  allOrNone,
  apiBaseField,
  callbackTokenField,
  corpIdField,
  encodingAesKeyField,
  optionalSetting,
  secretField,
} from '../wecom-api/wecom-setting-fields';

/** The WeCom self-built app (企业微信自建应用), as gateway's config schema reads it. All unset: the channel is off. */
export const wecomSettingFields = {
  WECOM_CORP_ID: corpIdField,
  WECOM_AGENT_ID: optionalSetting(z.coerce.number().int().min(1).max(2_147_483_647)),
  WECOM_SECRET: secretField,
  WECOM_TOKEN: callbackTokenField,
  WECOM_ENCODING_AES_KEY: encodingAesKeyField,
  WECOM_API_BASE: apiBaseField,
};

export const wecomSettingsComplete = allOrNone('WECOM_', [
  'WECOM_CORP_ID',
  'WECOM_AGENT_ID',
  'WECOM_SECRET',
  'WECOM_TOKEN',
  'WECOM_ENCODING_AES_KEY',
]);

export interface WeComSettings {
  corpId: string;
  agentId: number;
  secret: string;
  token: string;
  encodingAesKey: string;
  apiBase: string;
}

type WeComConfig = z.infer<ReturnType<typeof z.object<typeof wecomSettingFields>>>;

/** The app's settings when the channel is on, else undefined. */
export function wecomSettingsFrom(config: WeComConfig): WeComSettings | undefined {
  const { WECOM_CORP_ID, WECOM_AGENT_ID, WECOM_SECRET, WECOM_TOKEN, WECOM_ENCODING_AES_KEY } = config;
  if (!WECOM_CORP_ID || !WECOM_AGENT_ID || !WECOM_SECRET || !WECOM_TOKEN || !WECOM_ENCODING_AES_KEY) return undefined;
  return {
    corpId: WECOM_CORP_ID,
    agentId: WECOM_AGENT_ID,
    secret: WECOM_SECRET,
    token: WECOM_TOKEN,
    encodingAesKey: WECOM_ENCODING_AES_KEY,
    apiBase: config.WECOM_API_BASE,
  };
}
