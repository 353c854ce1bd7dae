import {
  billedParts,
  isUnsubscribeRequest,
  nextParameter,
  parameterBudget,
  smsLength,
  smsReplyText,
  splitIntoParameters,
} from './sms-text';

describe('counting SMS characters', () => {
  it('counts a Chinese character, a letter, a digit and a space as one each, and an emoji as one', () => {
    expect(smsLength('办事 ABC 123')).toBe(10);
    expect(smsLength('好👍')).toBe(2);
  });

  it('bills 70 characters as one SMS and longer messages in parts of 67', () => {
    expect([1, 70, 71, 134, 135, 500].map(billedParts)).toEqual([1, 1, 2, 2, 3, 8]);
  });
});

describe('the reply as parameter text', () => {
  it('appends the choices as numbered items on the same line', () => {
    expect(smsReplyText('您好，请问您想办理什么业务？', ['办事指南', '我要投诉'])).toBe(
      '您好，请问您想办理什么业务？ 可回复：1. 办事指南 2. 我要投诉',
    );
  });

  it('folds line breaks and replaces the sign brackets', () => {
    expect(smsReplyText('材料清单：\n1. 身份证\r\n2. 户口簿  【原件】')).toBe(
      '材料清单： 1. 身份证 2. 户口簿 「原件」',
    );
  });
});

describe('splitting a reply into template parameters', () => {
  it('leaves a reply that fits as it is', () => {
    expect(splitIntoParameters('您的工单已受理。', 35)).toEqual(['您的工单已受理。']);
  });

  it('cuts after the last sentence end in the second half of the window', () => {
    const text = '您反映的问题已转交天河区住房和建设局办理。承办单位将在5个工作日内办结并答复您。';
    const parts = splitIntoParameters(text, 35);
    expect(parts).toEqual(['您反映的问题已转交天河区住房和建设局办理。', '承办单位将在5个工作日内办结并答复您。']);
    expect(parts.join('')).toBe(text);
  });

  it('falls back to a clause end, then to the hard limit', () => {
    expect(splitIntoParameters('甲乙丙丁戊己，庚辛壬癸子丑寅卯', 10)).toEqual(['甲乙丙丁戊己，', '庚辛壬癸子丑寅卯']);
    expect(splitIntoParameters('一二三四五六七八九十百千万亿', 10)).toEqual(['一二三四五六七八九十', '百千万亿']);
  });

  it('never cuts inside an emoji', () => {
    const parts = splitIntoParameters('😀'.repeat(12), 10);
    expect(parts).toEqual(['😀'.repeat(10), '😀'.repeat(2)]);
  });

  it('keeps every part within the budget and loses no character but the spaces at a cut', () => {
    const text =
      '请携带居民身份证、户口簿和相关证明材料，到政务服务中心一楼综合窗口办理。 工作日上午9点至12点，下午2点至5点。'.repeat(
        4,
      );
    const parts = splitIntoParameters(text, 35);
    expect(parts.every((part) => smsLength(part) <= 35)).toBe(true);
    expect(parts.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
  });

  it('says how far it got, spaces at the cut included, so a retry can resume there', () => {
    expect(nextParameter('第一句话。 第二句话。', 6)).toEqual({ parameter: '第一句话。', consumed: 6 });
  });

  it('leaves room for the sign and the template text within the 500 characters of a long SMS', () => {
    expect(parameterBudget('天河区政务服务', 300)).toBe(300);
    expect(parameterBudget('天河区政务服务', 480)).toBe(500 - 9 - 20);
    expect(parameterBudget('天河区政务服务', 35)).toBe(35);
  });
});

describe('unsubscribe words', () => {
  it.each(['TD', 'td', ' T ', '退订', 'N'])('recognises %p', (text) => expect(isUnsubscribeRequest(text)).toBe(true));
  it.each(['TD我要投诉', '退订怎么办理', '你好'])('does not take %p for one', (text) =>
    expect(isUnsubscribeRequest(text)).toBe(false),
  );
});
