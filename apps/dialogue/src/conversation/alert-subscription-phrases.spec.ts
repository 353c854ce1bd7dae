import { alertSubscriptionPhrasesFor } from './alert-subscription-phrases';
import { AlertChannel } from './alert-subscription-request';

const CHANNELS: AlertChannel[] = ['sms', 'wxa', 'wecom'];
const HAN = /\p{Script=Han}/u;
/**
 * Chinese quoted on purpose (a place name, the words to write elsewhere: “订阅预警”): in quotes, after a colon, in
 * brackets, or as a numbered choice.
 */
const QUOTED = /“[^”]*”|«[^»]*»|[:：] ?\p{Script=Han}+|\([^)]*\)|^\d+\. \p{Script=Han}+/gmu;

function textsOf(lang: 'zh' | 'en' | 'ug', isElderMode: boolean): string[] {
  const say = alertSubscriptionPhrasesFor(lang, isElderMode);
  return [
    say.askPlace(true),
    say.askPlace(false),
    say.askWhich(['江苏省南京市鼓楼区', '福建省福州市鼓楼区']),
    say.askSmaller('广东省'),
    say.placeNotRead,
    ...CHANNELS.flatMap((channel) => [
      say.subscribed('广东省广州市天河区', channel),
      say.subscribedAtLocation('天河体育中心', channel),
      say.subscribedAtLocation(undefined, channel),
    ]),
    say.unsubscribed,
    say.notOnThisChannel('subscribe'),
    say.notOnThisChannel('unsubscribe'),
  ];
}

describe.each([
  ['zh', false],
  ['zh', true],
  ['en', false],
  ['ug', false],
] as const)('alert subscription phrases (%s, elder mode %s)', (lang, isElderMode) => {
  const say = alertSubscriptionPhrasesFor(lang, isElderMode);

  it('has a text for everything', () => {
    expect(textsOf(lang, isElderMode).filter((text) => text.trim() === '')).toEqual([]);
  });

  it('tells a new subscriber what they subscribed to and the words that cancel it', () => {
    for (const channel of CHANNELS) {
      expect(say.subscribed('广东省广州市天河区', channel)).toContain('广东省广州市天河区');
      expect(say.subscribed('广东省广州市天河区', channel)).toContain(say.unsubscribeWords);
      expect(say.subscribedAtLocation('天河体育中心', channel)).toContain(say.unsubscribeWords);
    }
  });

  it('says over SMS only what SMS can do: no location to share', () => {
    expect(say.askPlace(false).length).toBeLessThan(say.askPlace(true).length);
  });

  it('numbers the places to choose from', () => {
    expect(say.askWhich(['江苏省南京市鼓楼区', '福建省福州市鼓楼区'])).toMatch(
      /1\. 江苏省南京市鼓楼区\n2\. 福建省福州市鼓楼区/,
    );
  });
});

describe('alert subscription phrases in other languages', () => {
  it.each(['en', 'ug'] as const)('write no Chinese of their own in %s, only what they quote', (lang) => {
    const own = textsOf(lang, false).map((text) => text.replace(QUOTED, ' '));
    expect(own.filter((text) => HAN.test(text))).toEqual([]);
  });

  it('note on the mini-program that WeChat delivers only what the citizen allowed there', () => {
    expect(alertSubscriptionPhrasesFor('zh', false).subscribed('天河区', 'wxa')).toContain('允许接收预警通知');
    expect(alertSubscriptionPhrasesFor('zh', false).subscribed('天河区', 'sms')).not.toContain('小程序');
  });
});
