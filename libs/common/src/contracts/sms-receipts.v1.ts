import { z } from 'zod';
import { envelopeOf } from './envelope';

/**
 * A carrier's delivery receipt (状态报告) for an SMS the gateway did not send itself: each vendor account posts all of
 * its receipts to the gateway's one callback URL, so the gateway passes on those of the notifier's alert SMS. No
 * phone number travels: Tencent's SerialNo names one number already; Aliyun's BizId names a whole request, so its
 * receipts carry the number's blind index (libs/common/src/pii/phone-blind-index.ts) to tell the recipients apart.
 */
export const SmsReceiptV1 = z
  .object({
    vendor: z.enum(['tencent', 'aliyun']),
    /** Tencent's SerialNo (`sid`), Aliyun's BizId (`biz_id`), as the vendor sent it. */
    vendorMessageId: z.string().min(1).max(128),
    /** The recipient's phone as a blind index, never in clear; required where the id names a whole request. */
    recipientPhoneIndex: z.string().min(1).max(128).optional(),
    status: z.enum(['delivered', 'failed']),
    /** The carrier's status code (`DELIVRD`, `UNDELIV`, `MK:0001`…), when the vendor gives one. */
    vendorCode: z.string().min(1).max(100).optional(),
    /** When the carrier reported it (the vendor's time), or when the gateway received it if the vendor gave none. */
    reportedAt: z.iso.datetime({ offset: true }),
  })
  .refine((receipt) => receipt.vendor !== 'aliyun' || receipt.recipientPhoneIndex !== undefined, {
    message: 'an Aliyun receipt needs recipientPhoneIndex: its BizId names a whole request',
    path: ['recipientPhoneIndex'],
  });
export type SmsReceiptV1 = z.infer<typeof SmsReceiptV1>;

export const SmsReceiptEventV1 = envelopeOf('sms.receipt', 1, SmsReceiptV1);
export type SmsReceiptEventV1 = z.infer<typeof SmsReceiptEventV1>;
