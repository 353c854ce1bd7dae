import { DeliveryFailed } from '../channel-sender';
import { SmsVendorFailure } from '@libs/common/vendors/sms/sms-vendor-failure';

/**
 * What the queue is told when no vendor took a part: retry later if some vendor failed only for now and none refused
 * the number or content for good; wait at least as long as the soonest vendor asked.
 */
export function deliveryFailedAfter(failures: readonly SmsVendorFailure[]): DeliveryFailed {
  const refusal = failures.find((failure) => failure.kind === 'recipient');
  const transient = failures.filter((failure) => failure.kind === 'transient');
  const retryable = !refusal && transient.length > 0;
  const decisive = refusal ?? transient[0] ?? failures[0];
  const waits = transient.map((failure) => failure.retryAfterMs).filter((ms): ms is number => ms !== undefined);
  const summary = failures.map((failure) => `${failure.vendor} ${failure.code} (${failure.kind})`).join('; ');
  return new DeliveryFailed(
    `SMS not sent: ${summary || 'no vendor tried'}`,
    retryable,
    decisive?.code,
    retryable && waits.length > 0 ? Math.min(...waits) : undefined,
  );
}
