import { CATEGORIES } from '../../apps/dialogue/src/nlu/classifier/categories';
import type { LabelledMessage } from './competition-data';
import type { Recipe, TrainingExample } from './classifier-training';
import { seededRandom } from './linear-svm';

/**
 * How the category model is made, chosen by 5-fold cross-validation on the training part only (docs/nlu.md has
 * the figures): character 1–2-grams and jieba words and word pairs, the first 20 characters once more on their
 * own, stop words dropped (the data had them removed), hinge-loss SVM with classes half-way balanced.
 */
export const CATEGORY_RECIPE: Recipe = {
  features: {
    charNgramMax: 2,
    wordBigrams: true,
    dropStopWords: true,
    foldDigits: false,
    leadCharacters: 20,
    cues: [],
  },
  minDocumentFrequency: 3,
  svm: { C: 1, loss: 'hinge', seed: 1 },
  classBalance: 0.5,
};

/** The competition's 7 department categories, in the model's order. */
export const CATEGORY_LABELS: readonly string[] = CATEGORIES;

/** Excel line breaks survived in the data as the text "_x000D_". */
export function cleanMessageText(text: string): string {
  return text.replace(/_x000D_/gu, ' ');
}

export const SHORTEST_COPY = 15;
export const LONGEST_COPY = 40;
const COPY_WEIGHT = 0.5;

/**
 * The messages, and a copy of each cut to its first 15–40 characters (weight 0.5), so that the model also learns
 * to decide from a title-length text: citizens chat, they rarely write 170 characters.
 */
export function categoryTrainingExamples(messages: readonly LabelledMessage[], seed = 7): TrainingExample[] {
  const random = seededRandom(seed);
  const examples: TrainingExample[] = messages.map((message) => ({
    text: cleanMessageText(message.text),
    label: message.label,
  }));
  for (const message of messages) {
    const text = cleanMessageText(message.text);
    const length = SHORTEST_COPY + Math.floor(random() * (LONGEST_COPY - SHORTEST_COPY + 1));
    if (text.length > length) examples.push({ text: text.slice(0, length), label: message.label, weight: COPY_WEIGHT });
  }
  return examples;
}

/** A title-length stand-in for a held-out message: its first characters. */
export function truncatedCopy(message: LabelledMessage, length: number): LabelledMessage {
  return { ...message, text: cleanMessageText(message.text).slice(0, length) };
}
