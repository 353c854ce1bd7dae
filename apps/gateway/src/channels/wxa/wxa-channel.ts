import type Redis from 'ioredis';
import { CallbackCrypto } from '../wecom-api/callback-crypto';
import { WxaApiClient } from '@libs/common/vendors/wxa/wxa-api-client';
import { WxaSettings } from './wxa-settings';
import { WxaSubscribeMessages } from '@libs/common/vendors/wxa/wxa-subscribe-messages';

/** The mini-program when it is configured: its settings, its push crypto, its API client and subscribe messages. */
export interface WxaChannel {
  settings: WxaSettings;
  crypto: CallbackCrypto;
  api: WxaApiClient;
  subscribeMessages: WxaSubscribeMessages;
}

/** Injection token of the WxaChannel, or null when WXA_* are not set (the channel is off). */
export const WXA_CHANNEL = Symbol('WxaChannel');

export function wxaChannelFor(settings: WxaSettings | undefined, redis: Redis): WxaChannel | null {
  if (!settings) return null;
  const api = new WxaApiClient({ apiBase: settings.apiBase, appId: settings.appId, secret: settings.secret }, redis);
  return {
    settings,
    // Safe mode (安全模式) seals pushes exactly as WeCom seals callbacks, with the AppID as the receiveid.
    crypto: new CallbackCrypto({
      token: settings.token,
      encodingAesKey: settings.encodingAesKey,
      receiveId: settings.appId,
    }),
    api,
    subscribeMessages: new WxaSubscribeMessages(api, settings.templates),
  };
}
