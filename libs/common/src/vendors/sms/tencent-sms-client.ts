import { z } from 'zod';
import { BulkSendResult, BulkTemplateSms, SmsVendor, TemplateSms } from './sms-vendor';
import { classifyTencentCode, networkFailure, SmsVendorFailure } from './sms-vendor-failure';
import { signTc3 } from './tencent-cloud-signature';

export interface TencentSmsSettings {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  templateId: string;
  region: string;
  apiBase: string;
  paramMaxChars: number;
}

const SendSmsResponse = z.object({
  Response: z.object({
    Error: z.object({ Code: z.string(), Message: z.string().optional() }).optional(),
    SendStatusSet: z
      .array(z.object({ SerialNo: z.string().optional(), PhoneNumber: z.string().optional(), Code: z.string() }))
      .optional(),
    RequestId: z.string().optional(),
  }),
});
type SendStatus = NonNullable<z.infer<typeof SendSmsResponse>['Response']['SendStatusSet']>[number];

const CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * Tencent Cloud SMS, API 3.0 SendSms (version 2021-01-11): one number for a reply, up to 200 for an alert. The base
 * URL comes from config, so a local fake can stand in; the request is signed with TC3-HMAC-SHA256 for service `sms`
 * whatever the host.
 */
export class TencentSmsClient implements SmsVendor {
  readonly name = 'tencent';
  readonly maxNumbersPerRequest = 200;

  constructor(
    private readonly settings: TencentSmsSettings,
    private readonly timeoutMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get paramMaxChars(): number {
    return this.settings.paramMaxChars;
  }

  async send(sms: TemplateSms): Promise<{ vendorMessageId: string }> {
    const statuses = await this.sendSms([sms.phoneNumber], sms);
    const code = statuses[0]?.Code ?? 'NoSendStatus';
    const serialNo = statuses[0]?.SerialNo;
    if (code === 'Ok' && serialNo) return { vendorMessageId: serialNo };
    const { kind, retryAfterMs } = classifyTencentCode(code);
    throw new SmsVendorFailure('tencent', kind, code, `SendSms refused: ${code}`, retryAfterMs);
  }

  async sendBulk(sms: BulkTemplateSms): Promise<BulkSendResult> {
    if (sms.phoneNumbers.length > this.maxNumbersPerRequest) {
      throw new Error(`SendSms takes at most ${this.maxNumbersPerRequest} numbers`);
    }
    const statuses = await this.sendSms(sms.phoneNumbers, sms);
    const result: BulkSendResult = { accepted: [], refused: [] };
    // The status set answers number by number; read it by number, and take a number it leaves out as not sent.
    const byNumber = new Map(statuses.map((status, index) => [status.PhoneNumber ?? sms.phoneNumbers[index], status]));
    for (const phoneNumber of sms.phoneNumbers) {
      const status = byNumber.get(phoneNumber);
      const code = status?.Code ?? 'NoSendStatus';
      if (code === 'Ok' && status?.SerialNo) result.accepted.push({ phoneNumber, vendorMessageId: status.SerialNo });
      else result.refused.push({ phoneNumber, code, kind: classifyTencentCode(code).kind });
    }
    return result;
  }

  /** One SendSms; rejects when the request as a whole failed, else the vendor's status per number. */
  private async sendSms(
    phoneNumbers: string[],
    sms: { signName: string; parameter: string; reference: string },
  ): Promise<SendStatus[]> {
    const url = new URL(`${this.settings.apiBase}/`);
    const payload = JSON.stringify({
      PhoneNumberSet: phoneNumbers,
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
    if (error) {
      const { kind, retryAfterMs } = classifyTencentCode(error.Code);
      throw new SmsVendorFailure('tencent', kind, error.Code, `SendSms refused: ${error.Code}`, retryAfterMs);
    }
    return statuses ?? [];
  }
}
