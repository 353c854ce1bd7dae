export type SmsVendorName = 'tencent' | 'aliyun';

/**
 * Why a vendor did not take a message, as it matters for what to do next:
 * - `transient`: the network, a 5xx, a throttle or a quota. Try the other vendor now, this one later.
 * - `vendor`: this vendor cannot send for us (keys, sign, template, balance, a parameter it finds too long). The other
 *   vendor may; retrying here will not help until an operator fixes it.
 * - `recipient`: the number or the content is refused for good (invalid or unsubscribed number, banned words). No
 *   vendor will do better.
 */
export type SmsFailureKind = 'transient' | 'vendor' | 'recipient';

export class SmsVendorFailure extends Error {
  constructor(
    readonly vendor: SmsVendorName,
    readonly kind: SmsFailureKind,
    /** The vendor's own code (`LimitExceeded.PhoneNumberDailyLimit`, `isv.BUSINESS_LIMIT_CONTROL`) or the network's. */
    readonly code: string,
    /** Vendor messages can quote the number: never put them here. */
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SmsVendorFailure';
  }
}

export interface Classified {
  kind: SmsFailureKind;
  retryAfterMs?: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Tencent Cloud SMS codes (API 3.0 common codes and SendStatus codes of SendSms 2021-01-11). */
export function classifyTencentCode(code: string): Classified {
  const limits: Record<string, number> = {
    'LimitExceeded.PhoneNumberThirtySecondLimit': 30_000,
    'LimitExceeded.PhoneNumberOneHourLimit': HOUR,
    'LimitExceeded.PhoneNumberDailyLimit': HOUR,
    'LimitExceeded.PhoneNumberSameContentDailyLimit': HOUR,
    'LimitExceeded.DailyLimit': HOUR,
    'LimitExceeded.AppDailyLimit': HOUR,
    'LimitExceeded.DeliveryFrequencyLimit': MINUTE,
  };
  if (code in limits) return { kind: 'transient', retryAfterMs: limits[code] };
  if (code.startsWith('RequestLimitExceeded') || code.startsWith('LimitExceeded')) {
    return { kind: 'transient', retryAfterMs: 1_000 };
  }
  const recipient = [
    'InvalidParameterValue.IncorrectPhoneNumber',
    'FailedOperation.PhoneNumberInBlacklist',
    'FailedOperation.PhoneNumberOnBlacklist',
    'FailedOperation.ContainSensitiveWord',
    'UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber',
    'UnsupportedOperation.UnsupportedRegion',
    'InvalidParameterValue.ProhibitedUseUrlInTemplateParameter',
  ];
  if (recipient.includes(code)) return { kind: 'recipient' };
  if (
    [
      'InternalError.SigVerificationFail',
      'InternalError.SigFieldMissing',
      'InternalError.RestApiInterfaceNotExist',
    ].includes(code)
  ) {
    return { kind: 'vendor' };
  }
  if (code.startsWith('InternalError') || code === 'ResourceUnavailable' || code.startsWith('ServiceUnavailable')) {
    return { kind: 'transient' };
  }
  // AuthFailure.*, UnauthorizedOperation.*, FailedOperation.*IncorrectOrUnapproved, InsufficientBalance…, and codes
  // we do not know: this vendor, not the citizen.
  return { kind: 'vendor' };
}

/** Aliyun dysmsapi codes (SendSms Code, and the OpenAPI gateway's error codes). */
export function classifyAliyunCode(code: string): Classified {
  if (code === 'isv.BUSINESS_LIMIT_CONTROL') return { kind: 'transient', retryAfterMs: MINUTE };
  if (code === 'isv.DAY_LIMIT_CONTROL' || code === 'isv.MONTH_LIMIT_CONTROL') {
    return { kind: 'transient', retryAfterMs: HOUR };
  }
  if (code.startsWith('Throttling')) return { kind: 'transient', retryAfterMs: 1_000 };
  if (
    ['isp.SYSTEM_ERROR', 'isp.GATEWAY_ERROR', 'ServiceUnavailable', 'InternalError', 'isv.SYSTEM_ERROR'].includes(code)
  ) {
    return { kind: 'transient' };
  }
  if (code.startsWith('ServiceUnavailable') || code.startsWith('InternalError')) return { kind: 'transient' };
  const recipient = [
    'isv.MOBILE_NUMBER_ILLEGAL',
    'isv.BLACK_KEY_CONTROL_LIMIT',
    'isv.SMS_CONTENT_ILLEGAL',
    'isv.CUSTOMER_REFUSED',
  ];
  if (recipient.includes(code)) return { kind: 'recipient' };
  // isv.SMS_TEMPLATE_ILLEGAL, isv.SMS_SIGNATURE_ILLEGAL, isv.PARAM_LENGTH_LIMIT, isv.AMOUNT_NOT_ENOUGH,
  // isv.OUT_OF_SERVICE, isv.DENY_IP_RANGE, InvalidAccessKeyId.NotFound, SignatureDoesNotMatch…, and unknown codes.
  return { kind: 'vendor' };
}

/** A request that got no (readable) answer: nothing was refused, so it is worth trying elsewhere and again. */
export function networkFailure(vendor: SmsVendorName, error: unknown): SmsVendorFailure {
  // Read by name, not instanceof: fetch rejects with a DOMException, which may come from another realm.
  const name =
    error && typeof error === 'object' && 'name' in error && typeof error.name === 'string' ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError' || /timeout/i.test(name)) {
    return new SmsVendorFailure(vendor, 'transient', 'timeout', 'SendSms timed out');
  }
  if (name === 'SyntaxError') {
    return new SmsVendorFailure(vendor, 'transient', 'bad_response', 'SendSms answered with something other than JSON');
  }
  const codeOf = (value: unknown) =>
    value && typeof value === 'object' && 'code' in value && typeof value.code === 'string' ? value.code : undefined;
  const cause = error && typeof error === 'object' && 'cause' in error ? error.cause : undefined;
  const code = codeOf(error) ?? codeOf(cause) ?? 'network';
  return new SmsVendorFailure(vendor, 'transient', code, `SendSms did not reach the vendor (${code})`);
}
