import { DeliveryFailed } from '../channel-sender';
import { deliveryFailedFrom, WeComApiError } from '../wecom-api/wecom-api-error';

export type WxaApiFailure = 'vendor' | 'network' | 'http' | 'malformed';

/** A call to the mini-program server API that did not succeed. Names the path and the code, never a token or body. */
export class WxaApiError extends Error {
  constructor(
    readonly path: string,
    readonly failure: WxaApiFailure,
    readonly errcode?: number,
    /** It was the access-token fetch that failed, not the call itself. */
    readonly duringTokenFetch = false,
  ) {
    super(failure === 'vendor' ? `WeChat ${path} answered errcode ${errcode}` : `WeChat ${path} failed: ${failure}`);
    this.name = 'WxaApiError';
  }
}

/** The access token was refused (invalid, expired, or replaced): fetch a new one and call again, once. */
export const TOKEN_REFUSED = new Set([40001, 40014, 42001]);

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
const REFUSED_FOR_GOOD = new Set([40003, 40037, 41030, 43101, 44002, 44004, 45002, 45015, 45047, 47003, 48001]);

/**
 * How a failed send is reported to the outbound queue: network trouble, 5xx, token trouble and rate limits are
 * retried; known final codes and unknown codes go to the dead letters (a person reads the code and replays). A failed
 * token fetch is retryable whatever its code: a wrong secret is fixed in configuration, and the replies then go out.
 */
export function wxaDeliveryFailed(error: WxaApiError): DeliveryFailed {
  const code = error.errcode === undefined ? undefined : String(error.errcode);
  if (error.failure !== 'vendor' || error.duringTokenFetch) return new DeliveryFailed(error.message, true, code);
  const errcode = error.errcode ?? 0;
  const waitMs = TRY_LATER_MS.get(errcode);
  if (waitMs !== undefined) return new DeliveryFailed(error.message, true, code, waitMs);
  if (TOKEN_REFUSED.has(errcode)) return new DeliveryFailed(error.message, true, code);
  if (REFUSED_FOR_GOOD.has(errcode)) return new DeliveryFailed(error.message, false, code);
  return new DeliveryFailed(`${error.message} (a code this gateway does not know: not retried)`, false, code);
}

/** For a sender's `.catch`: a WeChat failure becomes the DeliveryFailed the outbound queue understands. */
export function rethrowAsDeliveryFailed(error: unknown): never {
  if (error instanceof WxaApiError) throw wxaDeliveryFailed(error);
  // The shared token cache gives up waiting for another process's refresh with its own (retryable) error.
  if (error instanceof WeComApiError) throw deliveryFailedFrom(error);
  throw error;
}
