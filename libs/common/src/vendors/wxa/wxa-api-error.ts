import { ApiFailureVerdict } from '../wecom/wecom-api-error';
import { TOKEN_REFUSED, WeixinCallFailure } from '../weixin-api';

/** A call to the mini-program server API that did not succeed. Names the path and the code, never a token or body. */
export class WxaApiError extends Error {
  constructor(
    readonly path: string,
    readonly failure: WeixinCallFailure['failure'],
    readonly errcode?: number,
    /** It was the access-token fetch that failed, not the call itself. */
    readonly duringTokenFetch = false,
  ) {
    super(failure === 'vendor' ? `WeChat ${path} answered errcode ${errcode}` : `WeChat ${path} failed: ${failure}`);
    this.name = 'WxaApiError';
  }
}

/** The user did not subscribe to the template, or has used up what they allowed (订阅消息: one agreement, one message). */
export const NOT_SUBSCRIBED = 43101;

/** "Not now", with how long to wait: -1 system busy; 45009 the daily or per-minute call quota; 45011 too often. */
const TRY_LATER_MS = new Map<number, number>([
  [-1, 1_000],
  [45009, 60_000],
  [45011, 1_000],
]);

/**
 * "Never, for this message": 40003 not an openid of this mini-program; 45015 more than 48 hours since the user last
 * wrote (客服消息 may only answer); 45047 the five answers per user message are spent; 43101 the user did not
 * subscribe, or cancelled (订阅消息); 40037 unknown template; 47003 a template field breaks its rules; 41030 the page
 * is not in the released mini-program; 44002 / 44004 empty body or text; 45002 too long; 48001 the API is not
 * granted to this mini-program.
 */
const REFUSED_FOR_GOOD = new Set([
  40003,
  40037,
  41030,
  NOT_SUBSCRIBED,
  44002,
  44004,
  45002,
  45015,
  45047,
  47003,
  48001,
]);

/**
 * Network trouble, 5xx, token trouble and rate limits are worth retrying; known final codes and unknown codes are
 * not. A failed token fetch is retryable whatever its code: a wrong secret is fixed in configuration.
 */
export function wxaFailureVerdict(error: WxaApiError): ApiFailureVerdict {
  if (error.failure !== 'vendor' || error.duringTokenFetch) return { retryable: true, isKnown: true };
  const errcode = error.errcode ?? 0;
  const waitMs = TRY_LATER_MS.get(errcode);
  if (waitMs !== undefined) return { retryable: true, retryAfterMs: waitMs, isKnown: true };
  if (TOKEN_REFUSED.has(errcode)) return { retryable: true, isKnown: true };
  return { retryable: false, isKnown: REFUSED_FOR_GOOD.has(errcode) };
}
