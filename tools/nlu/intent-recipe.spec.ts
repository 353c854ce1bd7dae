import { extraComplaints, intentTrainingExamples } from './intent-recipe';

describe('extra complaints from the category data', () => {
  it('take messages that open as complaints, cut to chat length, and leave questions out', () => {
    const extras = extraComplaints([
      { id: 'm-1', text: '投诉A1区某小区物业违规收取停车费尊敬领导小区物业公司私自收费'.repeat(2), label: '城乡建设' },
      { id: 'm-2', text: '咨询公积金贷款买房问题咨询用商业贷了第一套房子投诉', label: '城乡建设' },
      { id: 'm-3', text: '建议市修建地铁线路', label: '交通运输' },
    ]);
    expect(extras).toHaveLength(1);
    expect(extras[0].label).toBe('complaint');
    expect(extras[0].text.length).toBeGreaterThanOrEqual(12);
    expect(extras[0].text.length).toBeLessThanOrEqual(40);
    expect(extras[0].weight).toBeLessThan(1);
  });
});

describe('intent training examples', () => {
  it('add a courteous copy of requests, never of greetings and thanks', () => {
    const examples = intentTrainingExamples(
      [
        { text: '转人工', label: 'handoff' },
        { text: '你好', label: 'greeting' },
        { text: '谢谢', label: 'thanks_goodbye' },
      ],
      [],
    );
    const copies = examples.filter((example) => example.weight !== undefined);
    expect(copies).toHaveLength(1);
    expect(copies[0].label).toBe('handoff');
    expect(copies[0].text).toContain('转人工');
    expect(copies[0].text).not.toBe('转人工');
  });
});
