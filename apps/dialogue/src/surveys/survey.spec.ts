import { join } from 'node:path';
import { chosenOption, questionText, Surveys } from './survey';

const surveys = Surveys.load(join(__dirname, '..', '..', '..', '..', 'demo', 'surveys'));
const survey = surveys.byId('community-elderly-care-satisfaction');

describe('surveys in conversation', () => {
  it('loads the demo survey', () => {
    expect(survey?.questions.map((question) => question.id)).toEqual(['usage', 'satisfaction', 'priority']);
  });

  it('numbers the options and offers them as choices', () => {
    if (!survey) throw new Error('no survey');
    const { text, quickReplies } = questionText(survey, 1);
    expect(text).toBe(
      '（2/3）您对社区养老服务设施的总体满意程度是？\n1. 非常满意\n2. 满意\n3. 一般\n4. 不满意\n5. 非常不满意',
    );
    expect(quickReplies).toEqual(['非常满意', '满意', '一般', '不满意', '非常不满意']);
  });

  it('reads a number or the option, and nothing else', () => {
    const options = ['非常满意', '满意', '一般'];
    expect(chosenOption(options, '2')).toBe(1);
    expect(chosenOption(options, '第三个')).toBe(2);
    expect(chosenOption(options, '满意')).toBe(1);
    expect(chosenOption(options, '4')).toBeUndefined();
    expect(chosenOption(options, '还行吧')).toBeUndefined();
  });
});
