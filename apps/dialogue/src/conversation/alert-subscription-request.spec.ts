import { alertChannelOf, alertSubscriptionAsked, coordinateSystemOf } from './alert-subscription-request';
import { alertSubscriptionPhrasesFor } from './alert-subscription-phrases';

describe('a wish for alerts (订阅预警), or to stop them', () => {
  it.each([
    '订阅预警',
    '预警订阅',
    '我想收到暴雨台风预警',
    '我要订阅天河区的预警信息',
    '有预警的时候通知我',
    '台风预警发给我',
    '高温预警能推送给我吗？',
    'Subscribe to alerts',
    'I would like to receive weather warnings',
    'please sign me up for alerts',
    'ئالدىن ئاگاھلاندۇرۇشقا مۇشتەرى بولىمەن',
  ])('reads “%s” as subscribe', (text) => {
    expect(alertSubscriptionAsked(text)).toBe('subscribe');
  });

  it.each([
    '取消订阅预警',
    '退订预警',
    '不要再给我推预警了',
    '我不想再收到预警短信',
    '关闭预警推送',
    'unsubscribe from alerts',
    'stop sending me warnings',
    'ئالدىن ئاگاھلاندۇرۇش مۇشتەرىلىكىنى بىكار قىلىش',
  ])('reads “%s” as unsubscribe', (text) => {
    expect(alertSubscriptionAsked(text)).toBe('unsubscribe');
  });

  it.each([
    // Questions about an alert, news of one, and reminders that are not alerts.
    '暴雨预警要停课吗',
    '台风预警取消了吗',
    '为什么取消暴雨预警',
    '我收到了暴雨预警，怎么办',
    '现在有台风预警吗',
    '个税汇算开始的时候提醒我',
    '取消',
    '我要投诉',
    'what does an orange alert mean',
    // A long complaint that mentions alerts is a complaint.
    '我要投诉，上周暴雨的时候你们的预警推送太晚了，我家车库被淹了，损失很大，到现在也没人来处理，希望有关部门尽快给个说法',
  ])('does not read “%s” as a subscription', (text) => {
    expect(alertSubscriptionAsked(text)).toBeUndefined();
  });

  it('recognises the words each language tells the citizen to write to cancel', () => {
    for (const lang of ['zh', 'en', 'ug'] as const) {
      expect(alertSubscriptionAsked(alertSubscriptionPhrasesFor(lang, false).unsubscribeWords)).toBe('unsubscribe');
    }
  });
});

describe('the channels alerts can reach', () => {
  it('knows SMS, the mini-program and WeCom, and no channel that only answers', () => {
    expect(alertChannelOf('sms')).toBe('sms');
    expect(alertChannelOf('wxa')).toBe('wxa');
    expect(alertChannelOf('wecom')).toBe('wecom');
    for (const channel of ['webchat', 'wechat_kf', 'open311', 'wechaty'] as const) {
      expect(alertChannelOf(channel)).toBeUndefined();
    }
  });

  it('takes a location from WeChat and WeCom as GCJ-02, from a browser as WGS-84', () => {
    expect(coordinateSystemOf('wxa')).toBe('gcj02');
    expect(coordinateSystemOf('wecom')).toBe('gcj02');
    expect(coordinateSystemOf('wechat_kf')).toBe('gcj02');
    expect(coordinateSystemOf('webchat')).toBe('wgs84');
  });
});
