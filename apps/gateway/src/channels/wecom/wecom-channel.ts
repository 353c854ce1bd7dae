import type Redis from 'ioredis';
import { CallbackCrypto } from '../wecom-api/callback-crypto';
import { WeComApiClient } from '@libs/common/vendors/wecom/wecom-api-client';
import { WeComSettings } from './wecom-settings';

/** The self-built app when it is configured: its settings, its callback crypto and its API client. */
export interface WeComChannel {
  settings: WeComSettings;
  crypto: CallbackCrypto;
  api: WeComApiClient;
}

/** Injection token of the WeComChannel, or null when WECOM_* are not set (the channel is off). */
export const WECOM_CHANNEL = Symbol('WeComChannel');

export function weComChannelFor(settings: WeComSettings | undefined, redis: Redis): WeComChannel | null {
  if (!settings) return null;
  return {
    settings,
    // A self-built app's messages are addressed to the corp: the receiveid is the CorpID.
    crypto: new CallbackCrypto({
      token: settings.token,
      encodingAesKey: settings.encodingAesKey,
      receiveId: settings.corpId,
    }),
    api: new WeComApiClient({ apiBase: settings.apiBase, corpId: settings.corpId, secret: settings.secret }, redis),
  };
}
