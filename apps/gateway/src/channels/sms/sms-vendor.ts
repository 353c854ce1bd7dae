import { SmsVendorName } from './sms-vendor-failure';

/** One template SMS: the registered reply template with its single parameter filled in. */
export interface TemplateSms {
  /** E.164 */
  phoneNumber: string;
  signName: string;
  parameter: string;
  /** Our id of the reply, echoed by the vendor where it can (Tencent SessionContext, Aliyun OutId). */
  reference: string;
}

/**
 * A vendor's SendSms. Resolves with the vendor's id of the message (for its delivery receipt) or rejects with an
 * SmsVendorFailure saying whether another vendor or a later attempt could do better.
 */
export interface SmsVendor {
  readonly name: SmsVendorName;
  /** Characters of reply text one parameter of this vendor's template may hold. */
  readonly paramMaxChars: number;
  send(sms: TemplateSms): Promise<{ vendorMessageId: string }>;
}

/** The configured vendors, the primary first: what the SMS sender tries in turn. */
export const SMS_VENDORS = Symbol('SmsVendors');
