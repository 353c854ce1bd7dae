import { alertCardValues, alertText, InfoForText } from './alert-text';

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

describe('alertCardValues', () => {
  const fields = [
    { key: 'thing1', source: 'headline' as const },
    { key: 'time2', source: 'sent' as const },
    { key: 'thing3', source: 'instruction' as const },
  ];
  const sent = new Date('2026-06-12T00:30:00Z');

  it('fills each template key with what it shows, in China Standard Time, thing values cut to 20 characters', () => {
    expect(alertCardValues({ kind: 'alert', lang: 'zh', infos: [en, zh], sent, fields })).toEqual({
      thing1: '天河区暴雨红色预警',
      time2: '2026年6月12日 08:30',
      thing3: '请立即停止户外活动，远离低洼地带',
    });
    const long = { ...zh, headline: '广州市天河区、越秀区、海珠区暴雨红色预警信号生效中' };
    const card = alertCardValues({ kind: 'alert', lang: 'zh', infos: [long], sent, fields });
    expect([...card.thing1]).toHaveLength(20);
    expect(card.thing1.endsWith('…')).toBe(true);
  });

  it('shows a cancellation as lifted, never the withdrawn instruction', () => {
    const card = alertCardValues({ kind: 'cancellation', lang: 'zh', infos: [zh], sent, fields });
    expect(card.thing1).toBe('已解除：天河区暴雨红色预警');
    expect(card.thing3).toBe('预警已解除，请留意后续通知');
  });

  it('never leaves a value empty: a missing instruction or sender is replaced', () => {
    const bare = { ...zh, instruction: null, senderName: null };
    const card = alertCardValues({
      kind: 'alert',
      lang: 'zh',
      infos: [bare],
      sent,
      fields: [...fields, { key: 'thing4', source: 'sender' as const }],
    });
    expect(card.thing3).toBe('请留意官方发布的后续通知');
    expect(card.thing4).toBe('天河区暴雨红色预警');
  });

  it('uses the info in the recipient’s language', () => {
    const card = alertCardValues({ kind: 'alert', lang: 'en', infos: [zh, en], sent, fields });
    expect(card.thing1).toBe('Red rainstorm warni…');
    expect(card.thing3).toBe('Stay indoors');
  });
});
