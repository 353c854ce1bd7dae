import { Channel } from '@libs/common/contracts/common-fields';
import { AlertSubscriptionRequestedV1 } from '@libs/common/contracts/conversation-events.v1';

export type AlertSubscriptionAction = AlertSubscriptionRequestedV1['action'];
export type CoordinateSystem = NonNullable<AlertSubscriptionRequestedV1['location']>['coordinateSystem'];

/** The channels the notifier can push an alert on, as the notifier names them. */
export type AlertChannel = 'sms' | 'wxa' | 'wecom';

const ALERT = /(预警|警报)/u;
/** A wish to get alerts: 订阅, 想收到, 推送给我, 通知我… ("我收到了暴雨预警" is news, not a wish). */
const WANT = '(订阅|开通|(想|要|希望|能|可以)(收到|接收)|接收|推送|推给我|发给我|发我|通知我|提醒我|告诉我)';
const ZH_SUBSCRIBE = [new RegExp(`${WANT}.{0,8}(预警|警报)`, 'u'), new RegExp(`(预警|警报).{0,6}${WANT}`, 'u')];
/**
 * Stopping them needs a word for stopping and one for receiving (取消订阅, 不想再收到, 别再发给我), or 退订: a stop word
 * alone is about the alert itself (台风预警取消了吗, 为什么取消暴雨预警).
 */
const ZH_STOP = /(取消|关闭|关掉|停止|停掉|不要|不想|别再|不用再)/u;
const ZH_RECEIVING = /(订阅|推送|接收|收到|发给我|给我发|给我推|推给我|发我|通知我)/u;
const ZH_UNSUBSCRIBE = /退订/u;
/** Asking for alerts takes a sentence or two; a longer message is about something else and goes to the classifier. */
const MAX_CHARS = 40;
const EN_UNSUBSCRIBE = [
  /\b(unsubscribe|stop|cancel|turn off|switch off|no more)\b.{0,30}\b(alerts?|warnings?)\b/u,
  /\b(alerts?|warnings?)\b.{0,10}\b(off|unsubscribe)\b/u,
];
const EN_SUBSCRIBE = [
  /\b(subscribe|sign (me )?up|notify me|send me|turn on|(want|like) to (get|receive))\b.{0,30}\b(alerts?|warnings?)\b/u,
  /\b(alerts?|warnings?)\b.{0,10}\b(subscri\w*|sign (me )?up|notify me|send me)\b/u,
];
/** ئالدىن ئاگاھلاندۇرۇش (early warning) with مۇشتەرى (subscribe), or with بىكار / توختات (cancel, stop). */
const UG_ALERT = /ئاگاھلاندۇرۇش/u;
const UG_SUBSCRIBE = /مۇشتەرى/u;
const UG_STOP = /(بىكار|توختات)/u;

/**
 * Whether a message asks to get alerts (预警) or to stop them, in Chinese, English or Uyghur. Only alerts: reminders
 * of a deadline (截止前提醒我) are not this, and a question about an alert (暴雨预警要停课吗) is not either.
 */
export function alertSubscriptionAsked(text: string): AlertSubscriptionAction | undefined {
  const normal = text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
  const compact = normal.replace(/[\s\p{P}]/gu, '');
  if ([...compact].length > MAX_CHARS * 3) return undefined;
  if (UG_ALERT.test(compact)) {
    if (UG_STOP.test(compact)) return 'unsubscribe';
    return UG_SUBSCRIBE.test(compact) ? 'subscribe' : undefined;
  }
  if (ALERT.test(compact)) {
    if ([...compact].length > MAX_CHARS) return undefined;
    if (ZH_UNSUBSCRIBE.test(compact) || (ZH_STOP.test(compact) && ZH_RECEIVING.test(compact))) return 'unsubscribe';
    return ZH_SUBSCRIBE.some((pattern) => pattern.test(compact)) ? 'subscribe' : undefined;
  }
  if (EN_UNSUBSCRIBE.some((pattern) => pattern.test(normal))) return 'unsubscribe';
  if (EN_SUBSCRIBE.some((pattern) => pattern.test(normal))) return 'subscribe';
  return undefined;
}

/**
 * The notifier's name for a channel that can push an alert to someone who did not just write (SMS, the mini-program's
 * subscribe messages, WeCom for staff); undefined for the channels that only answer (web chat, 微信客服, Open311).
 */
export function alertChannelOf(channel: Channel): AlertChannel | undefined {
  return channel === 'sms' || channel === 'wxa' || channel === 'wecom' ? channel : undefined;
}

/** The system of a shared location: Tencent's maps in WeChat, WeCom and the mini-program give GCJ-02; a browser WGS-84. */
export function coordinateSystemOf(channel: Channel): CoordinateSystem {
  return channel === 'webchat' ? 'wgs84' : 'gcj02';
}
