import { join } from 'node:path';
import { DomainError } from '@libs/common/errors/domain-error';
import type { Segmenter } from '../segmentation/segmenter';
import { isIntent, type Intent } from './intents';
import { TextClassifier } from './text-classifier';

export const INTENT_MODEL_FILE = join(__dirname, 'models', 'intent.model.json');

/**
 * Below this calibrated confidence the intent is `unknown`: the dialogue asks again or offers a person rather
 * than guess. At 0.5, nine answers in ten above it are right on our held-out examples (docs/nlu.md).
 */
export const INTENT_MIN_CONFIDENCE = 0.5;

export interface IntentReading {
  intent: Intent;
  /** Calibrated probability of the best intent, also when it fell below the threshold and became `unknown`. */
  confidence: number;
  scores: Record<string, number>;
}

export class IntentClassifier {
  constructor(
    private readonly classifier: TextClassifier,
    private readonly minConfidence = INTENT_MIN_CONFIDENCE,
  ) {
    const strange = classifier.labels.filter((label) => !isIntent(label));
    if (strange.length > 0) throw new DomainError('invalid', `intent model has unknown labels: ${strange.join(', ')}`);
  }

  classify(text: string): IntentReading {
    const { label, confidence, scores } = this.classifier.classify(text);
    const intent = isIntent(label) && confidence >= this.minConfidence ? label : 'unknown';
    return { intent, confidence, scores };
  }
}

/** The committed intent model, with the app's segmenter. Load once at start. */
export function intentClassifier(segmenter: Segmenter, path = INTENT_MODEL_FILE): IntentClassifier {
  return new IntentClassifier(TextClassifier.load(path, (text) => segmenter.tokens(text)));
}
