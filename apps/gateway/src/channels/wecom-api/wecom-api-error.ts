import { WeComApiError, wecomFailureVerdict } from '@libs/common/vendors/wecom/wecom-api-error';
import { DeliveryFailed } from '../channel-sender';

/**
 * How a failed send is reported to the outbound queue (the codes are judged in wecomFailureVerdict): retryable ones
 * are tried again; final and unknown ones reach the dead letters, where a person can read the code and replay.
 */
export function deliveryFailedFrom(error: WeComApiError): DeliveryFailed {
  const code = error.errcode === undefined ? undefined : String(error.errcode);
  const verdict = wecomFailureVerdict(error);
  const message = verdict.isKnown ? error.message : `${error.message} (a code this gateway does not know: not retried)`;
  return new DeliveryFailed(message, verdict.retryable, code, verdict.retryAfterMs);
}

/** For a sender's `.catch`: a WeCom failure becomes the DeliveryFailed the outbound queue understands. */
export function rethrowAsDeliveryFailed(error: unknown): never {
  throw error instanceof WeComApiError ? deliveryFailedFrom(error) : error;
}
