import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { describeIssues } from '@libs/common/kafka/contract-violation';

const Text = z.string().trim().min(1);

/** A multi-choice survey pushed in conversation, one question at a time (demo/surveys/*.yaml). */
export const Survey = z.object({
  id: z.string().regex(/^[a-z0-9-]{3,64}$/),
  title: Text,
  intro: Text,
  questions: z
    .array(z.object({ id: z.string().regex(/^[a-z0-9_-]{1,64}$/), text: Text, options: z.array(Text).min(2).max(9) }))
    .min(1),
  thanks: Text,
});
export type Survey = z.infer<typeof Survey>;

export class Surveys {
  private constructor(private readonly surveys: Survey[]) {}

  static load(dir: string): Surveys {
    return new Surveys(
      readdirSync(dir)
        .filter((name) => name.endsWith('.yaml'))
        .sort()
        .map((name) => {
          const parsed = Survey.safeParse(parse(readFileSync(join(dir, name), 'utf8')));
          if (!parsed.success) throw new Error(`${name}: ${describeIssues(parsed.error)}`);
          return parsed.data;
        }),
    );
  }

  byId(id: string): Survey | undefined {
    return this.surveys.find((survey) => survey.id === id);
  }
}

/** The question as sent: its text with numbered options, and the options as choices to tap. */
export function questionText(survey: Survey, index: number): { text: string; quickReplies: string[] } {
  const question = survey.questions[index];
  const numbered = question.options.map((option, position) => `${position + 1}. ${option}`).join('\n');
  return {
    text: `（${index + 1}/${survey.questions.length}）${question.text}\n${numbered}`,
    quickReplies: question.options,
  };
}

/** The option a reply chooses: its number (1, 第二个) or its text; undefined for anything else. */
export function chosenOption(options: string[], reply: string): number | undefined {
  const text = reply.trim().replace(/[。.！!？?]$/u, '');
  const numeral = /^(?:第)?([1-9一二三四五六七八九])(?:个|项|条)?$/u.exec(text)?.[1];
  if (numeral) {
    const index = '123456789一二三四五六七八九'.indexOf(numeral) % 9;
    return index < options.length ? index : undefined;
  }
  const exact = options.indexOf(text);
  return exact >= 0 ? exact : undefined;
}
