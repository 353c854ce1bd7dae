import { AliyunSmsClient } from '@libs/common/vendors/sms/aliyun-sms-client';
import { SmsSettings } from './sms-config';
import { SmsVendor } from '@libs/common/vendors/sms/sms-vendor';
import { TencentSmsClient } from '@libs/common/vendors/sms/tencent-sms-client';

/** A client per configured vendor, in the order of SMS_PRIMARY. */
export function smsVendorsOf(settings: SmsSettings): SmsVendor[] {
  return settings.order.flatMap((name): SmsVendor[] => {
    if (name === 'tencent' && settings.tencent) return [new TencentSmsClient(settings.tencent, settings.sendTimeoutMs)];
    if (name === 'aliyun' && settings.aliyun) return [new AliyunSmsClient(settings.aliyun, settings.sendTimeoutMs)];
    return [];
  });
}
