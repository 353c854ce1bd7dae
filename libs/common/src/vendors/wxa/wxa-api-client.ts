import type Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { IssuedToken, SharedAccessToken, SharedAccessTokenTiming } from '../wecom/shared-access-token';
import { TOKEN_REFUSED, WxaApiError } from './wxa-api-error';

export interface WxaApiSettings {
  /** https://api.weixin.qq.com, or a stand-in that speaks the same API. */
  apiBase: string;
  appId: string;
  secret: string;
}

const Errcode = z.object({ errcode: z.number().int().default(0) });
const TokenAnswer = z.object({ access_token: z.string().min(1).max(2048), expires_in: z.number().int().positive() });
const STABLE_TOKEN_PATH = '/cgi-bin/stable_token';

/**
 * The mini-program server API (api.weixin.qq.com) for one AppID: every call carries the access_token shared through
 * Redis (one fetch however many senders find it missing), and a call refused for its token (40001, 40014, 42001) is
 * made once more with a fresh one. Any other failure is a WxaApiError for the caller to judge.
 *
 * The token comes from stable_token, not /cgi-bin/token: each /cgi-bin/token call replaces the AppID's token, so any
 * other backend of the same mini-program fetching one would cut this app off (and the reverse). stable_token
 * hands everyone the same token until it expires; force_refresh, which the platform allows a few times a day, is
 * used only after the platform refused the token we hold.
 */
export class WxaApiClient {
  private readonly token: SharedAccessToken;
  private readonly apiBase: string;
  private isForceRefreshDue = false;

  constructor(
    private readonly settings: WxaApiSettings,
    redis: Redis,
    private readonly timeoutMs = 5_000,
    tokenTiming?: SharedAccessTokenTiming,
  ) {
    this.apiBase = settings.apiBase.replace(/\/+$/, '');
    // The secret itself never goes to Redis, only a digest naming which secret the token belongs to.
    // The key keeps the name it had when only the gateway used it: the gateway and the notifier share one token.
    const secretTag = createHash('sha256').update(settings.secret).digest('hex').slice(0, 16);
    const key = `gateway:wxa:access-token:${settings.appId}:${secretTag}`;
    this.token = new SharedAccessToken(redis, key, () => this.issueToken(), tokenTiming);
  }

  /** POSTs JSON to an API path (e.g. /cgi-bin/message/custom/send) and reads the answer with its schema. */
  async post<S extends z.ZodType>(path: string, body: unknown, answer: S): Promise<z.infer<S>> {
    const token = await this.token.current();
    const first = await this.call(path, token, body);
    if (!TOKEN_REFUSED.has(first.errcode)) return this.read(path, first, answer);
    await this.token.invalidate(token);
    this.isForceRefreshDue = true;
    return this.read(path, await this.call(path, await this.token.current(), body), answer);
  }

  private read<S extends z.ZodType>(path: string, raw: { errcode: number; body: unknown }, answer: S): z.infer<S> {
    if (raw.errcode !== 0) throw new WxaApiError(path, 'vendor', raw.errcode);
    const parsed = answer.safeParse(raw.body);
    if (!parsed.success) throw new WxaApiError(path, 'malformed');
    return parsed.data;
  }

  private call(path: string, token: string, body: unknown) {
    return this.fetchJson(path, `${this.apiBase}${path}?access_token=${encodeURIComponent(token)}`, body);
  }

  private async issueToken(): Promise<IssuedToken> {
    const forceRefresh = this.isForceRefreshDue;
    this.isForceRefreshDue = false;
    const raw = await this.fetchJson(
      STABLE_TOKEN_PATH,
      `${this.apiBase}${STABLE_TOKEN_PATH}`,
      {
        grant_type: 'client_credential',
        appid: this.settings.appId,
        secret: this.settings.secret,
        force_refresh: forceRefresh,
      },
      true,
    );
    if (raw.errcode !== 0) throw new WxaApiError(STABLE_TOKEN_PATH, 'vendor', raw.errcode, true);
    const parsed = TokenAnswer.safeParse(raw.body);
    if (!parsed.success) throw new WxaApiError(STABLE_TOKEN_PATH, 'malformed', undefined, true);
    return { accessToken: parsed.data.access_token, expiresInSeconds: parsed.data.expires_in };
  }

  private async fetchJson(
    path: string,
    url: string,
    body: unknown,
    duringTokenFetch = false,
  ): Promise<{ errcode: number; body: unknown }> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      throw new WxaApiError(path, 'network', undefined, duringTokenFetch);
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new WxaApiError(path, 'http', undefined, duringTokenFetch);
    }
    let answer: unknown;
    try {
      answer = await response.json();
    } catch {
      throw new WxaApiError(path, 'malformed', undefined, duringTokenFetch);
    }
    const errcode = Errcode.safeParse(answer);
    if (!errcode.success) throw new WxaApiError(path, 'malformed', undefined, duringTokenFetch);
    return { errcode: errcode.data.errcode, body: answer };
  }
}
