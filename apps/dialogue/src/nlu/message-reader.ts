import { CategoryClassifier } from './classifier/category-classifier';
import { IntentClassifier } from './classifier/intent-classifier';
import { Intent } from './classifier/intents';
import { extractSlots } from './slots/extract-slots';
import { Slots } from './slots/slots';
import { Segmenter } from './segmentation/segmenter';

export type { Intent } from './classifier/intents';

/**
 * Below this calibrated confidence a complaint's category is not trusted to route it: it goes to the 12345 desk,
 * whose dispatcher reads it (on held-out messages, 95 % of categories at or above it are right: docs/nlu.md).
 */
export const CATEGORY_MIN_CONFIDENCE = 0.6;

/** What the assistant reads in one message: what the citizen wants, about which category, and the facts stated. */
export interface Reading {
  intent: Intent;
  confidence: number;
  /** The department category (一级分类), when trusted enough to route a complaint by. */
  category?: string;
  categoryConfidence: number;
  slots: Slots;
  tokens: string[];
}

/**
 * Segmentation, intent and category, and slots, in one place: the conversation and POST /api/v1/nlu/parse use it.
 * The home city settles place names several cities share (白云区 → Guangzhou's when the service is Guangzhou's).
 */
export class MessageReader {
  constructor(
    private readonly segmenter: Segmenter,
    private readonly intents: IntentClassifier,
    private readonly categories: CategoryClassifier,
    private readonly homeCityCode: string,
  ) {}

  read(text: string, today: string): Reading {
    const intent = this.intents.classify(text);
    const category = this.categories.classify(text);
    return {
      intent: intent.intent,
      confidence: intent.confidence,
      ...(category.confidence >= CATEGORY_MIN_CONFIDENCE ? { category: category.category } : {}),
      categoryConfidence: category.confidence,
      slots: extractSlots(text, { today, homeCityCode: this.homeCityCode }),
      tokens: this.segmenter.tokens(text),
    };
  }
}
