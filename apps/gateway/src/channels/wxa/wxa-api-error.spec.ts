import { WeComApiError } from '@libs/common/vendors/wecom/wecom-api-error';
import { WxaApiError } from '@libs/common/vendors/wxa/wxa-api-error';
import { rethrowAsDeliveryFailed, wxaDeliveryFailed } from './wxa-api-error';

const vendor = (errcode: number) => new WxaApiError('/cgi-bin/message/custom/send', 'vendor', errcode);

describe('wxaDeliveryFailed', () => {
  it.each([
    [-1, 1_000],
    [45009, 60_000],
    [45011, 1_000],
  ])('retries errcode %d after %d ms', (errcode, retryAfterMs) => {
    expect(wxaDeliveryFailed(vendor(errcode))).toMatchObject({ retryable: true, retryAfterMs });
  });

  it.each([40001, 40014, 42001])('retries errcode %d (the token, still refused after one refresh)', (errcode) => {
    expect(wxaDeliveryFailed(vendor(errcode)).retryable).toBe(true);
  });

  it.each([45015, 45047, 40003, 43101, 47003, 40037, 41030, 48001])(
    'gives up on errcode %d: this message can never go through',
    (errcode) => {
      expect(wxaDeliveryFailed(vendor(errcode))).toMatchObject({ retryable: false, vendorCode: String(errcode) });
    },
  );

  it('gives up on a code it does not know, and says so', () => {
    expect(wxaDeliveryFailed(vendor(99999)).message).toContain('does not know');
  });

  it.each(['network', 'http', 'malformed'] as const)('retries a %s failure', (failure) => {
    expect(wxaDeliveryFailed(new WxaApiError('/cgi-bin/message/custom/send', failure)).retryable).toBe(true);
  });

  it('retries when the token fetch itself was refused (a secret fixed in configuration lets the replies out)', () => {
    expect(wxaDeliveryFailed(new WxaApiError('/cgi-bin/stable_token', 'vendor', 40125, true)).retryable).toBe(true);
  });
});

describe('rethrowAsDeliveryFailed', () => {
  it('turns a timed-out wait for the shared token into a retryable failure', () => {
    const waited = new WeComApiError('/cgi-bin/gettoken', { failure: 'network', duringTokenFetch: true });
    expect(() => rethrowAsDeliveryFailed(waited)).toThrow(expect.objectContaining({ retryable: true }));
  });
});
