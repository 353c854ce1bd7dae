import { SmsReceiptV1 } from '@libs/common/contracts/sms-receipts.v1';
import { receiptOutcome } from './sms-receipt-outcome';

const tencent: SmsReceiptV1 = {
  vendor: 'tencent',
  vendorMessageId: '2433:0123456789abcdef0123',
  status: 'delivered',
  vendorCode: 'DELIVRD',
  reportedAt: '2026-11-26T08:03:04+08:00',
};

describe('receiptOutcome', () => {
  it('names a Tencent delivery by its SerialNo as the fan-out stored it, and ignores any phone index', () => {
    expect(receiptOutcome({ ...tencent, recipientPhoneIndex: 'ignored' })).toEqual({
      vendorMessageId: 'tencent:2433:0123456789abcdef0123',
      recipientPhoneIndex: null,
      isDelivered: true,
      failureCode: null,
      reportedAt: new Date('2026-11-26T00:03:04Z'),
    });
  });

  it('names an Aliyun delivery by BizId and phone index, and keeps the carrier code of a failure', () => {
    const outcome = receiptOutcome({
      vendor: 'aliyun',
      vendorMessageId: '932702304080415357^0',
      recipientPhoneIndex: 'phone-index',
      status: 'failed',
      vendorCode: 'MK:0001',
      reportedAt: '2026-11-26T11:12:15+08:00',
    });
    expect(outcome).toMatchObject({
      vendorMessageId: 'aliyun:932702304080415357^0',
      recipientPhoneIndex: 'phone-index',
      isDelivered: false,
      failureCode: 'MK:0001',
    });
  });

  it('records a failure without a carrier code as undelivered', () => {
    const { vendorCode: _code, ...withoutCode } = tencent;
    expect(receiptOutcome({ ...withoutCode, status: 'failed' }).failureCode).toBe('undelivered');
  });
});

describe('sms.receipts.v1', () => {
  it('refuses an Aliyun receipt that does not say which recipient of the request it is for', () => {
    const aliyun = { ...tencent, vendor: 'aliyun' as const };
    expect(SmsReceiptV1.safeParse(aliyun).success).toBe(false);
    expect(SmsReceiptV1.safeParse({ ...aliyun, recipientPhoneIndex: 'phone-index' }).success).toBe(true);
    expect(SmsReceiptV1.safeParse({ ...tencent, phone: '+8613800138000' }).data).not.toHaveProperty('phone');
  });
});
