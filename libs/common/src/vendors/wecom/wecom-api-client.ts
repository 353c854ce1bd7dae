import type Redis from 'ioredis';
import { z } from 'zod';
import { WeixinApi } from '../weixin-api';
import { SharedAccessTokenTiming } from './shared-access-token';
import { WeComApiError } from './wecom-api-error';

export interface WeComApiSettings {
  /** https://qyapi.weixin.qq.com, or a stand-in that speaks the same API. */
  apiBase: string;
  corpId: string;
  /** The secret of the app (自建应用) or of 微信客服: each has its own access_token. */
  secret: string;
}

const GETTOKEN_PATH = '/cgi-bin/gettoken';

/**
 * The WeCom server API (qyapi) for one corp and secret: every call carries the shared access_token from gettoken,
 * and a call refused for its token (40014, 42001, 40001) is made once more with a fresh one. Any other failure is a
 * WeComApiError for the caller to judge.
 */
export class WeComApiClient {
  private readonly api: WeixinApi;

  constructor(settings: WeComApiSettings, redis: Redis, timeoutMs = 5_000, tokenTiming?: SharedAccessTokenTiming) {
    this.api = new WeixinApi({
      apiBase: settings.apiBase,
      redis,
      token: { vendor: 'wecom', account: settings.corpId, secret: settings.secret, timing: tokenTiming },
      timeoutMs,
      error: (path, failure) => new WeComApiError(path, failure),
      issueToken: async () => {
        const query = { corpid: settings.corpId, corpsecret: settings.secret };
        return this.api.tokenFrom(GETTOKEN_PATH, await this.api.request(GETTOKEN_PATH, { query }, true));
      },
    });
  }

  /** POSTs JSON to an API path (e.g. /cgi-bin/message/send) and reads the answer with its schema. */
  post<S extends z.ZodType>(path: string, body: unknown, answer: S): Promise<z.infer<S>> {
    return this.api.post(path, body, answer);
  }
}
