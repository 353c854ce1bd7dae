import { alertText, InfoForText } from './alert-text';

const zh: InfoForText = {
  lang: 'zh',
  event: '暴雨',
  headline: '天河区暴雨红色预警',
  instruction: '请立即停止户外活动，远离低洼地带',
  web: 'https://yj.example.gov.cn/a/1',
  contact: '12345',
  senderName: '天河区应急管理局',
};
const en: InfoForText = {
  ...zh,
  lang: 'en',
  event: 'Rainstorm',
  headline: 'Red rainstorm warning for Tianhe',
  instruction: 'Stay indoors',
};
const base = { kind: 'alert' as const, elderMode: false, withLink: false, maxChars: 300 };

describe('alertText', () => {
  it('writes the headline and the instruction of the info in the recipient’s language', () => {
    expect(alertText({ ...base, lang: 'en', infos: [zh, en] })).toBe(
      '[Alert] Red rainstorm warning for Tianhe. Stay indoors.',
    );
    expect(alertText({ ...base, lang: 'zh', infos: [en, zh] })).toBe(
      '【预警】天河区暴雨红色预警。请立即停止户外活动，远离低洼地带。',
    );
  });

  it('falls back to the Chinese info when there is none in the recipient’s language', () => {
    expect(alertText({ ...base, lang: 'ug', infos: [en, zh] })).toMatch(/^【预警】天河区暴雨红色预警/);
  });

  it('adds the number to call in elder mode and the link only where links are allowed', () => {
    const text = alertText({ ...base, lang: 'zh', infos: [zh], elderMode: true, withLink: true });
    expect(text).toContain('如需帮助请拨打 12345。');
    expect(text).toContain('详情: https://yj.example.gov.cn/a/1');
    expect(alertText({ ...base, lang: 'zh', infos: [zh] })).not.toContain('https://');
  });

  it('says a cancelled warning is lifted, naming it', () => {
    expect(alertText({ ...base, kind: 'cancellation', lang: 'zh', infos: [zh] })).toBe(
      '【预警解除】此前发布的“天河区暴雨红色预警”已解除，请留意后续通知。',
    );
  });

  it('cuts to the parameter length with an ellipsis', () => {
    const text = alertText({ ...base, lang: 'zh', infos: [zh], maxChars: 10 });
    expect([...text]).toHaveLength(10);
    expect(text.endsWith('…')).toBe(true);
  });
});
