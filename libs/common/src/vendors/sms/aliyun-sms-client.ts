import Dysmsapi, { SendSmsRequest } from '@alicloud/dysmsapi20170525';
import { $OpenApiUtil, AlibabaCloudError, ThrottlingError } from '@alicloud/openapi-core';
import { aliyunPhoneNumber } from './phone-number';
import { BulkSendResult, BulkTemplateSms, SmsVendor, TemplateSms } from './sms-vendor';
import { classifyAliyunCode, networkFailure, SmsVendorFailure } from './sms-vendor-failure';

export interface AliyunSmsSettings {
  accessKeyId: string;
  accessKeySecret: string;
  templateCode: string;
  apiBase: string;
  paramMaxChars: number;
}

/**
 * Aliyun SMS (dysmsapi 2017-05-25) SendSms through Alibaba Cloud's own SDK, which signs with ACS3-HMAC-SHA256 and takes
 * its endpoint and protocol from config, so the local fake stands in for it in tests. One number per call for a reply,
 * up to 1,000 comma-separated for an alert (SendSms, not SendBatchSms: the batch API may be delayed). The template's
 * one parameter is `${content}`.
 */
export class AliyunSmsClient implements SmsVendor {
  readonly name = 'aliyun';
  readonly maxNumbersPerRequest = 1000;
  private readonly client: Dysmsapi;

  constructor(
    private readonly settings: AliyunSmsSettings,
    timeoutMs: number,
  ) {
    const base = new URL(settings.apiBase);
    this.client = new Dysmsapi(
      new $OpenApiUtil.Config({
        accessKeyId: settings.accessKeyId,
        accessKeySecret: settings.accessKeySecret,
        endpoint: base.host,
        protocol: base.protocol === 'http:' ? 'HTTP' : 'HTTPS',
        connectTimeout: Math.min(timeoutMs, 3000),
        readTimeout: timeoutMs,
      }),
    );
  }

  get paramMaxChars(): number {
    return this.settings.paramMaxChars;
  }

  async send(sms: TemplateSms): Promise<{ vendorMessageId: string }> {
    return this.sendSms([sms.phoneNumber], sms);
  }

  /** One BizId for the whole request: the receipts tell the numbers apart by number. */
  async sendBulk(sms: BulkTemplateSms): Promise<BulkSendResult> {
    if (sms.phoneNumbers.length > this.maxNumbersPerRequest) {
      throw new Error(`SendSms takes at most ${this.maxNumbersPerRequest} numbers`);
    }
    const { vendorMessageId } = await this.sendSms(sms.phoneNumbers, sms);
    return { accepted: sms.phoneNumbers.map((phoneNumber) => ({ phoneNumber, vendorMessageId })), refused: [] };
  }

  private async sendSms(
    phoneNumbers: string[],
    sms: { signName: string; parameter: string; reference: string },
  ): Promise<{ vendorMessageId: string }> {
    const request = new SendSmsRequest({
      phoneNumbers: phoneNumbers.map(aliyunPhoneNumber).join(','),
      signName: sms.signName,
      templateCode: this.settings.templateCode,
      templateParam: JSON.stringify({ content: sms.parameter }),
      outId: sms.reference,
    });
    const response = await this.client.sendSms(request).catch((error: unknown) => {
      throw failureOf(error);
    });
    const code = response.body?.code ?? 'NoCode';
    if (code === 'OK' && response.body?.bizId) return { vendorMessageId: response.body.bizId };
    const { kind, retryAfterMs } = classifyAliyunCode(code);
    throw new SmsVendorFailure('aliyun', kind, code, `SendSms refused: ${code}`, retryAfterMs);
  }
}

/** The SDK throws ThrottlingError, ClientError (4xx) and ServerError (5xx) with the vendor's code; anything else is the network. */
function failureOf(error: unknown): SmsVendorFailure {
  if (error instanceof ThrottlingError) {
    const retryAfterMs = typeof error.retryAfter === 'number' && error.retryAfter > 0 ? error.retryAfter : 1_000;
    return new SmsVendorFailure('aliyun', 'transient', error.code, `SendSms throttled: ${error.code}`, retryAfterMs);
  }
  if (error instanceof AlibabaCloudError) {
    const status = error.statusCode ?? 0;
    const classified = status >= 500 ? { kind: 'transient' as const } : classifyAliyunCode(error.code);
    return new SmsVendorFailure(
      'aliyun',
      classified.kind,
      error.code || `http_${status}`,
      `SendSms answered ${status}: ${error.code}`,
      classified.retryAfterMs,
    );
  }
  return networkFailure('aliyun', error);
}
