import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { describeIssues } from '@libs/common/kafka/contract-violation';
import { IdentityTag } from '../nlu/slots/slots';

const Text = z.string().trim().min(1);

/**
 * A personalised bundle (demo/bundles/*.yaml): for citizens of one group asking about one topic, the knowledge items
 * that matter to them, in the order to take them, each with why and by when. 应届毕业生 asking about starting a
 * business → 创业补贴 → 免费场地 → 税收优惠.
 */
export const Bundle = z.object({
  id: z.string().regex(/^[a-z0-9-]{3,64}$/),
  title: Text,
  /** Whom it is for. */
  identityTag: IdentityTag,
  /** Words that say the question is about this topic (创业, 开店, 个体户 …). */
  topicKeywords: z.array(Text).min(1),
  intro: Text,
  steps: z
    .array(
      z.object({
        knowledgeItemId: z.string().regex(/^[a-z0-9-]{3,64}$/),
        /** Why this step, for this group, in a sentence. */
        why: Text,
        /** The deadline as the citizen should hear it (毕业年度内 / 每年6月30日前 …). */
        deadline: Text.optional(),
      }),
    )
    .min(2),
});
export type Bundle = z.infer<typeof Bundle>;

export class Bundles {
  private constructor(private readonly bundles: Bundle[]) {}

  static load(dir: string): Bundles {
    return new Bundles(
      readdirSync(dir)
        .filter((name) => name.endsWith('.yaml'))
        .sort()
        .map((name) => {
          const parsed = Bundle.safeParse(parse(readFileSync(join(dir, name), 'utf8')));
          if (!parsed.success) throw new Error(`${name}: ${describeIssues(parsed.error)}`);
          return parsed.data;
        }),
    );
  }

  /** The bundle for a citizen in one of these groups whose message is about its topic, if there is one. */
  for(identityTags: readonly string[], text: string): Bundle | undefined {
    return this.bundles.find(
      (bundle) =>
        identityTags.includes(bundle.identityTag) && bundle.topicKeywords.some((keyword) => text.includes(keyword)),
    );
  }
}
