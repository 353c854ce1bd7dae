import type Redis from 'ioredis';
import { CallbackCrypto } from '../wecom-api/callback-crypto';
import { WeComApiClient } from '@libs/common/vendors/wecom/wecom-api-client';
import { WechatKfSettings } from './wechat-kf-settings';

/** 微信客服 when it is configured: its settings, its callback crypto and its API client (own secret, own token). */
export interface WechatKfChannel {
  settings: WechatKfSettings;
  crypto: CallbackCrypto;
  api: WeComApiClient;
}

/** Injection token of the WechatKfChannel, or null when WXKF_* are not set (the channel is off). */
export const WECHAT_KF_CHANNEL = Symbol('WechatKfChannel');

export function wechatKfChannelFor(settings: WechatKfSettings | undefined, redis: Redis): WechatKfChannel | null {
  if (!settings) return null;
  return {
    settings,
    crypto: new CallbackCrypto({
      token: settings.token,
      encodingAesKey: settings.encodingAesKey,
      receiveId: settings.corpId,
    }),
    api: new WeComApiClient({ apiBase: settings.apiBase, corpId: settings.corpId, secret: settings.secret }, redis),
  };
}
