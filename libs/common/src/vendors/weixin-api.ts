import type Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { IssuedToken, SharedAccessToken, SharedAccessTokenTiming } from './wecom/shared-access-token';

/** How one call failed: `vendor` an errcode; `network` no answer in time or no connection; `http` a status other
 * than 200; `malformed` a 200 whose body is not the documented JSON. */
export interface WeixinCallFailure {
  failure: 'vendor' | 'network' | 'http' | 'malformed';
  errcode?: number;
  status?: number;
  /** It was the access-token fetch that failed, not the call itself. */
  duringTokenFetch?: boolean;
}

/**
 * The access token was refused (invalid, expired or replaced): fetch a new one and call again, once. 40001 is also
 * gettoken's "bad secret".
 */
export const TOKEN_REFUSED = new Set([40001, 40014, 42001]);

const Errcode = z.object({ errcode: z.number().int().default(0) });
const TokenAnswer = z.object({ access_token: z.string().min(1).max(2048), expires_in: z.number().int().positive() });

export interface WeixinApiOptions {
  /** https://qyapi.weixin.qq.com or https://api.weixin.qq.com, or a stand-in that speaks the same API. */
  apiBase: string;
  redis: Redis;
  /**
   * Names the shared token in Redis. The secret itself never goes there, only a digest naming which secret the
   * token belongs to; the key keeps the `gateway:` name it had when only the gateway used it, so the gateway and
   * the notifier share one token.
   */
  token: { vendor: 'wecom' | 'wxa'; account: string; secret: string; timing?: SharedAccessTokenTiming };
  timeoutMs: number;
  /** The vendor's own error for a failed call. */
  error: (path: string, failure: WeixinCallFailure) => Error;
  /** Fetches a new access token, with `request` and `tokenFrom` of this same API. */
  issueToken: () => Promise<IssuedToken>;
  /** Told when the platform refused the token we held, before the fresh one is fetched. */
  onTokenRefused?: () => void;
}

/**
 * What WeCom's server API (qyapi) and WeChat's (api.weixin.qq.com) have in common: JSON answers with an errcode (0 or
 * absent on success), an access_token in the query, shared through Redis (one fetch however many senders find it
 * missing), and a call refused for its token made once more with a fresh one. Any other failure is the vendor's
 * error, for the caller to judge.
 */
export class WeixinApi {
  private readonly token: SharedAccessToken;
  private readonly apiBase: string;

  constructor(private readonly options: WeixinApiOptions) {
    this.apiBase = options.apiBase.replace(/\/+$/, '');
    const { vendor, account, secret, timing } = options.token;
    const secretTag = createHash('sha256').update(secret).digest('hex').slice(0, 16);
    const key = `gateway:${vendor}:access-token:${account}:${secretTag}`;
    this.token = new SharedAccessToken(options.redis, key, options.issueToken, timing);
  }

  /** POSTs JSON to an API path (e.g. /cgi-bin/message/send) and reads the answer with its schema. */
  async post<S extends z.ZodType>(path: string, body: unknown, answer: S): Promise<z.infer<S>> {
    const token = await this.token.current();
    const first = await this.request(path, { query: { access_token: token }, body });
    if (!TOKEN_REFUSED.has(first.errcode)) return this.read(path, first, answer);
    await this.token.invalidate(token);
    this.options.onTokenRefused?.();
    return this.read(
      path,
      await this.request(path, { query: { access_token: await this.token.current() }, body }),
      answer,
    );
  }

  /** The token in a token endpoint's answer (gettoken, stable_token), or the vendor's error. */
  tokenFrom(path: string, raw: { errcode: number; body: unknown }): IssuedToken {
    if (raw.errcode !== 0) throw this.failed(path, 'vendor', true, raw.errcode);
    const parsed = TokenAnswer.safeParse(raw.body);
    if (!parsed.success) throw this.failed(path, 'malformed', true);
    return { accessToken: parsed.data.access_token, expiresInSeconds: parsed.data.expires_in };
  }

  /** One call: GET without a body, POST of JSON with one; the answer's errcode and body. */
  async request(
    path: string,
    call: { query?: Record<string, string>; body?: unknown },
    duringTokenFetch = false,
  ): Promise<{ errcode: number; body: unknown }> {
    const query = call.query ? `?${new URLSearchParams(call.query)}` : '';
    let response: Response;
    try {
      response = await fetch(`${this.apiBase}${path}${query}`, {
        ...(call.body === undefined
          ? { method: 'GET' }
          : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(call.body) }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch {
      throw this.failed(path, 'network', duringTokenFetch);
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      throw this.options.error(path, { failure: 'http', status: response.status, duringTokenFetch });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw this.failed(path, 'malformed', duringTokenFetch);
    }
    const errcode = Errcode.safeParse(body);
    if (!errcode.success) throw this.failed(path, 'malformed', duringTokenFetch);
    return { errcode: errcode.data.errcode, body };
  }

  private read<S extends z.ZodType>(path: string, raw: { errcode: number; body: unknown }, answer: S): z.infer<S> {
    if (raw.errcode !== 0) throw this.failed(path, 'vendor', false, raw.errcode);
    const parsed = answer.safeParse(raw.body);
    if (!parsed.success) throw this.failed(path, 'malformed', false);
    return parsed.data;
  }

  private failed(
    path: string,
    failure: 'vendor' | 'network' | 'malformed',
    duringTokenFetch: boolean,
    errcode?: number,
  ) {
    return this.options.error(path, { failure, errcode, duringTokenFetch });
  }
}
