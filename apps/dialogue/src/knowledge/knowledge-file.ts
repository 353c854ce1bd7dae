import { z } from 'zod';

/**
 * The format of the knowledge files (demo/knowledge/*.yaml), imported into Postgres by `cli.js load-demo` and
 * editable afterwards through the admin API. One file holds one policy or one service guide with all its versions;
 * the answer always uses the version in force on the day asked, and cites it.
 */

const IsoDate = z.iso.date();
const Url = z.url({ protocol: /^https?$/ });
const Text = z.string().trim().min(1);

/** Where a version applies: the whole country, or these administrative regions (and everything inside them). */
const Scope = z.union([z.literal('national'), z.array(z.string().regex(/^\d{6}$/)).min(1)]);

const QuestionAndAnswer = z.object({
  question: Text,
  /** Other ways citizens ask the same thing: they help retrieval find it. */
  alternatives: z.array(Text).default([]),
  answer: Text,
});

/** A worked example, with the numbers shown: 月收入1.5万元、一个孩子上小学 → 每年少缴 … 元. */
const WorkedExample = z.object({ title: Text, text: Text });

const versionFields = {
  /** A label of this version, e.g. "2023". */
  version: Text,
  title: Text,
  /** 发文机关 / 办理机关. */
  authority: Text,
  /** 文号, e.g. 国发〔2023〕13号, when there is one. */
  documentNumber: Text.optional(),
  scope: Scope,
  effectiveFrom: IsoDate,
  /** The last day it is in force; absent while it is. */
  effectiveUntil: IsoDate.optional(),
  /** The official source this version was written from. */
  sourceUrl: Url,
  /** Plain language first: what it means for the citizen, in a few sentences. */
  summary: Text,
  /** The details, precisely, for those who want them. */
  details: Text.optional(),
  qa: z.array(QuestionAndAnswer).default([]),
  examples: z.array(WorkedExample).default([]),
  /** Words citizens use for it, beside those in the title and text. */
  keywords: z.array(Text).default([]),
};

const PolicyVersion = z.object(versionFields);

const Material = z.object({
  name: Text,
  /** When it is needed, if not always: 委托他人办理的. */
  condition: Text.optional(),
  /** 原件 / 复印件 and how many. */
  form: Text.optional(),
  note: Text.optional(),
});

const GuideVersion = z.object({
  ...versionFields,
  steps: z.array(z.object({ title: Text, detail: Text.optional() })).min(1),
  materials: z.array(Material).default([]),
  /** Forms and templates to download. */
  forms: z.array(z.object({ name: Text, url: Url })).default([]),
  /** How-to videos, including sign-language ones. */
  videos: z.array(z.object({ title: Text, url: Url, isSignLanguage: z.boolean().default(false) })).default([]),
  /** 办理地点 / 网上办理入口. */
  where: Text.optional(),
  /** 办理时限, e.g. 3 个工作日. */
  timeLimit: Text.optional(),
  fee: Text.optional(),
});

const versionsInOrder = <V extends { effectiveFrom: string; effectiveUntil?: string }>(versions: V[]) =>
  versions.every(
    (version, index) =>
      (!version.effectiveUntil || version.effectiveUntil >= version.effectiveFrom) &&
      (index === 0 || (versions[index - 1].effectiveUntil ?? '9999-12-31') < version.effectiveFrom),
  );
const ORDER_MESSAGE = 'versions must be in date order and must not overlap (set effectiveUntil on the older one)';

export const KnowledgeFile = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('policy'),
    id: z.string().regex(/^[a-z0-9-]{3,64}$/),
    versions: z.array(PolicyVersion).min(1).refine(versionsInOrder, ORDER_MESSAGE),
  }),
  z.object({
    kind: z.literal('guide'),
    id: z.string().regex(/^[a-z0-9-]{3,64}$/),
    versions: z.array(GuideVersion).min(1).refine(versionsInOrder, ORDER_MESSAGE),
  }),
]);
export type KnowledgeFile = z.infer<typeof KnowledgeFile>;
export type PolicyVersion = z.infer<typeof PolicyVersion>;
export type GuideVersion = z.infer<typeof GuideVersion>;
