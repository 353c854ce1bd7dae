import { deadlineNamedIn } from './named-deadline';

describe('deadlineNamedIn', () => {
  const today = '2026-11-26';

  it('finds the deadline an answer names, with its sentence as the subject', () => {
    expect(deadlineNamedIn(['个人所得税综合所得年度汇算请于2027年6月30日前办理。需要的材料有身份证。'], today)).toEqual(
      {
        date: '2027-06-30',
        subject: '个人所得税综合所得年度汇算办理',
      },
    );
  });

  it('takes a yearly deadline (每年6月30日前) as the next one', () => {
    expect(deadlineNamedIn(['3. 税收优惠：减免个人所得税（每年6月30日前）'], today)?.date).toBe('2027-06-30');
  });

  it('ignores dates that are not deadlines, and answers without one', () => {
    expect(deadlineNamedIn(['12月3日起可以在线申请。'], today)).toBeUndefined();
    expect(deadlineNamedIn(['办理居住证需要身份证和居住证明。'], today)).toBeUndefined();
  });
});
