import { v5 as uuidv5 } from 'uuid';
import { createEnvelope } from '@libs/common/contracts/envelope';
import { SmsReceiptV1 } from '@libs/common/contracts/sms-receipts.v1';
import { Outgoing, Topic } from '@libs/common/contracts/topics';
import { SmsReceipt } from './sms-callback-bodies';

/** Namespace of receipt envelope ids: a vendor pushing a receipt again gives the same id, which the notifier drops. */
const RECEIPT_ID_NAMESPACE = '7c4e2a91-3b5d-4f08-9e6a-1d2c3b4a5f60';

/**
 * A receipt for an SMS the gateway did not send, as the notifier needs it: Tencent's SerialNo names one number, so
 * it travels alone; Aliyun's BizId names a whole request, so the number goes with it as its blind index. An Aliyun
 * receipt without a readable number cannot name a recipient and is not passed on (undefined).
 */
export function receiptForNotifier(
  receipt: SmsReceipt,
  phoneIndexOf: (e164: string) => string,
  receivedAt: Date,
): SmsReceiptV1 | undefined {
  const needsPhone = receipt.vendor === 'aliyun';
  if (needsPhone && !receipt.address) return undefined;
  return {
    vendor: receipt.vendor,
    vendorMessageId: receipt.vendorMessageId.slice(0, 128),
    recipientPhoneIndex: needsPhone && receipt.address ? phoneIndexOf(receipt.address) : undefined,
    status: receipt.isDelivered ? 'delivered' : 'failed',
    vendorCode: receipt.code.trim().slice(0, 100) || undefined,
    reportedAt: vendorTimeToIso(receipt.reportedAt) ?? receivedAt.toISOString(),
  };
}

/** The envelope on sms.receipts.v1, keyed by the vendor's message id, its id derived from what a re-push repeats. */
export function receiptMessage(receipt: SmsReceiptV1, traceId: string, now: Date): Outgoing {
  const id = uuidv5(
    [receipt.vendor, receipt.vendorMessageId, receipt.recipientPhoneIndex ?? '', receipt.status].join('\u0000'),
    RECEIPT_ID_NAMESPACE,
  );
  return {
    topic: Topic.SmsReceiptsV1,
    envelope: createEnvelope('sms.receipt', 1, receipt.vendorMessageId, receipt, { traceId }, { id, now }),
  };
}

/**
 * Both vendors write report times as `YYYY-MM-DD HH:mm:ss` in Beijing time, without a zone. Undefined for anything
 * else, so a changed format falls back to the time of receipt rather than a wrong one.
 */
export function vendorTimeToIso(time: string | undefined): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(time?.trim() ?? '');
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  // Date rolls 2026-02-30 over into March: a time that does not come back the same did not exist.
  const asUtc = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const exists =
    asUtc.getUTCFullYear() === year &&
    asUtc.getUTCMonth() === month - 1 &&
    asUtc.getUTCDate() === day &&
    asUtc.getUTCHours() === hour &&
    asUtc.getUTCMinutes() === minute;
  return exists ? `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}+08:00` : undefined;
}
