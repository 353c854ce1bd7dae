import { DomainError } from '@libs/common/errors/domain-error';
import { ChannelKeyList, ChannelKeys } from './channel-keys';

const WXA_KEY = 'wxa-server-aaaaaaaaaaaaaaaaaaaa';
const SMS_KEY = 'sms-optin-bbbbbbbbbbbbbbbbbbbbb';

describe('channel keys', () => {
  const keys = new ChannelKeys(ChannelKeyList.parse(`wxa:${WXA_KEY}, sms:${SMS_KEY}`));

  it('know a caller by its channel and a fingerprint of its key, never the key', () => {
    const wxa = keys.callerOf(WXA_KEY);
    expect(wxa).toEqual({ channel: 'wxa', client: expect.stringMatching(/^[0-9a-f]{12}$/) });
    expect(JSON.stringify(wxa)).not.toContain(WXA_KEY);
    expect(keys.callerOf(SMS_KEY).channel).toBe('sms');
  });

  it('refuse a missing, empty, unknown or near-miss key as unauthorized', () => {
    for (const candidate of [undefined, '', 'nope', `${WXA_KEY}x`, [WXA_KEY]]) {
      expect(() => keys.callerOf(candidate)).toThrow(DomainError);
    }
  });

  it('refuse every key when none is configured, which is the default', () => {
    const none = new ChannelKeys(ChannelKeyList.parse(undefined));
    expect(() => none.callerOf(WXA_KEY)).toThrow('渠道密钥无效');
  });

  it('refuse a configuration with an unknown channel or a short key', () => {
    expect(ChannelKeyList.safeParse(`fax:${WXA_KEY}`).success).toBe(false);
    expect(ChannelKeyList.safeParse('wxa:short').success).toBe(false);
    expect(ChannelKeyList.safeParse(WXA_KEY).success).toBe(false);
  });
});
