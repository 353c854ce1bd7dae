import { createHash } from 'node:crypto';
import { SmsReceiptEventV1, SmsReceiptV1 } from '@libs/common/contracts/sms-receipts.v1';
import { SmsReceipt } from './sms-callback-bodies';
import { receiptForNotifier, receiptMessage, vendorTimeToIso } from './receipt-for-notifier';

const receivedAt = new Date('2026-11-26T10:00:00.000Z');
/** Stands in for the keyed blind index: a digest that does not contain the number. */
const indexOf = (e164: string) => `idx-${createHash('sha256').update(e164).digest('hex').slice(0, 16)}`;

const tencent: SmsReceipt = {
  vendor: 'tencent',
  vendorMessageId: '2433:0123456789abcdef0123',
  isDelivered: true,
  code: 'DELIVRD',
  address: '+8613800138000',
  reportedAt: '2026-11-26 08:03:04',
};
const aliyun: SmsReceipt = {
  vendor: 'aliyun',
  vendorMessageId: '932702304080415357^0',
  isDelivered: false,
  code: 'MK:0001',
  address: '+8613800138001',
  reportedAt: '2026-11-26 11:12:15',
};

describe('receiptForNotifier', () => {
  it('passes a Tencent receipt on by its SerialNo alone, with the report time in Beijing time', () => {
    expect(receiptForNotifier(tencent, indexOf, receivedAt)).toEqual({
      vendor: 'tencent',
      vendorMessageId: '2433:0123456789abcdef0123',
      status: 'delivered',
      vendorCode: 'DELIVRD',
      reportedAt: '2026-11-26T08:03:04+08:00',
    });
  });

  it('names the recipient of an Aliyun receipt by the blind index of the number, never the number', () => {
    const payload = receiptForNotifier(aliyun, indexOf, receivedAt);
    expect(payload).toEqual({
      vendor: 'aliyun',
      vendorMessageId: '932702304080415357^0',
      recipientPhoneIndex: indexOf('+8613800138001'),
      status: 'failed',
      vendorCode: 'MK:0001',
      reportedAt: '2026-11-26T11:12:15+08:00',
    });
    expect(JSON.stringify(payload)).not.toContain('13800138001');
  });

  it('does not pass on an Aliyun receipt without a readable number: its BizId alone names the whole request', () => {
    expect(receiptForNotifier({ ...aliyun, address: undefined }, indexOf, receivedAt)).toBeUndefined();
  });

  it('falls back to the time of receipt when the vendor gives no usable time', () => {
    const payload = receiptForNotifier({ ...tencent, reportedAt: 'yesterday' }, indexOf, receivedAt);
    expect(payload?.reportedAt).toBe('2026-11-26T10:00:00.000Z');
  });
});

describe('receiptMessage', () => {
  const payload = definedOrThrow(receiptForNotifier(aliyun, indexOf, receivedAt));

  it('is a valid sms.receipts.v1 envelope keyed by the vendor message id', () => {
    const message = receiptMessage(payload, 'trace-1', receivedAt);
    expect(message.topic).toBe('sms.receipts.v1');
    const envelope = SmsReceiptEventV1.parse(message.envelope);
    expect(envelope).toMatchObject({
      type: 'sms.receipt',
      version: 1,
      key: payload.vendorMessageId,
      traceId: 'trace-1',
    });
  });

  it('gives a receipt pushed again the same id, and another recipient of the same request another', () => {
    const first = receiptMessage(payload, 'trace-1', receivedAt).envelope.id;
    const again = receiptMessage(payload, 'trace-2', new Date()).envelope.id;
    const other = receiptMessage({ ...payload, recipientPhoneIndex: indexOf('+8613800138002') }, 'trace-1', receivedAt)
      .envelope.id;
    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });
});

describe('vendorTimeToIso', () => {
  it('reads the vendors’ Beijing time', () => {
    expect(vendorTimeToIso('2015-10-17 08:03:04')).toBe('2015-10-17T08:03:04+08:00');
    expect(new Date(vendorTimeToIso('2026-01-01 07:59:59') ?? '').toISOString()).toBe('2025-12-31T23:59:59.000Z');
  });

  it('refuses times that do not exist or are not in the vendors’ format', () => {
    expect(vendorTimeToIso('2026-02-30 10:00:00')).toBeUndefined();
    expect(vendorTimeToIso('2026-11-26 24:00:00')).toBeUndefined();
    expect(vendorTimeToIso('1764122584')).toBeUndefined();
    expect(vendorTimeToIso(undefined)).toBeUndefined();
  });
});

function definedOrThrow(payload: SmsReceiptV1 | undefined): SmsReceiptV1 {
  if (!payload) throw new Error('expected a receipt for the notifier');
  return payload;
}
