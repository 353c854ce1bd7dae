import { SmsReceiptV1 } from '@libs/common/contracts/sms-receipts.v1';

/** What a carrier's receipt does to the one delivery it names. */
export interface ReceiptOutcome {
  /** As the fan-out stores it: `tencent:<SerialNo>`, `aliyun:<BizId>`. */
  vendorMessageId: string;
  /** Aliyun's BizId names a whole request: the recipient's phone blind index picks the row. Null for Tencent. */
  recipientPhoneIndex: string | null;
  isDelivered: boolean;
  /** For last_error when it failed: the carrier's code, or a fixed word when the vendor gave none. */
  failureCode: string | null;
  reportedAt: Date;
}

/**
 * sms.receipts.v1 → the row change. The phone index is used only where the vendor's id needs it: a Tencent SerialNo
 * is one number's already, and a number written differently must not lose its receipt.
 */
export function receiptOutcome(receipt: SmsReceiptV1): ReceiptOutcome {
  const isDelivered = receipt.status === 'delivered';
  return {
    vendorMessageId: `${receipt.vendor}:${receipt.vendorMessageId}`,
    recipientPhoneIndex: receipt.vendor === 'aliyun' ? (receipt.recipientPhoneIndex ?? null) : null,
    isDelivered,
    failureCode: isDelivered ? null : (receipt.vendorCode ?? 'undelivered'),
    reportedAt: new Date(receipt.reportedAt),
  };
}
