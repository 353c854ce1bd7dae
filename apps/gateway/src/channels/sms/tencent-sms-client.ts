import { z } from 'zod';
import { TencentSmsSettings } from './sms-config';
import { SmsVendor, TemplateSms } from './sms-vendor';
import { classifyTencentCode, networkFailure, SmsVendorFailure } from './sms-vendor-failure';
import { signTc3 } from './tencent-cloud-signature';

const SendSmsResponse = z.object({
  Response: z.object({
    Error: z.object({ Code: z.string(), Message: z.string().optional() }).optional(),
    SendStatusSet: z.array(z.object({ SerialNo: z.string().optional(), Code: z.string() })).optional(),
    RequestId: z.string().optional(),
  }),
});

const CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * Tencent Cloud SMS, API 3.0 SendSms (version 2021-01-11), one number per call. The base URL comes from config, so a
 * local fake can stand in; the request is signed with TC3-HMAC-SHA256 for service `sms` whatever the host.
 */
export class TencentSmsClient implements SmsVendor {
  readonly name = 'tencent';

  constructor(
    private readonly settings: TencentSmsSettings,
    private readonly timeoutMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get paramMaxChars(): number {
    return this.settings.paramMaxChars;
  }

  async send(sms: TemplateSms): Promise<{ vendorMessageId: string }> {
    const url = new URL(`${this.settings.apiBase}/`);
    const payload = JSON.stringify({
      PhoneNumberSet: [sms.phoneNumber],
      SmsSdkAppId: this.settings.sdkAppId,
      SignName: sms.signName,
      TemplateId: this.settings.templateId,
      TemplateParamSet: [sms.parameter],
      SessionContext: sms.reference,
    });
    const timestamp = Math.floor(this.now() / 1000);
    const { authorization } = signTc3({
      secretId: this.settings.secretId,
      secretKey: this.settings.secretKey,
      service: 'sms',
      host: url.host,
      contentType: CONTENT_TYPE,
      payload,
      timestamp,
    });
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        Authorization: authorization,
        'Content-Type': CONTENT_TYPE,
        'X-TC-Action': 'SendSms',
        'X-TC-Version': '2021-01-11',
        'X-TC-Timestamp': String(timestamp),
        'X-TC-Region': this.settings.region,
      },
      body: payload,
      signal: AbortSignal.timeout(this.timeoutMs),
    }).catch((error: unknown) => {
      throw networkFailure('tencent', error);
    });
    if (response.status >= 500 || response.status === 429) {
      await response.body?.cancel();
      throw new SmsVendorFailure(
        'tencent',
        'transient',
        `http_${response.status}`,
        `SendSms answered ${response.status}`,
      );
    }
    const parsed = SendSmsResponse.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) {
      const kind = response.ok ? 'transient' : 'vendor';
      throw new SmsVendorFailure(
        'tencent',
        kind,
        `http_${response.status}`,
        `SendSms answered ${response.status} unreadably`,
      );
    }
    const { Error: error, SendStatusSet: statuses } = parsed.data.Response;
    const code = error?.Code ?? statuses?.[0]?.Code ?? 'NoSendStatus';
    const serialNo = statuses?.[0]?.SerialNo;
    if (!error && code === 'Ok' && serialNo) return { vendorMessageId: serialNo };
    const { kind, retryAfterMs } = classifyTencentCode(code);
    throw new SmsVendorFailure('tencent', kind, code, `SendSms refused: ${code}`, retryAfterMs);
  }
}
