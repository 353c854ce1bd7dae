import { INTENT_CUES } from '../../apps/dialogue/src/nlu/classifier/intent-cues';
import { INTENTS } from '../../apps/dialogue/src/nlu/classifier/intents';
import type { Recipe, TrainingExample } from './classifier-training';
import type { LabelledMessage } from './competition-data';
import { stableBucket } from './held-out-split';
import type { LabelledText } from './example-files';
import { cleanMessageText } from './category-recipe';

/**
 * The intent model: character 1–3-grams and words and word pairs with stop words kept (请问, 吗 and 谢谢 are what
 * tell intents apart), digits folded (a ticket number is "a number", not these digits), the cue words of
 * INTENT_CUES, squared-hinge SVM with every intent weighing the same. Chosen by 5-fold cross-validation on the
 * training part of our examples.
 */
export const INTENT_RECIPE: Recipe = {
  features: {
    charNgramMax: 3,
    wordBigrams: true,
    dropStopWords: false,
    foldDigits: true,
    leadCharacters: 0,
    cues: INTENT_CUES,
  },
  minDocumentFrequency: 1,
  svm: { C: 3, seed: 1 },
  classBalance: 1,
};

export const INTENT_LABELS: readonly string[] = INTENTS;

/** Openings that make a message a complaint (投诉, 举报, 反映 …) rather than a question. */
const COMPLAINT_CUE = /(投诉|举报|反映|扰民|拖欠|欠薪|违规|违法|乱收费|污染|噪音|不作为|强烈要求)/u;
const QUESTION_OPENING = /^(咨询|请问|建议|关于|询问|求助|如何|怎么)/u;

const EXTRA_COMPLAINTS = 400;
const EXTRA_COMPLAINT_WEIGHT = 0.5;

/**
 * Real complaints from the category data (training part only) as extra `complaint` examples: the ones whose first
 * characters read as a complaint, cut to a chat-length 12–40 characters. Never committed, read at training time.
 */
export function extraComplaints(messages: readonly LabelledMessage[]): TrainingExample[] {
  return messages
    .map((message) => ({ message, text: cleanMessageText(message.text) }))
    .filter(({ text }) => COMPLAINT_CUE.test(text.slice(0, 30)) && !QUESTION_OPENING.test(text))
    .sort(
      (a, b) =>
        stableBucket(a.message.id, 'complaint:') - stableBucket(b.message.id, 'complaint:') ||
        (a.message.id < b.message.id ? -1 : 1),
    )
    .slice(0, EXTRA_COMPLAINTS)
    .map(({ message, text }) => ({
      text: text.slice(0, 12 + (stableBucket(message.id, 'length:') % 29)),
      label: 'complaint',
      weight: EXTRA_COMPLAINT_WEIGHT,
    }));
}

/** Intents people wrap in courtesies: "你好，" before or "，谢谢" after must not turn them into a greeting. */
const WRAPPED = new Set([
  'complaint',
  'policy_question',
  'service_guide',
  'calculate_tax',
  'check_eligibility',
  'handoff',
  'progress_query',
  'subscribe_alert',
]);
const OPENINGS = [
  '你好，',
  '您好，',
  '请问',
  '请问一下，',
  '我想问一下，',
  '麻烦问下，',
  '那个，',
  '喂，',
  '同志你好，',
  '你好，我想问问，',
];
const CLOSINGS = ['？', '，谢谢', '，麻烦了', '啊', '呢', '。', '，谢谢你'];
const WRAPPED_WEIGHT = 0.5;

/** Our examples, a copy of each wrapped in a courtesy (weight 0.5), and the real complaints. */
export function intentTrainingExamples(
  ours: readonly LabelledText[],
  extras: readonly TrainingExample[],
): TrainingExample[] {
  const wrapped = ours
    .filter((example) => WRAPPED.has(example.label))
    .map((example) => {
      const pick = stableBucket(example.text, 'wrap:');
      const opening = pick % 3 === 1 ? '' : OPENINGS[pick % OPENINGS.length];
      const closing = pick % 3 === 0 ? '' : CLOSINGS[Math.floor(pick / 3) % CLOSINGS.length];
      return { text: `${opening}${example.text}${closing}`, label: example.label, weight: WRAPPED_WEIGHT };
    });
  return [...ours.map((example) => ({ text: example.text, label: example.label })), ...wrapped, ...extras];
}
