import type Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { IssuedToken, SharedAccessToken, SharedAccessTokenTiming } from './shared-access-token';
import { TOKEN_REFUSED, WeComApiError } from './wecom-api-error';

export interface WeComApiSettings {
  /** https://qyapi.weixin.qq.com, or a stand-in that speaks the same API. */
  apiBase: string;
  corpId: string;
  /** The secret of the app (自建应用) or of 微信客服: each has its own access_token. */
  secret: string;
}

const Errcode = z.object({ errcode: z.number().int().default(0) });
const GetTokenAnswer = z.object({ access_token: z.string().min(1).max(2048), expires_in: z.number().int().positive() });

/**
 * The WeCom server API (qyapi) for one corp and secret: every call carries the shared access_token, and a call the
 * platform answers with an expired or invalid token (40014, 42001, 40001) is made once more with a fresh one.
 * Any other failure is a WeComApiError for the caller to judge.
 */
export class WeComApiClient {
  private readonly token: SharedAccessToken;
  private readonly apiBase: string;

  constructor(
    private readonly settings: WeComApiSettings,
    redis: Redis,
    private readonly timeoutMs = 5_000,
    tokenTiming?: SharedAccessTokenTiming,
  ) {
    this.apiBase = settings.apiBase.replace(/\/+$/, '');
    // The secret itself never goes to Redis, only a digest naming which secret the token belongs to.
    // The key keeps the name it had when only the gateway used it: the gateway and the notifier share one token.
    const secretTag = createHash('sha256').update(settings.secret).digest('hex').slice(0, 16);
    const key = `gateway:wecom:access-token:${settings.corpId}:${secretTag}`;
    this.token = new SharedAccessToken(redis, key, () => this.issueToken(), tokenTiming);
  }

  /** POSTs JSON to an API path (e.g. /cgi-bin/message/send) and reads the answer with its schema. */
  async post<S extends z.ZodType>(path: string, body: unknown, answer: S): Promise<z.infer<S>> {
    const token = await this.token.current();
    const first = await this.call(path, token, body);
    if (!TOKEN_REFUSED.has(first.errcode)) return this.read(path, first, answer);
    await this.token.invalidate(token);
    return this.read(path, await this.call(path, await this.token.current(), body), answer);
  }

  private read<S extends z.ZodType>(path: string, raw: { errcode: number; body: unknown }, answer: S): z.infer<S> {
    if (raw.errcode !== 0) throw new WeComApiError(path, { failure: 'vendor', errcode: raw.errcode });
    const parsed = answer.safeParse(raw.body);
    if (!parsed.success) throw new WeComApiError(path, { failure: 'malformed' });
    return parsed.data;
  }

  private call(path: string, token: string, body: unknown) {
    const url = `${this.apiBase}${path}?access_token=${encodeURIComponent(token)}`;
    return this.fetchJson(path, url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  private async issueToken(): Promise<IssuedToken> {
    const path = '/cgi-bin/gettoken';
    const query = new URLSearchParams({ corpid: this.settings.corpId, corpsecret: this.settings.secret });
    const raw = await this.fetchJson(path, `${this.apiBase}${path}?${query}`, { method: 'GET' }, true);
    if (raw.errcode !== 0) {
      throw new WeComApiError(path, { failure: 'vendor', errcode: raw.errcode, duringTokenFetch: true });
    }
    const parsed = GetTokenAnswer.safeParse(raw.body);
    if (!parsed.success) throw new WeComApiError(path, { failure: 'malformed', duringTokenFetch: true });
    return { accessToken: parsed.data.access_token, expiresInSeconds: parsed.data.expires_in };
  }

  private async fetchJson(
    path: string,
    url: string,
    init: RequestInit,
    duringTokenFetch = false,
  ): Promise<{ errcode: number; body: unknown }> {
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch {
      throw new WeComApiError(path, { failure: 'network', duringTokenFetch });
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new WeComApiError(path, { failure: 'http', status: response.status, duringTokenFetch });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new WeComApiError(path, { failure: 'malformed', duringTokenFetch });
    }
    const errcode = Errcode.safeParse(body);
    if (!errcode.success) throw new WeComApiError(path, { failure: 'malformed', duringTokenFetch });
    return { errcode: errcode.data.errcode, body };
  }
}
