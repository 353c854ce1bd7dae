import { Bundle } from './bundle';

/** The bundle as one message: the intro, then each step numbered with why and by when; the citizen picks a number. */
export function bundleText(bundle: Bundle, titles: string[]): string {
  const steps = bundle.steps.map(
    (step, index) => `${index + 1}. ${titles[index]}：${step.why}${step.deadline ? `（${step.deadline}）` : ''}`,
  );
  return [bundle.intro, ...steps, '回复序号，查看每一项的条件、材料和办理方式。'].join('\n');
}
