import { extractDates } from '../nlu/slots/extract-dates';
import { reminderAsked, reminderSubject } from './reminder-request';

describe('reminderAsked', () => {
  it.each([
    '6月30日前提醒我办理个税年度汇算',
    '提醒我下周五去交材料',
    '到期前提醒我',
    '麻烦到时候提醒一下',
    'Please remind me to file my tax return on 2027-06-29',
    '2027-06-29 دە ئەسكەرتىڭ',
  ])('reads %s as asking for a reminder', (text) => {
    expect(reminderAsked(text)).toBe('remind');
  });

  it.each(['取消提醒', '不用提醒了', '提醒取消', 'cancel reminder', 'ئەسكەرتىشنى بىكار قىلىش'])(
    'reads %s as cancelling',
    (text) => {
      expect(reminderAsked(text)).toBe('cancel');
    },
  );

  it.each(['有新政策提醒我', '政策有更新了通知我提醒我一下', 'remind me of new policies'])(
    'tells news of policy changes (%s) from a dated reminder',
    (text) => {
      expect(reminderAsked(text)).toBe('policy_updates');
    },
  );

  it.each(['个税年度汇算什么时候截止', '我收到了提醒短信是真的吗', '办理居住证需要什么材料', '订阅预警'])(
    'leaves %s alone',
    (text) => {
      expect(reminderAsked(text)).toBeUndefined();
    },
  );

  it('leaves a long message that happens to say 提醒我 to the other flows', () => {
    expect(reminderAsked(`${'我想咨询一下关于社保转移的事情'.repeat(5)}提醒我`)).toBeUndefined();
  });
});

describe('reminderSubject', () => {
  const subjectOf = (text: string) => reminderSubject(text, extractDates(text, '2026-11-26'));

  it.each([
    ['6月30日前提醒我办理个税年度汇算', '办理个税年度汇算'],
    ['提醒我下周五去交材料', '去交材料'],
    ['请在12月10日提醒我领取社保卡吧', '领取社保卡'],
    ['remind me to submit the documents on 2027-01-05.', 'submit the documents'],
  ])('takes what to do from %s', (text, subject) => {
    expect(subjectOf(text)).toBe(subject);
  });

  it('has none when the message says only when', () => {
    expect(subjectOf('到期前提醒我')).toBeUndefined();
    expect(subjectOf('下周五提醒我一下')).toBeUndefined();
  });

  it('keeps a long subject to 40 characters', () => {
    expect([...(subjectOf(`提醒我${'办'.repeat(50)}`) ?? '')]).toHaveLength(40);
  });
});
