import { TOKEN_REFUSED, WeixinCallFailure } from '../weixin-api';

/** A WeCom API call that did not succeed. The message names the path and the code, never a token or a body. */
export class WeComApiError extends Error {
  readonly failure: WeixinCallFailure['failure'];
  readonly errcode?: number;
  readonly duringTokenFetch: boolean;

  constructor(
    readonly path: string,
    failure: WeixinCallFailure,
  ) {
    super(
      failure.failure === 'vendor'
        ? `WeCom ${path} answered errcode ${failure.errcode}`
        : `WeCom ${path} failed: ${failure.failure}${failure.status ? ` ${failure.status}` : ''}`,
    );
    this.name = 'WeComApiError';
    this.failure = failure.failure;
    this.errcode = failure.errcode;
    this.duringTokenFetch = failure.duringTokenFetch ?? false;
  }
}

/**
 * Codes that say "not now", with how long to wait before the next try: -1 system busy; 45009 calls over the
 * frequency limit (per minute or per day); 45011 calls too frequent; 45033 too many concurrent calls; 45047 too
 * many messages queued for the recipient.
 */
const TRY_LATER_MS = new Map<number, number | undefined>([
  [-1, 1_000],
  [45009, 60_000],
  [45011, 1_000],
  [45033, 1_000],
  [45047, 60_000],
]);

/**
 * Codes that say "never, for this message": the recipient is not reachable (40003 bad UserID, 60111 no such
 * UserID, 81013 every recipient invalid or outside the app's visible range, 82001 invalid recipients), the content
 * is refused (44004 empty text, 45002 too long, 40008 bad msgtype, 40056 bad agentid), or, for 微信客服, the session
 * rules (95000 / 95004 unknown open_kfid, 95001 five messages already sent since the customer last wrote, 95002 /
 * 95024 more than 48 hours since the customer last wrote, 95008 too many menu items). Retrying cannot help.
 */
const REFUSED_FOR_GOOD = new Set([
  40003, 40008, 40056, 44004, 45002, 60111, 81013, 82001, 95000, 95001, 95002, 95004, 95008, 95009, 95024,
]);

/** What a failed call means for the message: worth another try (after `retryAfterMs`), or never. */
export interface ApiFailureVerdict {
  retryable: boolean;
  retryAfterMs?: number;
  /** false: an errcode this code base does not know, judged final so a person reads it rather than a loop. */
  isKnown: boolean;
}

/**
 * Network trouble, 5xx, token trouble and rate limits are worth retrying; codes known to be final, and codes we do
 * not know, are not. A failed gettoken is retryable whatever its code: a wrong secret is fixed in configuration, and
 * the messages should then go out.
 */
export function wecomFailureVerdict(error: WeComApiError): ApiFailureVerdict {
  if (error.failure !== 'vendor' || error.duringTokenFetch) return { retryable: true, isKnown: true };
  const errcode = error.errcode ?? 0;
  if (TRY_LATER_MS.has(errcode)) return { retryable: true, retryAfterMs: TRY_LATER_MS.get(errcode), isKnown: true };
  if (TOKEN_REFUSED.has(errcode)) return { retryable: true, isKnown: true };
  return { retryable: false, isKnown: REFUSED_FOR_GOOD.has(errcode) };
}
