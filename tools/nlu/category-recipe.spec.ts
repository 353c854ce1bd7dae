import { categoryTrainingExamples, cleanMessageText, LONGEST_COPY, SHORTEST_COPY } from './category-recipe';

describe('category training examples', () => {
  const long = { id: 'm-1', text: '投诉小区物业违规收取停车费'.repeat(5), label: '城乡建设' };
  const short = { id: 'm-2', text: '路灯不亮', label: '城乡建设' };

  it('are the messages plus a title-length copy of each long one, weighing half', () => {
    const examples = categoryTrainingExamples([long, short]);
    expect(examples).toHaveLength(3);
    const copy = examples[2];
    expect(long.text.startsWith(copy.text)).toBe(true);
    expect(copy.text.length).toBeGreaterThanOrEqual(SHORTEST_COPY);
    expect(copy.text.length).toBeLessThanOrEqual(LONGEST_COPY);
    expect(copy.weight).toBe(0.5);
  });

  it('are the same on every run', () => {
    expect(categoryTrainingExamples([long, short])).toEqual(categoryTrainingExamples([long, short]));
  });

  it('lose the Excel line breaks left in the data', () => {
    expect(cleanMessageText('焚烧垃圾_x000D_事情_x000D_经过')).toBe('焚烧垃圾 事情 经过');
  });
});
