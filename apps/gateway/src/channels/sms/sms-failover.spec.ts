import { deliveryFailedAfter } from './sms-failover';
import { SmsVendorFailure } from '@libs/common/vendors/sms/sms-vendor-failure';

const failure = (vendor: 'tencent' | 'aliyun', kind: SmsVendorFailure['kind'], code: string, retryAfterMs?: number) =>
  new SmsVendorFailure(vendor, kind, code, `SendSms refused: ${code}`, retryAfterMs);

describe('what the outbound queue is told when no SMS vendor took a part', () => {
  it('retries when a vendor was only unavailable, after the soonest wait a vendor asked for', () => {
    const failed = deliveryFailedAfter([
      failure('tencent', 'transient', 'http_503'),
      failure('aliyun', 'transient', 'isv.BUSINESS_LIMIT_CONTROL', 60_000),
    ]);
    expect(failed).toMatchObject({ retryable: true, vendorCode: 'http_503', retryAfterMs: 60_000 });
    expect(failed.message).toBe(
      'SMS not sent: tencent http_503 (transient); aliyun isv.BUSINESS_LIMIT_CONTROL (transient)',
    );
  });

  it('retries when one vendor is down and the other refuses us, not the citizen', () => {
    const failed = deliveryFailedAfter([
      failure('tencent', 'vendor', 'FailedOperation.TemplateIncorrectOrUnapproved'),
      failure('aliyun', 'transient', 'timeout'),
    ]);
    expect(failed).toMatchObject({ retryable: true, vendorCode: 'timeout' });
  });

  it('gives up when every vendor refuses us', () => {
    const failed = deliveryFailedAfter([
      failure('tencent', 'vendor', 'AuthFailure.SecretIdNotFound'),
      failure('aliyun', 'vendor', 'isv.SMS_TEMPLATE_ILLEGAL'),
    ]);
    expect(failed).toMatchObject({ retryable: false, vendorCode: 'AuthFailure.SecretIdNotFound' });
    expect(failed.retryAfterMs).toBeUndefined();
  });

  it('gives up at once when the number or the content is refused for good', () => {
    const failed = deliveryFailedAfter([
      failure('tencent', 'transient', 'http_502'),
      failure('aliyun', 'recipient', 'isv.MOBILE_NUMBER_ILLEGAL'),
    ]);
    expect(failed).toMatchObject({ retryable: false, vendorCode: 'isv.MOBILE_NUMBER_ILLEGAL' });
  });
});
