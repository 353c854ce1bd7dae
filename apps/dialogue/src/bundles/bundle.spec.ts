import { bundleText } from './bundle-answers.zh';
import { Bundle } from './bundle';

const bundle = Bundle.parse({
  id: 'graduate-entrepreneurship',
  title: '高校毕业生创业',
  identityTag: 'freshGraduate',
  topicKeywords: ['创业', '开店'],
  intro: '您是应届毕业生，想自己创业，建议按这个顺序了解：',
  steps: [
    { knowledgeItemId: 'startup-subsidy', why: '先看能领哪些补贴', deadline: '毕业5年内申请' },
    { knowledgeItemId: 'free-space', why: '再找免费场地' },
  ],
});

describe('personalised bundles', () => {
  it('lists the steps in order, with why and by when', () => {
    expect(bundleText(bundle, ['创业补贴', '免费场地'])).toBe(
      '您是应届毕业生，想自己创业，建议按这个顺序了解：\n' +
        '1. 创业补贴：先看能领哪些补贴（毕业5年内申请）\n' +
        '2. 免费场地：再找免费场地\n' +
        '回复序号，查看每一项的条件、材料和办理方式。',
    );
  });

  it('refuses a bundle for a group that does not exist', () => {
    expect(Bundle.safeParse({ ...bundle, identityTag: 'student' }).success).toBe(false);
  });
});
