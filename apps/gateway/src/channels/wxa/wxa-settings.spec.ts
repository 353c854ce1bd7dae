import { z } from 'zod';
import { wxaSettingFields, wxaSettingsComplete, wxaSettingsFrom } from './wxa-settings';

const Schema = z.object(wxaSettingFields).superRefine(wxaSettingsComplete);
const COMPLETE = {
  WXA_APPID: 'wxba5fad812f8e6fb9',
  WXA_SECRET: 'c8a1e7f04b2d9e6a3f5c0b8d7e1a2f93',
  WXA_TOKEN: 'AAAAA',
  WXA_ENCODING_AES_KEY: 'A'.repeat(43),
};

describe('the mini-program settings', () => {
  it('leave the channel off when none is set (empty counts as unset)', () => {
    const config = Schema.parse({ WXA_APPID: '', WXA_TICKET_TEMPLATE_ID: '' });
    expect(wxaSettingsFrom(config)).toBeUndefined();
    expect(config.WXA_API_BASE).toBe('https://api.weixin.qq.com');
  });

  it('turn the channel on with the four credentials, templates optional', () => {
    const config = Schema.parse({ ...COMPLETE, WXA_TICKET_TEMPLATE_ID: 'tK9x_ticketProgress' });
    expect(wxaSettingsFrom(config)).toEqual({
      appId: 'wxba5fad812f8e6fb9',
      secret: COMPLETE.WXA_SECRET,
      token: 'AAAAA',
      encodingAesKey: 'A'.repeat(43),
      apiBase: 'https://api.weixin.qq.com',
      templates: { ticketProgress: 'tK9x_ticketProgress' },
      ticketCardFields: [
        { key: 'character_string1', source: 'ticketNo' },
        { key: 'phrase2', source: 'status' },
        { key: 'thing3', source: 'text' },
        { key: 'time4', source: 'at' },
      ],
    });
  });

  it('name each credential missing when only some are set', () => {
    const result = Schema.safeParse({ WXA_APPID: COMPLETE.WXA_APPID, WXA_TOKEN: 'AAAAA' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'WXA_ENCODING_AES_KEY',
      'WXA_SECRET',
    ]);
  });

  it.each([
    ['an AppID that is not wx and 16 hex digits', { WXA_APPID: 'ww5e4c7f0d3a1b2c90' }],
    ['a key that is not 43 characters', { WXA_ENCODING_AES_KEY: 'A'.repeat(42) }],
    ['an API base that is not a URL', { WXA_API_BASE: 'api.weixin.qq.com' }],
  ])('refuse %s', (_case, change) => {
    expect(Schema.safeParse({ ...COMPLETE, ...change }).success).toBe(false);
  });
});
