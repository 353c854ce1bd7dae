import { isSubscriptionRequest } from './alert-subscription.handler';
import { registrationFor } from './subscription-registration';

const request = { regionCodes: ['440106'], lang: 'zh' as const, elderMode: false };

describe('a chat subscription as the notifier registers it', () => {
  it('is the district asked for, on the channel and address, with nothing else set', () => {
    expect(registrationFor('wecom', 'ZhangSan', request)).toEqual({
      channel: 'wecom',
      address: 'ZhangSan',
      regionCodes: ['440106'],
      location: null,
      coordinateSystem: 'wgs84',
      lang: 'zh',
      elderMode: false,
      quietHours: null,
    });
  });

  it('passes a shared WeChat location on as GCJ-02, for the notifier to convert', () => {
    const location = { lat: 23.1291, lon: 113.3245, coordinateSystem: 'gcj02' as const };
    expect(
      registrationFor('wxa', 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', { ...request, regionCodes: [], location }),
    ).toMatchObject({
      regionCodes: [],
      location: { lat: 23.1291, lon: 113.3245 },
      coordinateSystem: 'gcj02',
    });
  });

  it('keeps what was set up before: other districts, the stored location, quiet hours and channel order', () => {
    const existing = {
      regionCodes: ['440104', '440106'],
      location: { lat: 23.12, lon: 113.26 },
      quietHours: { start: '22:00', end: '07:00' },
      preference: 2,
      isLinked: false,
    };
    expect(registrationFor('sms', '+8613812345678', { ...request, lang: 'en', elderMode: true }, existing)).toEqual({
      channel: 'sms',
      address: '+8613812345678',
      regionCodes: ['440106', '440104'],
      location: { lat: 23.12, lon: 113.26 },
      coordinateSystem: 'wgs84',
      lang: 'en',
      elderMode: true,
      quietHours: { start: '22:00', end: '07:00' },
      preference: 2,
    });
  });

  it('keeps the newest districts when over the notifier’s limit of 20', () => {
    const existing = {
      regionCodes: Array.from({ length: 20 }, (_, index) => `4401${String(index + 10)}`),
      location: null,
      quietHours: null,
      preference: 1,
      isLinked: false,
    };
    const registration = registrationFor('sms', '+8613812345678', { ...request, regionCodes: ['440999'] }, existing);
    expect(registration.regionCodes).toHaveLength(20);
    expect(registration.regionCodes[0]).toBe('440999');
    expect(registration.regionCodes).not.toContain('440129');
  });
});

describe('the look at a conversation event before parsing it', () => {
  it('picks subscription requests only', () => {
    expect(isSubscriptionRequest('{"type":"conversation.alert_subscription_requested","version":1}')).toBe(true);
    expect(isSubscriptionRequest('{"type":"conversation.turn","version":1}')).toBe(false);
    expect(isSubscriptionRequest({ type: 'conversation.alert_subscription_requested' })).toBe(false);
  });
});
