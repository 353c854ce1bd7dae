import { Inject, Injectable } from '@nestjs/common';
import { DIALOGUE_CONFIG, DialogueConfig } from '../config';
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

/** Segmentation, intent and category, and slots, in one place: the conversation and POST /api/v1/nlu/parse use it. */
@Injectable()
export class MessageReader {
  private readonly homeCityCode: string;

  constructor(
    private readonly segmenter: Segmenter,
    @Inject(DIALOGUE_CONFIG) config: DialogueConfig,
  ) {
    this.homeCityCode = `${config.DEFAULT_REGION_CODE.slice(0, 4)}00`;
  }

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
