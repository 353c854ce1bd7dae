import { z } from 'zod';
import { MAX_CITIZEN_TEXT } from '@libs/common/contracts/common-fields';
import { e164FromAliyun, e164FromParts } from '@libs/common/vendors/sms/phone-number';
import { SmsVendorName } from '@libs/common/vendors/sms/sms-vendor-failure';

/**
 * The vendors' callback bodies, as documented: Tencent's 回复短信 (one JSON object, an array tolerated) and 短信下发
 * 状态通知 (a JSON array); Aliyun's HTTP batch push of SmsUp and SmsReport (JSON arrays). Extra fields are ignored,
 * so a vendor adding one does not break us.
 */

/** A citizen's SMS to us, vendor-neutral. */
export interface SmsUplink {
  vendor: SmsVendorName;
  /** E.164. Personal data: never logged, stored only encrypted. */
  address: string;
  /** The 短信签名 the citizen answered, without 【】, when the vendor says. */
  sign?: string;
  text: string;
  /** The vendor's own id of this uplink, when it has one (Aliyun's sequence_id with its time). */
  vendorId?: string;
  /** The vendor's timestamp, as sent. */
  sentAt: string;
  /** The extension code (sub-port) the reply came in on, when there is one. */
  subPort?: string;
}

/** A delivery receipt for one SMS we sent. */
export interface SmsReceipt {
  vendor: SmsVendorName;
  /** Tencent's SerialNo (`sid`), Aliyun's BizId (`biz_id`). */
  vendorMessageId: string;
  isDelivered: boolean;
  /** The carrier's status code (`DELIVRD`, `UNDELIV`, `MK:0001`…). */
  code: string;
  /** E.164, when the receipt names a readable number. Personal data: never logged, never passed on in clear. */
  address?: string;
  /** The vendor's time of the report (`2026-11-26 08:03:04`, Beijing time), as sent. */
  reportedAt?: string;
}

export interface Parsed<T> {
  items: T[];
  /** Entries that were not usable (no readable number, empty text): acknowledged, never retried. */
  skipped: number;
}

const text = z.union([z.string(), z.number()]).transform(String);
const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([z.array(item).min(1).max(1000), item.transform((one) => [one])]);

const TencentUplink = z.object({
  mobile: text,
  nationcode: text.optional(),
  sign: z.string().nullish(),
  text: z.string(),
  time: text,
  extend: text.nullish(),
});

const TencentReceipt = z.object({
  sid: text,
  report_status: z.string(),
  errmsg: z.string().nullish(),
  mobile: text.nullish(),
  nationcode: text.nullish(),
  user_receive_time: z.string().nullish(),
});

const AliyunUplink = z.object({
  phone_number: text,
  content: z.string(),
  send_time: z.string(),
  sign_name: z.string().nullish(),
  dest_code: text.nullish(),
  sequence_id: text,
});

const AliyunReceipt = z.object({
  biz_id: text,
  success: z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]),
  err_code: z.string().nullish(),
  phone_number: text.nullish(),
  report_time: z.string().nullish(),
});

export const TencentUplinkBody = oneOrMany(TencentUplink);
export const TencentReceiptBody = oneOrMany(TencentReceipt);
export const AliyunUplinkBody = oneOrMany(AliyunUplink);
export const AliyunReceiptBody = oneOrMany(AliyunReceipt);

/** 【天河政务】 → 天河政务 */
export function bareSign(sign: string | null | undefined): string | undefined {
  const bare = sign?.replace(/[【】[\]]/g, '').trim();
  return bare ? bare : undefined;
}

function citizenText(raw: string): string {
  return [...raw.trim()].slice(0, MAX_CITIZEN_TEXT).join('');
}

function collect<T, U>(entries: T[], read: (entry: T) => U | undefined): Parsed<U> {
  const items = entries.map(read).filter((item): item is U => item !== undefined);
  return { items, skipped: entries.length - items.length };
}

export function tencentUplinks(body: z.infer<typeof TencentUplinkBody>): Parsed<SmsUplink> {
  return collect(body, (entry) => {
    const address = e164FromParts(entry.nationcode ?? '86', entry.mobile);
    const message = citizenText(entry.text);
    if (!address || message === '') return undefined;
    return {
      vendor: 'tencent',
      address,
      sign: bareSign(entry.sign),
      text: message,
      sentAt: entry.time,
      subPort: entry.extend || undefined,
    };
  });
}

export function aliyunUplinks(body: z.infer<typeof AliyunUplinkBody>): Parsed<SmsUplink> {
  return collect(body, (entry) => {
    const address = e164FromAliyun(entry.phone_number);
    const message = citizenText(entry.content);
    if (!address || message === '') return undefined;
    return {
      vendor: 'aliyun',
      address,
      sign: bareSign(entry.sign_name),
      text: message,
      // JSON numbers beyond 2^53 lose digits when parsed: the send time keeps two neighbours apart.
      vendorId: `${entry.sequence_id}@${entry.send_time}`,
      sentAt: entry.send_time,
      subPort: entry.dest_code || undefined,
    };
  });
}

export function tencentReceipts(body: z.infer<typeof TencentReceiptBody>): Parsed<SmsReceipt> {
  return collect(body, (entry) =>
    entry.sid === ''
      ? undefined
      : {
          vendor: 'tencent',
          vendorMessageId: entry.sid,
          isDelivered: entry.report_status.toUpperCase() === 'SUCCESS',
          code: entry.errmsg ?? entry.report_status,
          address: entry.mobile ? e164FromParts(entry.nationcode ?? '86', entry.mobile) : undefined,
          reportedAt: entry.user_receive_time || undefined,
        },
  );
}

export function aliyunReceipts(body: z.infer<typeof AliyunReceiptBody>): Parsed<SmsReceipt> {
  return collect(body, (entry) =>
    entry.biz_id === ''
      ? undefined
      : {
          vendor: 'aliyun',
          vendorMessageId: entry.biz_id,
          isDelivered: entry.success,
          code: entry.err_code ?? (entry.success ? 'DELIVERED' : 'UNKNOWN'),
          address: entry.phone_number ? e164FromAliyun(entry.phone_number) : undefined,
          reportedAt: entry.report_time || undefined,
        },
  );
}

/** What each vendor expects back once a callback is taken. */
export const TENCENT_CALLBACK_ACK = { result: 0, errmsg: 'OK' } as const;
export const ALIYUN_CALLBACK_ACK = { code: 0, msg: '接收成功' } as const;
