import { z } from 'zod';
import {
  alertSubscriptionSettingFields,
  alertSubscriptionSettingsComplete,
  alertSubscriptionSettingsFrom,
  parseChannelKeys,
} from './alert-subscription-settings';

const WXA_KEY = 'wxa-key-0123456789abcdefghij';
const SMS_KEY = 'sms_key_0123456789ABCDEFGHIJ';

const Config = z
  .object(alertSubscriptionSettingFields)
  .superRefine(alertSubscriptionSettingsComplete, { when: () => true });

describe('ALERT_SUBSCRIPTION_KEYS', () => {
  it('reads channel:key pairs, spaces and empty entries aside', () => {
    expect(parseChannelKeys(` wxa:${WXA_KEY}, sms:${SMS_KEY},`)).toEqual({
      ok: true,
      keys: { wxa: WXA_KEY, sms: SMS_KEY },
    });
  });

  it.each([
    ['an unknown channel', `webchat:${WXA_KEY}`],
    ['a short key', 'wxa:short'],
    ['no channel', WXA_KEY],
    ['a key with other characters', `sms:${SMS_KEY}!`],
  ])('refuses %s, without echoing the key', (_, text) => {
    const parsed = parseChannelKeys(text);
    expect(parsed.ok).toBe(false);
    expect(JSON.stringify(parsed)).not.toContain(WXA_KEY);
    expect(JSON.stringify(parsed)).not.toContain(SMS_KEY);
  });

  it('refuses a channel named twice', () => {
    expect(parseChannelKeys(`sms:${SMS_KEY},sms:${SMS_KEY}x`)).toEqual({ ok: false, problem: 'names sms twice' });
  });
});

describe('the alert subscription settings', () => {
  it('are off with neither set, also when left empty by a compose file', () => {
    expect(alertSubscriptionSettingsFrom(Config.parse({}))).toBeNull();
    expect(alertSubscriptionSettingsFrom(Config.parse({ NOTIFIER_URL: '', ALERT_SUBSCRIPTION_KEYS: '' }))).toBeNull();
  });

  it('are on with both, the URL without its trailing slash', () => {
    const config = Config.parse({ NOTIFIER_URL: 'http://notifier:3003/', ALERT_SUBSCRIPTION_KEYS: `sms:${SMS_KEY}` });
    expect(alertSubscriptionSettingsFrom(config)).toEqual({
      notifierUrl: 'http://notifier:3003',
      keys: { sms: SMS_KEY },
    });
  });

  it('stop the app when only one is set', () => {
    const parsed = Config.safeParse({ NOTIFIER_URL: 'http://notifier:3003' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['ALERT_SUBSCRIPTION_KEYS']);
  });
});
