import { readFileSync } from 'node:fs';
import { LinearTextModel } from './linear-text-model';
import { ModelFile } from './model-file';
import { extractFeatures, type Tokenize } from './text-features';

export interface Classification {
  /** The most probable label. */
  label: string;
  /** Its calibrated probability: of the messages given 0.8, about 80 in 100 are right. */
  confidence: number;
  /** The probability of every label. */
  scores: Record<string, number>;
}

/** A committed model with the tokenizer it was trained with; loaded once at start, then pure and fast. */
export class TextClassifier {
  constructor(
    private readonly model: LinearTextModel,
    private readonly tokenize: Tokenize,
  ) {}

  static load(path: string, tokenize: Tokenize): TextClassifier {
    const file = ModelFile.parse(JSON.parse(readFileSync(path, 'utf8')));
    return new TextClassifier(LinearTextModel.fromFile(file), tokenize);
  }

  get labels(): readonly string[] {
    return this.model.labels;
  }

  classify(text: string): Classification {
    const probabilities = this.model.probabilities(extractFeatures(text, this.tokenize, this.model.features));
    let best = 0;
    for (let k = 1; k < probabilities.length; k += 1) if (probabilities[k] > probabilities[best]) best = k;
    const scores: Record<string, number> = {};
    this.model.labels.forEach((label, k) => {
      scores[label] = probabilities[k];
    });
    return { label: this.model.labels[best], confidence: probabilities[best], scores };
  }
}
