import { z } from 'zod';
import { smsConfigFields, smsSettingsAreConsistent, smsSettingsOf } from './sms-config';

const SmsConfig = z.object(smsConfigFields).superRefine(smsSettingsAreConsistent);

const tencent = {
  SMS_TENCENT_SECRET_ID: 'AKIDexample',
  SMS_TENCENT_SECRET_KEY: 'secret-key',
  SMS_TENCENT_SDK_APP_ID: '1400006666',
  SMS_TENCENT_TEMPLATE_ID: '1110',
};
const aliyun = {
  SMS_ALIYUN_ACCESS_KEY_ID: 'LTAIexample',
  SMS_ALIYUN_ACCESS_KEY_SECRET: 'secret',
  SMS_ALIYUN_TEMPLATE_CODE: 'SMS_123456',
};
const callbacks = { SMS_CALLBACK_SECRET: 'a'.repeat(48), SMS_CALLBACK_ALLOWED_IPS: '203.0.113.0/24' };

function problems(env: Record<string, string>): string[] {
  const result = SmsConfig.safeParse(env);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('SMS settings', () => {
  it('are off with nothing set, or with every key empty as compose passes them', () => {
    const empty = Object.fromEntries(Object.keys(smsConfigFields).map((key) => [key, '']));
    for (const env of [{}, empty]) {
      const settings = smsSettingsOf(SmsConfig.parse(env));
      expect(settings).toMatchObject({ order: [], sendTimeoutMs: 5000 });
      expect(settings.callbacks).toBeUndefined();
    }
  });

  it('put the primary first and the other vendor after it', () => {
    const both = { ...tencent, ...aliyun, SMS_SIGN_NAME: '天河政务' };
    expect(smsSettingsOf(SmsConfig.parse(both)).order).toEqual(['tencent', 'aliyun']);
    expect(smsSettingsOf(SmsConfig.parse({ ...both, SMS_PRIMARY: 'aliyun' })).order).toEqual(['aliyun', 'tencent']);
    expect(smsSettingsOf(SmsConfig.parse({ ...aliyun, SMS_SIGN_NAME: '天河政务' })).order).toEqual(['aliyun']);
  });

  it('default the real endpoints and Aliyun’s 35-character variables', () => {
    const settings = smsSettingsOf(SmsConfig.parse({ ...tencent, ...aliyun, SMS_SIGN_NAME: '天河政务' }));
    expect(settings.tencent).toMatchObject({ apiBase: 'https://sms.tencentcloudapi.com', region: 'ap-guangzhou' });
    expect(settings.aliyun).toMatchObject({ apiBase: 'https://dysmsapi.aliyuncs.com', paramMaxChars: 35 });
  });

  it('name every key a half-configured vendor is missing', () => {
    expect(problems({ SMS_TENCENT_SECRET_ID: 'x', SMS_SIGN_NAME: '天河政务' })).toEqual([
      'SMS_TENCENT_SECRET_KEY: is required once any SMS_TENCENT_* key is set',
      'SMS_TENCENT_SDK_APP_ID: is required once any SMS_TENCENT_* key is set',
      'SMS_TENCENT_TEMPLATE_ID: is required once any SMS_TENCENT_* key is set',
    ]);
  });

  it('need the sign name, a configured primary, and an allowlist beside the callback secret', () => {
    expect(problems(tencent)).toEqual(['SMS_SIGN_NAME: is required to send SMS']);
    expect(problems({ ...tencent, SMS_SIGN_NAME: '天河政务', SMS_PRIMARY: 'aliyun' })).toEqual([
      'SMS_PRIMARY: names aliyun, whose keys are not all set',
    ]);
    expect(problems({ ...tencent, SMS_SIGN_NAME: '天河政务', SMS_CALLBACK_SECRET: 'a'.repeat(48) })).toEqual([
      'SMS_CALLBACK_ALLOWED_IPS: must list the vendors’ callback addresses when SMS_CALLBACK_SECRET is set',
    ]);
  });

  it('refuse a guessable secret, a sign in brackets and a bad address block', () => {
    expect(problems({ ...tencent, SMS_SIGN_NAME: '【天河政务】', ...callbacks, SMS_CALLBACK_SECRET: 'short' })).toEqual(
      [
        'SMS_SIGN_NAME: without the brackets 【】',
        'SMS_CALLBACK_SECRET: must be 32 to 128 of A-Z a-z 0-9 _ - (openssl rand -hex 24)',
      ],
    );
    expect(
      problems({ ...tencent, SMS_SIGN_NAME: '天河政务', ...callbacks, SMS_CALLBACK_ALLOWED_IPS: '203.0.113.0/40' }),
    ).toEqual(['SMS_CALLBACK_ALLOWED_IPS: entry 1 must be an IP address or CIDR block (a.b.c.d/n)']);
  });

  it('open the callbacks with a secret and an allowlist', () => {
    const settings = smsSettingsOf(SmsConfig.parse({ ...tencent, SMS_SIGN_NAME: '天河政务', ...callbacks }));
    expect(settings.callbacks).toEqual({
      secret: 'a'.repeat(48),
      allowed: [{ address: '203.0.113.0', prefix: 24, family: 'ipv4' }],
      trustedProxies: [],
    });
  });
});
