import { reminderText } from './reminder-text';

describe('reminderText', () => {
  const reminder = { subject: '办理个税年度汇算', date: '2027-06-30', elderMode: false };

  it('says in Chinese what to do and the day, with its weekday', () => {
    const text = reminderText({ ...reminder, lang: 'zh' });
    expect(text).toContain('办理个税年度汇算');
    expect(text).toContain('2027年6月30日（周三）');
  });

  it('is shorter for older citizens, and still says what and when', () => {
    const plain = reminderText({ ...reminder, lang: 'zh' });
    const elder = reminderText({ ...reminder, lang: 'zh', elderMode: true });
    expect(elder.length).toBeLessThan(plain.length);
    expect(elder).toContain('办理个税年度汇算');
    expect(elder).toContain('6月30日');
  });

  it('speaks English with the date spelled out', () => {
    const text = reminderText({ subject: 'submit the documents', date: '2027-03-05', elderMode: false, lang: 'en' });
    expect(text).toContain('"submit the documents"');
    expect(text).toContain('Friday, 5 March 2027');
  });

  it('speaks Uyghur in Arabic script, the subject in quotes', () => {
    const text = reminderText({ ...reminder, lang: 'ug' });
    expect(text).toMatch(/ئەسكەرتىش/u);
    expect(text).toContain('«办理个税年度汇算»');
    expect(text).toContain('2027-06-30');
  });
});
