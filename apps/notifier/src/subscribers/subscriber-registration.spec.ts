import { SubscriberRegistration, SubscriberSettings } from './subscriber-registration';

const problems = (input: unknown) => {
  const result = SubscriberRegistration.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('a subscriber registration', () => {
  it('is written one way, with the defaults filled in', () => {
    expect(
      SubscriberRegistration.parse({
        channel: 'sms',
        address: '+86 138-1234-5678',
        regionCodes: ['440106', '440104', '440106'],
      }),
    ).toEqual({
      channel: 'sms',
      address: '13812345678',
      regionCodes: ['440104', '440106'],
      location: null,
      lang: 'zh',
      elderMode: false,
      quietHours: null,
      phone: '13812345678',
      preference: 1,
    });
  });

  it('converts a WeChat (GCJ-02) location to WGS-84, and keeps a GPS one as it is', () => {
    const base = { channel: 'wxa', address: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' };
    const wechat = SubscriberRegistration.parse({
      ...base,
      location: { lat: 22.540796131694766, lon: 113.9171764808363 },
      coordinateSystem: 'gcj02',
    });
    expect(wechat.location?.lat).toBeCloseTo(22.543847, 6);
    expect(wechat.location?.lon).toBeCloseTo(113.912316, 6);
    const gps = SubscriberRegistration.parse({ ...base, location: { lat: 22.543847, lon: 113.912316 } });
    expect(gps.location).toEqual({ lat: 22.543847, lon: 113.912316 });
    expect(gps.preference).toBe(2);
    expect(gps.phone).toBeNull();
  });

  it('links a mini-program subscription to a phone number, written the same way as an SMS one', () => {
    const linked = SubscriberRegistration.parse({
      channel: 'wxa',
      address: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
      regionCodes: ['440106'],
      phone: '138 1234 5678',
      preference: 1,
    });
    expect(linked).toMatchObject({ phone: '13812345678', preference: 1 });
  });

  it('names each problem in words', () => {
    expect(problems({ channel: 'fax', address: '13812345678', regionCodes: ['440106'] })).toEqual([
      'channel: 订阅渠道应为 sms（短信）、wxa（小程序订阅消息）或 wecom（企业微信）',
    ]);
    expect(problems({ channel: 'sms', address: '1381234', regionCodes: ['440106'] })).toEqual([
      'address: 短信订阅需要正确的 11 位手机号码（中国大陆）',
    ]);
    expect(problems({ channel: 'sms', address: '13812345678', regionCodes: ['4401'] })).toEqual([
      'regionCodes.0: 行政区划代码应为 6 位数字',
    ]);
    expect(problems({ channel: 'sms', address: '13812345678', regionCodes: ['990106'] })).toEqual([
      'regionCodes.0: 不是有效的行政区划代码：前两位不是省级代码，或区县代码缺少所属城市',
    ]);
    expect(
      problems({ channel: 'wxa', address: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', location: { lat: 123, lon: 113 } }),
    ).toEqual(['location.lat: 纬度应在 -90 到 90 之间']);
    expect(problems({ channel: 'wxa', address: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', regionCodes: [] })).toEqual([
      'regionCodes: 请至少选择一个行政区划，或提供位置',
    ]);
    expect(
      problems({ channel: 'wxa', address: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', regionCodes: ['440106'], phone: '12345' }),
    ).toEqual(['phone: 请填写正确的 11 位手机号码（中国大陆）']);
    expect(
      problems({
        channel: 'sms',
        address: '13812345678',
        regionCodes: ['440106'],
        quietHours: { start: '22:00', end: '7:00' },
      }),
    ).toEqual(['quietHours.end: 时间应为 24 小时制 HH:MM，如 22:00']);
  });

  it('names every problem at once, the address among them, not only the first kind', () => {
    expect(problems({ channel: 'sms', address: '1381234', regionCodes: ['4401'], lang: 'fr', phone: 'none' })).toEqual([
      'regionCodes.0: 行政区划代码应为 6 位数字',
      'lang: 语言应为 zh、en 或 ug',
      'phone: 请填写正确的 11 位手机号码（中国大陆）',
      'address: 短信订阅需要正确的 11 位手机号码（中国大陆）',
    ]);
    // The address cannot be judged without a valid channel.
    expect(problems({ channel: 'fax', address: 'x' })).toEqual([
      'channel: 订阅渠道应为 sms（短信）、wxa（小程序订阅消息）或 wecom（企业微信）',
      'regionCodes: 请至少选择一个行政区划，或提供位置',
    ]);
  });
});

describe('a change to a subscription', () => {
  it('is the settings as a whole, with the channel default left to the subscription', () => {
    expect(SubscriberSettings.parse({ regionCodes: ['440106'], lang: 'ug', phone: '+86 13812345678' })).toEqual({
      regionCodes: ['440106'],
      location: null,
      lang: 'ug',
      elderMode: false,
      quietHours: null,
      phone: '13812345678',
      preference: null,
    });
  });

  it('converts a WeChat location and refuses a change that leaves nowhere to be alerted about', () => {
    const moved = SubscriberSettings.parse({
      location: { lat: 22.540796131694766, lon: 113.9171764808363 },
      coordinateSystem: 'gcj02',
    });
    expect(moved.location?.lat).toBeCloseTo(22.543847, 6);
    const result = SubscriberSettings.safeParse({ regionCodes: [], elderMode: 'yes' });
    expect(result.success ? [] : result.error.issues.map((issue) => issue.message)).toEqual([
      'elderMode 应为 true 或 false',
      '请至少选择一个行政区划，或提供位置',
    ]);
  });
});
