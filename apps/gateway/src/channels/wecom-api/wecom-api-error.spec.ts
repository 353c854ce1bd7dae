import { WeComApiError } from '@libs/common/vendors/wecom/wecom-api-error';
import { deliveryFailedFrom } from './wecom-api-error';

const vendor = (errcode: number) => new WeComApiError('/cgi-bin/message/send', { failure: 'vendor', errcode });

describe('deliveryFailedFrom', () => {
  it.each([
    [-1, 1_000],
    [45009, 60_000],
    [45033, 1_000],
    [45011, 1_000],
  ])('retries errcode %d (busy or rate-limited) after %d ms', (errcode, retryAfterMs) => {
    expect(deliveryFailedFrom(vendor(errcode))).toMatchObject({
      retryable: true,
      vendorCode: String(errcode),
      retryAfterMs,
    });
  });

  it.each([40014, 42001, 40001])('retries errcode %d (the token, still refused after one refresh)', (errcode) => {
    expect(deliveryFailedFrom(vendor(errcode))).toMatchObject({ retryable: true, vendorCode: String(errcode) });
  });

  it.each([60111, 81013, 40003, 44004, 45002, 95000, 95001, 95002, 95024])(
    'gives up on errcode %d: this message can never go through',
    (errcode) => {
      expect(deliveryFailedFrom(vendor(errcode))).toMatchObject({ retryable: false, vendorCode: String(errcode) });
    },
  );

  it('gives up on a code it does not know, and says so', () => {
    const failed = deliveryFailedFrom(vendor(123456));
    expect(failed.retryable).toBe(false);
    expect(failed.message).toContain('does not know');
  });

  it.each([
    ['no connection or no answer in time', { failure: 'network' as const }],
    ['a 502 from the platform', { failure: 'http' as const, status: 502 }],
    ['a 200 that is not JSON', { failure: 'malformed' as const }],
  ])('retries %s', (_case, failure) => {
    expect(deliveryFailedFrom(new WeComApiError('/cgi-bin/kf/send_msg', failure)).retryable).toBe(true);
  });

  it('retries when gettoken itself was refused (a secret fixed in configuration lets the messages out)', () => {
    const error = new WeComApiError('/cgi-bin/gettoken', { failure: 'vendor', errcode: 40013, duringTokenFetch: true });
    expect(deliveryFailedFrom(error)).toMatchObject({ retryable: true, vendorCode: '40013' });
  });
});
