import { classifyAliyunCode, classifyTencentCode, networkFailure } from './sms-vendor-failure';

describe('Tencent Cloud SMS codes', () => {
  it.each([
    ['RequestLimitExceeded', 'transient'],
    ['RequestLimitExceeded.IPLimitExceeded', 'transient'],
    ['LimitExceeded.PhoneNumberThirtySecondLimit', 'transient'],
    ['LimitExceeded.DeliveryFrequencyLimit', 'transient'],
    ['InternalError.Timeout', 'transient'],
    ['InternalError.OtherError', 'transient'],
    ['AuthFailure.SignatureFailure', 'vendor'],
    ['AuthFailure.SecretIdNotFound', 'vendor'],
    ['FailedOperation.TemplateIncorrectOrUnapproved', 'vendor'],
    ['FailedOperation.SignatureIncorrectOrUnapproved', 'vendor'],
    ['FailedOperation.InsufficientBalanceInSmsPackage', 'vendor'],
    ['InternalError.SigVerificationFail', 'vendor'],
    ['SomethingNew.NeverSeen', 'vendor'],
    ['InvalidParameterValue.IncorrectPhoneNumber', 'recipient'],
    ['FailedOperation.PhoneNumberInBlacklist', 'recipient'],
    ['FailedOperation.ContainSensitiveWord', 'recipient'],
  ])('%s is %s', (code, kind) => expect(classifyTencentCode(code).kind).toBe(kind));

  it('waits as long as the per-number limit says', () => {
    expect(classifyTencentCode('LimitExceeded.PhoneNumberThirtySecondLimit').retryAfterMs).toBe(30_000);
    expect(classifyTencentCode('LimitExceeded.PhoneNumberDailyLimit').retryAfterMs).toBe(3_600_000);
  });
});

describe('Aliyun SMS codes', () => {
  it.each([
    ['isv.BUSINESS_LIMIT_CONTROL', 'transient'],
    ['Throttling.User', 'transient'],
    ['Throttling', 'transient'],
    ['isp.SYSTEM_ERROR', 'transient'],
    ['ServiceUnavailable', 'transient'],
    ['isv.DAY_LIMIT_CONTROL', 'transient'],
    ['isv.SMS_TEMPLATE_ILLEGAL', 'vendor'],
    ['isv.SMS_SIGNATURE_ILLEGAL', 'vendor'],
    ['isv.PARAM_LENGTH_LIMIT', 'vendor'],
    ['isv.AMOUNT_NOT_ENOUGH', 'vendor'],
    ['SignatureDoesNotMatch', 'vendor'],
    ['InvalidAccessKeyId.NotFound', 'vendor'],
    ['isv.MOBILE_NUMBER_ILLEGAL', 'recipient'],
    ['isv.BLACK_KEY_CONTROL_LIMIT', 'recipient'],
  ])('%s is %s', (code, kind) => expect(classifyAliyunCode(code).kind).toBe(kind));
});

describe('requests that got no answer', () => {
  it('are transient, named by what went wrong', () => {
    const timeout = Object.assign(new Error('timed out'), { name: 'TimeoutError' });
    expect(networkFailure('tencent', timeout)).toMatchObject({ kind: 'transient', code: 'timeout' });
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) });
    expect(networkFailure('tencent', refused)).toMatchObject({ kind: 'transient', code: 'ECONNREFUSED' });
    expect(networkFailure('aliyun', new SyntaxError('Unexpected token <'))).toMatchObject({ code: 'bad_response' });
  });
});
