import { extractSlots } from '../nlu/slots/extract-slots';
import { subscriptionStep } from './alert-subscription-step';

const GUANGZHOU = '440100';
const regionIn = (text: string) => extractSlots(text, { homeCityCode: GUANGZHOU }).region;

describe('the next step of an alert subscription', () => {
  it('subscribes to the district named', () => {
    expect(subscriptionStep({ channel: 'wecom', action: 'subscribe', region: regionIn('天河区') })).toEqual({
      type: 'subscribe_region',
      channel: 'wecom',
      region: { code: '440106', name: '天河区', level: 'district', fullName: '广东省广州市天河区' },
    });
  });

  it('subscribes to a whole city, which the notifier reaches for alerts of any of its districts', () => {
    const step = subscriptionStep({ channel: 'sms', action: 'subscribe', region: regionIn('广州') });
    expect(step).toMatchObject({ type: 'subscribe_region', region: { code: GUANGZHOU } });
  });

  it('asks for a city or district when only a province is named', () => {
    const step = subscriptionStep({ channel: 'sms', action: 'subscribe', region: regionIn('广东省') });
    expect(step).toMatchObject({ type: 'ask_smaller', region: { code: '440000' } });
  });

  it('asks which one when several places share the name', () => {
    const step = subscriptionStep({ channel: 'wxa', action: 'subscribe', region: regionIn('鼓楼区') });
    expect(step.type).toBe('ask_which');
    expect(step.type === 'ask_which' && step.candidates.map((candidate) => candidate.code).sort()).toEqual([
      '320106',
      '320302',
      '350102',
      '410204',
    ]);
  });

  it('uses a location shared, before any name', () => {
    const location = { lat: 23.125, lon: 113.361, label: '天河体育中心' };
    expect(subscriptionStep({ channel: 'wxa', action: 'subscribe', region: regionIn('越秀区'), location })).toEqual({
      type: 'subscribe_location',
      channel: 'wxa',
      location,
    });
  });

  it('asks where when nothing is said, offering to share a location except over SMS', () => {
    expect(subscriptionStep({ channel: 'wecom', action: 'subscribe' })).toEqual({
      type: 'ask_place',
      channel: 'wecom',
      canShareLocation: true,
    });
    expect(subscriptionStep({ channel: 'sms', action: 'subscribe' })).toMatchObject({ canShareLocation: false });
  });

  it('unsubscribes without asking where', () => {
    expect(subscriptionStep({ channel: 'sms', action: 'unsubscribe', region: regionIn('天河区') })).toEqual({
      type: 'unsubscribe',
      channel: 'sms',
    });
  });

  it.each(['webchat', 'wechat_kf', 'open311'] as const)(
    'sends a %s citizen elsewhere, whatever they said',
    (channel) => {
      expect(subscriptionStep({ channel, action: 'subscribe', region: regionIn('天河区') })).toEqual({
        type: 'elsewhere',
        action: 'subscribe',
      });
      expect(subscriptionStep({ channel, action: 'unsubscribe' })).toEqual({
        type: 'elsewhere',
        action: 'unsubscribe',
      });
    },
  );
});
