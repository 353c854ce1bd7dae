import { maskPhone } from '@libs/common/pii/mask';
import { SubscriberChannel } from './subscriber-channel';

/**
 * Where an alert goes on each channel, in one canonical form, so "+86 138-1234-5678" and "13812345678" are the same
 * subscriber: a mainland mobile number for SMS, the user's openid for mini-program subscribe messages, the member's
 * userid for WeCom. Returns undefined when the address cannot be one.
 */
export function normaliseAddress(channel: SubscriberChannel, raw: string): string | undefined {
  const address = raw.trim();
  if (channel === 'sms') return normalisePhone(address);
  if (channel === 'wxa') return /^[A-Za-z0-9_-]{16,64}$/.test(address) ? address : undefined;
  return /^[A-Za-z0-9_.@-]{1,64}$/.test(address) ? address : undefined;
}

export const ADDRESS_RULE: Record<SubscriberChannel, string> = {
  sms: '短信订阅需要正确的 11 位手机号码（中国大陆）',
  wxa: '小程序订阅需要用户的 openid（16–64 位字母、数字、_ 或 -）',
  wecom: '企业微信订阅需要成员账号 userid（1–64 位字母、数字或 _ . @ -）',
};

/** A mainland mobile number, 11 digits starting 13–19; spaces, dashes and a +86/0086 prefix are dropped. */
export function normalisePhone(raw: string): string | undefined {
  const digits = raw.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : undefined;
}

/** Enough to recognise a subscriber by, not to reach them: 138****5678, oAbC****wXyZ, zh****. */
export function maskSubscriberAddress(channel: SubscriberChannel, address: string): string {
  if (channel === 'sms') return maskPhone(address);
  if (channel === 'wxa') return `${address.slice(0, 4)}****${address.slice(-4)}`;
  return `${address.slice(0, Math.min(2, address.length - 1))}****`;
}
