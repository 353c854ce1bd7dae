import { FirstIntent, understand } from '../conversation/first-intents';
import { extractSlots } from './slots/extract-slots';
import { Slots } from './slots/slots';
import { Segmenter } from './segmentation/segmenter';

export type Intent = FirstIntent;

/** What the assistant reads in one message: what the citizen wants, about which category, and the facts stated. */
export interface Reading {
  intent: Intent;
  confidence: number;
  /** For complaints: the top-level category (the label set of the citizen-message data). */
  category?: string;
  categoryConfidence?: number;
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
    private readonly homeCityCode: string,
  ) {}

  read(text: string, today: string): Reading {
    const first = understand(text);
    return {
      intent: first.intent,
      confidence: first.confidence,
      ...(first.category ? { category: first.category, categoryConfidence: first.confidence } : {}),
      slots: extractSlots(text, { today, homeCityCode: this.homeCityCode }),
      tokens: this.segmenter.tokens(text),
    };
  }
}
