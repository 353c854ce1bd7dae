import { SmsFailureKind, SmsVendorName } from './sms-vendor-failure';

/** One template SMS: the registered reply template with its single parameter filled in. */
export interface TemplateSms {
  /** E.164 */
  phoneNumber: string;
  signName: string;
  parameter: string;
  /** Our id of the reply, echoed by the vendor where it can (Tencent SessionContext, Aliyun OutId). */
  reference: string;
}

/** The same template SMS to many numbers in one request: how alerts go out. */
export interface BulkTemplateSms {
  /** E.164, at most the vendor's maxNumbersPerRequest. */
  phoneNumbers: string[];
  signName: string;
  parameter: string;
  reference: string;
}

/** What the vendor did with each number of a bulk request it answered. */
export interface BulkSendResult {
  accepted: Array<{ phoneNumber: string; vendorMessageId: string }>;
  refused: Array<{ phoneNumber: string; code: string; kind: SmsFailureKind }>;
}

/**
 * A vendor's SendSms. Resolves with the vendor's id of the message (for its delivery receipt) or rejects with an
 * SmsVendorFailure saying whether another vendor or a later attempt could do better.
 */
export interface SmsVendor {
  readonly name: SmsVendorName;
  /** Characters of reply text one parameter of this vendor's template may hold. */
  readonly paramMaxChars: number;
  /** Numbers one SendSms may carry: Tencent 200, Aliyun 1,000. */
  readonly maxNumbersPerRequest: number;
  send(sms: TemplateSms): Promise<{ vendorMessageId: string }>;
  /** Rejects with an SmsVendorFailure when the request as a whole was not taken; per-number refusals come back. */
  sendBulk(sms: BulkTemplateSms): Promise<BulkSendResult>;
}

/** The configured vendors, the primary first: what the SMS sender tries in turn. */
export const SMS_VENDORS = Symbol('SmsVendors');
