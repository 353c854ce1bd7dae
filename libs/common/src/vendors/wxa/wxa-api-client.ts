import type Redis from 'ioredis';
import { z } from 'zod';
import { WeixinApi } from '../weixin-api';
import { SharedAccessTokenTiming } from '../wecom/shared-access-token';
import { WxaApiError } from './wxa-api-error';

export interface WxaApiSettings {
  /** https://api.weixin.qq.com, or a stand-in that speaks the same API. */
  apiBase: string;
  appId: string;
  secret: string;
}

const STABLE_TOKEN_PATH = '/cgi-bin/stable_token';

/**
 * The mini-program server API (api.weixin.qq.com) for one AppID: every call carries the shared access_token, and a
 * call refused for its token (40001, 40014, 42001) is made once more with a fresh one. Any other failure is a
 * WxaApiError for the caller to judge.
 *
 * The token comes from stable_token, not /cgi-bin/token: each /cgi-bin/token call replaces the AppID's token, so any
 * other backend of the same mini-program fetching one would cut this app off (and the reverse). stable_token
 * hands everyone the same token until it expires; force_refresh, which the platform allows a few times a day, is
 * used only after the platform refused the token we hold.
 */
export class WxaApiClient {
  private readonly api: WeixinApi;
  private isForceRefreshDue = false;

  constructor(settings: WxaApiSettings, redis: Redis, timeoutMs = 5_000, tokenTiming?: SharedAccessTokenTiming) {
    this.api = new WeixinApi({
      apiBase: settings.apiBase,
      redis,
      token: { vendor: 'wxa', account: settings.appId, secret: settings.secret, timing: tokenTiming },
      timeoutMs,
      error: (path, failure) => new WxaApiError(path, failure.failure, failure.errcode, failure.duringTokenFetch),
      issueToken: async () => {
        const forceRefresh = this.isForceRefreshDue;
        this.isForceRefreshDue = false;
        const body = {
          grant_type: 'client_credential',
          appid: settings.appId,
          secret: settings.secret,
          force_refresh: forceRefresh,
        };
        return this.api.tokenFrom(STABLE_TOKEN_PATH, await this.api.request(STABLE_TOKEN_PATH, { body }, true));
      },
      onTokenRefused: () => (this.isForceRefreshDue = true),
    });
  }

  /** POSTs JSON to an API path (e.g. /cgi-bin/message/custom/send) and reads the answer with its schema. */
  post<S extends z.ZodType>(path: string, body: unknown, answer: S): Promise<z.infer<S>> {
    return this.api.post(path, body, answer);
  }
}
