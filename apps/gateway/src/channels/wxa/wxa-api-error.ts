import { WeComApiError } from '@libs/common/vendors/wecom/wecom-api-error';
import { WxaApiError, wxaFailureVerdict } from '@libs/common/vendors/wxa/wxa-api-error';
import { DeliveryFailed } from '../channel-sender';
import { deliveryFailedFrom } from '../wecom-api/wecom-api-error';

/**
 * How a failed send is reported to the outbound queue (the codes are judged in wxaFailureVerdict): retryable ones are
 * tried again; known final codes and unknown codes go to the dead letters (a person reads the code and replays).
 */
export function wxaDeliveryFailed(error: WxaApiError): DeliveryFailed {
  const code = error.errcode === undefined ? undefined : String(error.errcode);
  const verdict = wxaFailureVerdict(error);
  const message = verdict.isKnown ? error.message : `${error.message} (a code this gateway does not know: not retried)`;
  return new DeliveryFailed(message, verdict.retryable, code, verdict.retryAfterMs);
}

/** For a sender's `.catch`: a WeChat failure becomes the DeliveryFailed the outbound queue understands. */
export function rethrowAsDeliveryFailed(error: unknown): never {
  if (error instanceof WxaApiError) throw wxaDeliveryFailed(error);
  // The shared token cache gives up waiting for another process's refresh with its own (retryable) error.
  if (error instanceof WeComApiError) throw deliveryFailedFrom(error);
  throw error;
}
