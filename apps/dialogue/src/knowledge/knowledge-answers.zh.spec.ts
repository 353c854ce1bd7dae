import { aGuideVersion, aPolicyVersion } from '../../../../test/builders/knowledge.builder';
import { answerFrom, citation } from './knowledge-answers.zh';

describe('answers from the knowledge base', () => {
  it('cites the document, its authority and the date it took effect', () => {
    expect(citation(aPolicyVersion())).toBe(
      '依据：《个人所得税专项附加扣除》（国发〔2023〕13号），国务院，2023年1月1日起施行。\n' +
        '来源：https://www.gov.cn/zhengce/content/202308/content_6901241.htm',
    );
    expect(citation(aPolicyVersion({ documentNumber: undefined, effectiveUntil: '2025-12-31' }))).toContain(
      '《个人所得税专项附加扣除》，国务院，2023年1月1日至2025年12月31日。',
    );
  });

  it('puts plain language first, then details, a worked example, and the source last', () => {
    const version = aPolicyVersion({
      details: '按每个子女每月2000元的标准定额扣除。',
      examples: [{ title: '月收入1.5万元、一个孩子上小学', text: '每年少缴2400元。' }],
    });
    const messages = answerFrom({ itemId: 'x', kind: 'policy', version, part: { type: 'overview' } });
    expect(messages).toEqual([
      '子女教育每个孩子每月可扣除2000元。',
      '按每个子女每月2000元的标准定额扣除。',
      '举个例子：月收入1.5万元、一个孩子上小学\n每年少缴2400元。',
      citation(version),
    ]);
  });

  it('lists the steps and the materials of a guide, with their conditions', () => {
    const version = aGuideVersion({
      materials: [
        { name: '身份证', form: '原件' },
        { name: '授权委托书', condition: '委托他人办理的' },
      ],
      timeLimit: '1个工作日',
    });
    const [, guide] = answerFrom({ itemId: 'x', kind: 'guide', version, part: { type: 'overview' } });
    expect(guide).toContain('办理步骤：\n1. 登录广东政务服务网\n2. 填写设立登记信息');
    expect(guide).toContain('材料清单：\n· 身份证（原件）\n· 授权委托书（委托他人办理的）');
    expect(guide).toContain('办理时限：1个工作日');
  });

  it('splits what is too long for one message at line breaks', () => {
    const long = Array.from({ length: 80 }, (_, n) => `第${n}行：${'内容'.repeat(20)}`).join('\n');
    const messages = answerFrom({
      itemId: 'x',
      kind: 'policy',
      version: aPolicyVersion({ summary: long }),
      part: { type: 'overview' },
    });
    expect(messages.length).toBeGreaterThan(2);
    expect(messages.every((text) => text.length <= 1500)).toBe(true);
    expect(messages.slice(0, -1).join('\n')).toBe(long);
  });
});
