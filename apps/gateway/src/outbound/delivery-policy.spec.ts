import { DomainError } from '@libs/common/errors/domain-error';
import { DeliveryFailed } from '../channels/channel-sender';
import {
  afterFailure,
  describeFailure,
  MAX_RETRY_AFTER_MS,
  redactErrorText,
  retryDelayMs,
  stepFor,
} from './delivery-policy';

const backoff = { baseMs: 5_000, maxMs: 900_000 };
const noJitter = () => 0;
const fullJitter = () => 1;
const at = (iso: string) => new Date(iso);

describe('retry delays', () => {
  it('doubles from the base after each failed attempt', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, backoff, undefined, noJitter))).toEqual([
      5_000, 10_000, 20_000, 40_000, 80_000,
    ]);
  });

  it('stops growing at the cap, however many attempts', () => {
    expect(retryDelayMs(9, backoff, undefined, noJitter)).toBe(900_000);
    expect(retryDelayMs(2000, backoff, undefined, noJitter)).toBe(900_000);
  });

  it('takes at most a quarter off for jitter, never adds', () => {
    expect(retryDelayMs(3, backoff, undefined, fullJitter)).toBe(15_000);
    expect(retryDelayMs(3, backoff, undefined, () => 0.5)).toBe(17_500);
  });

  it('waits at least as long as the vendor asked, up to an hour', () => {
    expect(retryDelayMs(1, backoff, 60_000, noJitter)).toBe(60_000);
    expect(retryDelayMs(5, backoff, 1_000, noJitter)).toBe(80_000);
    expect(retryDelayMs(1, backoff, 24 * 3600_000, noJitter)).toBe(MAX_RETRY_AFTER_MS);
  });
});

describe('what happens after a failed attempt', () => {
  const retryable = { retryable: true, errorText: 'x' };

  it('retries a retryable failure with the backoff of that attempt', () => {
    expect(afterFailure(retryable, 2, 8, backoff, noJitter)).toEqual({ kind: 'retry', delayMs: 10_000 });
  });

  it('honours the vendor retry-after', () => {
    expect(afterFailure({ ...retryable, retryAfterMs: 30_000 }, 1, 8, backoff, noJitter)).toEqual({
      kind: 'retry',
      delayMs: 30_000,
    });
  });

  it('gives up once the attempts are spent', () => {
    expect(afterFailure(retryable, 8, 8, backoff, noJitter)).toEqual({ kind: 'dead' });
    expect(afterFailure(retryable, 7, 8, backoff, noJitter).kind).toBe('retry');
  });

  it('gives up at once on a refusal for good', () => {
    expect(afterFailure({ retryable: false, errorText: 'x' }, 1, 8, backoff, noJitter)).toEqual({ kind: 'dead' });
  });
});

describe('describing a failure', () => {
  it('keeps what DeliveryFailed says', () => {
    const failure = describeFailure(new DeliveryFailed('api freq out of limit', true, '45009', 2_000));
    expect(failure).toEqual({
      retryable: true,
      vendorCode: '45009',
      retryAfterMs: 2_000,
      errorText: 'DeliveryFailed: api freq out of limit',
    });
  });

  it('does not retry a domain error', () => {
    expect(describeFailure(new DomainError('not_found', 'conversation has no channel contact')).retryable).toBe(false);
  });

  it('retries a network error', () => {
    expect(describeFailure(new TypeError('fetch failed'))).toEqual({
      retryable: true,
      errorText: 'TypeError: fetch failed',
    });
  });
});

describe('redacting error texts', () => {
  it('removes mobile numbers, e-mail addresses and long digit runs, keeps short vendor codes', () => {
    expect(
      redactErrorText('invalid mobile 13812345678 (+86 138 1234 5678), cc zhang.san@example.gov.cn, errcode 1016'),
    ).toBe('invalid mobile [number] ([number]), cc [email], errcode 1016');
  });

  it('keeps the text short', () => {
    const text = redactErrorText('很长的错误'.repeat(200));
    expect(text.length).toBe(300);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('the head of a conversation queue', () => {
  const now = at('2026-11-27T10:00:00Z');

  it('is sent when nothing holds it back', () => {
    expect(stepFor({ status: 'pending', attempts: 0, nextAttemptAt: null, leaseUntil: null }, now, 8)).toEqual({
      kind: 'send',
    });
  });

  it('waits out its backoff', () => {
    const until = at('2026-11-27T10:00:05Z');
    expect(stepFor({ status: 'pending', attempts: 2, nextAttemptAt: until, leaseUntil: null }, now, 8)).toEqual({
      kind: 'wait',
      until,
    });
    expect(
      stepFor({ status: 'pending', attempts: 2, nextAttemptAt: at('2026-11-27T09:59:59Z'), leaseUntil: null }, now, 8),
    ).toEqual({ kind: 'send' });
  });

  it('is busy while another worker holds its lease', () => {
    const until = at('2026-11-27T10:00:30Z');
    expect(stepFor({ status: 'sending', attempts: 1, nextAttemptAt: null, leaseUntil: until }, now, 8)).toEqual({
      kind: 'busy',
      until,
    });
  });

  it('is sent again after a lapsed lease, or given up when that was its last attempt', () => {
    const lapsed = { status: 'sending' as const, nextAttemptAt: null, leaseUntil: at('2026-11-27T09:59:00Z') };
    expect(stepFor({ ...lapsed, attempts: 3 }, now, 8)).toEqual({ kind: 'send' });
    expect(stepFor({ ...lapsed, attempts: 8 }, now, 8)).toEqual({ kind: 'abandon' });
  });
});
