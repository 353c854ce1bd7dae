import { understand } from './first-intents';

describe('first reading of a message', () => {
  it('greets', () => {
    expect(understand('你好').intent).toBe('greeting');
    expect(understand(' 您好！').intent).toBe('greeting');
    expect(understand('Hello').intent).toBe('greeting');
  });

  it('takes a complaint and its category', () => {
    expect(understand('我要投诉小区周边施工扰民')).toEqual({
      intent: 'complaint',
      confidence: 0.8,
      category: '城乡建设',
    });
    expect(understand('举报工厂夜间排污').category).toBe('环境保护');
    expect(understand('投诉公司拖欠工资三个月').category).toBe('劳动和社会保障');
    expect(understand('我要投诉').category).toBe('其他');
  });

  it('hears a request for a person', () => {
    expect(understand('转人工').intent).toBe('handoff');
  });

  it('admits what it does not understand', () => {
    expect(understand('个税专项附加扣除怎么填').intent).toBe('unknown');
    expect(understand('你好，我想问一下社保怎么查').intent).toBe('unknown');
  });
});

describe('first reading of tasks', () => {
  it('tells a tax calculation from a question about the rules', () => {
    expect(understand('月收入1.5万，一个孩子上小学，每年能少缴多少个税？').intent).toBe('calculate_tax');
    expect(understand('帮我算一算个税').intent).toBe('calculate_tax');
    expect(understand('孩子上小学个税能扣多少').intent).toBe('unknown');
  });

  it('hears a request to check eligibility, and a cancel', () => {
    expect(understand('我是外地户口，我能申请广州公租房吗').intent).toBe('check_eligibility');
    expect(understand('取消').intent).toBe('cancel');
  });
});
