import { join } from 'node:path';
import { DomainError } from '@libs/common/errors/domain-error';
import type { Segmenter } from '../segmentation/segmenter';
import { isCategory, type Category } from './categories';
import { TextClassifier } from './text-classifier';

export const CATEGORY_MODEL_FILE = join(__dirname, 'models', 'category.model.json');

export interface CategoryReading {
  category: Category;
  /** Calibrated: below about 0.6 a person should confirm the category before the complaint is routed. */
  confidence: number;
  scores: Record<string, number>;
}

/** The department category of a complaint, for routing. */
export class CategoryClassifier {
  constructor(private readonly classifier: TextClassifier) {
    const strange = classifier.labels.filter((label) => !isCategory(label));
    if (strange.length > 0)
      throw new DomainError('invalid', `category model has unknown labels: ${strange.join(', ')}`);
  }

  classify(text: string): CategoryReading {
    const { label, confidence, scores } = this.classifier.classify(text);
    if (!isCategory(label)) throw new DomainError('invalid', `category model answered ${label}`);
    return { category: label, confidence, scores };
  }
}

/** The committed category model, with the app's segmenter. Load once at start. */
export function categoryClassifier(segmenter: Segmenter, path = CATEGORY_MODEL_FILE): CategoryClassifier {
  return new CategoryClassifier(TextClassifier.load(path, (text) => segmenter.tokens(text)));
}
