import { DomainError } from '@libs/common/errors/domain-error';
import { DeliveryFailed } from '../channels/channel-sender';

/** Exponential backoff between attempts at one reply: base·2^(n−1) after the n-th failed attempt, capped. */
export interface Backoff {
  baseMs: number;
  maxMs: number;
}

/** A vendor's "retry after" beyond this is treated as this: an hour late is already very late for a reply. */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/**
 * How long to wait after the `failedAttempt`-th attempt (1-based) failed. Jitter takes up to a quarter off, so that
 * replies failed by one outage do not all come back at the same instant; never sooner than the vendor asked.
 */
export function retryDelayMs(
  failedAttempt: number,
  backoff: Backoff,
  retryAfterMs: number | undefined,
  random: () => number,
): number {
  const exponential = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, failedAttempt - 1));
  const jittered = Math.round(exponential * (1 - 0.25 * random()));
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
}

/** A failed send as the queue keeps it: whether to try again, and what to show an administrator. */
export interface FailureView {
  retryable: boolean;
  vendorCode?: string;
  retryAfterMs?: number;
  /** Redacted and short: it ends up in the dead-letter list. */
  errorText: string;
}

const MAX_ERROR_TEXT = 300;

/**
 * DeliveryFailed says itself whether a retry can help. A DomainError (no contact for the conversation, say) never
 * will. Anything else is a network error or a fault we cannot tell apart from one: retried until attempts run out.
 */
export function describeFailure(error: unknown): FailureView {
  const errorText = redactErrorText(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  if (error instanceof DeliveryFailed) {
    return {
      retryable: error.retryable,
      errorText,
      ...(error.vendorCode !== undefined ? { vendorCode: error.vendorCode.slice(0, 64) } : {}),
      ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
    };
  }
  return { retryable: !(error instanceof DomainError), errorText };
}

/**
 * Vendor messages can quote what they refused (a mobile number, a user id, an e-mail address). Senders are asked not
 * to pass those on, and this is the second line: long digit runs, e-mail addresses and 11-digit mobiles go.
 */
export function redactErrorText(text: string): string {
  const redacted = text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[email]')
    .replace(/\+?\d[\d -]{5,}\d[\dXx]?/g, '[number]')
    .replace(/\s+/g, ' ')
    .trim();
  return redacted.length > MAX_ERROR_TEXT ? `${redacted.slice(0, MAX_ERROR_TEXT - 1)}…` : redacted;
}

export type AfterFailure = { kind: 'retry'; delayMs: number } | { kind: 'dead' };

/** After `attempts` attempts, the last of which failed so: try again later, or give up on this reply. */
export function afterFailure(
  failure: FailureView,
  attempts: number,
  maxAttempts: number,
  backoff: Backoff,
  random: () => number,
): AfterFailure {
  if (!failure.retryable || attempts >= maxAttempts) return { kind: 'dead' };
  return { kind: 'retry', delayMs: retryDelayMs(attempts, backoff, failure.retryAfterMs, random) };
}

/** The oldest reply of a conversation not yet sent or given up. */
export interface QueueHead {
  status: 'pending' | 'sending';
  attempts: number;
  /** pending: not to be tried before this (backoff); null = now. */
  nextAttemptAt: Date | null;
  /** sending: a worker is sending it until this; after it, the worker is presumed gone. */
  leaseUntil: Date | null;
}

export type HeadStep =
  { kind: 'send' } | { kind: 'wait'; until: Date } | { kind: 'busy'; until: Date } | { kind: 'abandon' };

/**
 * What a worker may do with a conversation's head. Later replies wait behind it whatever it does: that is the order.
 * A lapsed lease means a worker died mid-send; the reply is sent again (the vendor may have it already: at least
 * once), unless that was its last attempt, then it is given up.
 */
export function stepFor(head: QueueHead, now: Date, maxAttempts: number): HeadStep {
  if (head.status === 'sending') {
    if (head.leaseUntil && head.leaseUntil > now) return { kind: 'busy', until: head.leaseUntil };
    return head.attempts >= maxAttempts ? { kind: 'abandon' } : { kind: 'send' };
  }
  if (head.nextAttemptAt && head.nextAttemptAt > now) return { kind: 'wait', until: head.nextAttemptAt };
  return { kind: 'send' };
}
