import { isBareComplaint, languageOf, resolveChoice } from './citizen-language';

describe("the citizen's language", () => {
  it('tells the script', () => {
    expect(languageOf('你好，我想问一下公租房')).toBe('zh');
    expect(languageOf('How do I apply for a business licence?')).toBe('en');
    expect(languageOf('ياخشىمۇسىز، ماڭا ياردەم قىلىڭ')).toBe('ug');
    expect(languageOf('I want to 投诉 the noise')).toBe('zh');
  });

  it('says nothing when the text does not tell', () => {
    expect(languageOf('123')).toBeUndefined();
    expect(languageOf('👍👍')).toBeUndefined();
    expect(languageOf('ok')).toBeUndefined();
  });
});

describe('a bare number', () => {
  it('picks a choice offered with the last reply', () => {
    expect(resolveChoice('2', ['我要投诉', '政策咨询'])).toBe('政策咨询');
    expect(resolveChoice(' 1。', ['我要投诉'])).toBe('我要投诉');
  });

  it('leaves anything else as written', () => {
    expect(resolveChoice('3', ['我要投诉'])).toBe('3');
    expect(resolveChoice('15000', ['我要投诉'])).toBe('15000');
    expect(resolveChoice('1个孩子', ['我要投诉'])).toBe('1个孩子');
  });
});

describe('the script, however it was typed', () => {
  it('reads Uyghur sent in Arabic presentation forms', () => {
    expect(languageOf('ﻳﺎﺧﺸﻰﻣﯘﺳﯩﺰ')).toBe('ug');
    expect(languageOf('ﻳﺎ')).toBe('ug');
  });
});

describe('a complaint with nothing said yet', () => {
  it.each([
    '我要投诉',
    '我想反映一下',
    'Make a complaint',
    'I want to make a complaint.',
    "I'd like to complain",
    'complaint',
    'ئەرز-شىكايەت قىلىمەن',
    'شىكايەت قىلماقچىمەن',
    'مېنىڭ شىكايىتىم بار',
  ])('%s: asks for what, where and when', (text) => {
    expect(isBareComplaint(text)).toBe(true);
  });

  it.each([
    '我要投诉小区门口夜间施工扰民',
    'Make a complaint: the streetlight on my road is broken',
    'I want to complain about construction noise at night',
    'The restaurant downstairs is too noisy',
    'شىكايەت قىلماقچىمەن، كوچىمىزدىكى چىراغ ئۆچۈپ قالدى',
    'خوجايىن ئىككى ئايلىق ئىش ھەققىمىزنى بەرمىدى',
  ])('%s: is a complaint to forward', (text) => {
    expect(isBareComplaint(text)).toBe(false);
  });
});
