import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { normaliseText } from '../../apps/dialogue/src/nlu/segmentation/text-normaliser';
import { stableBucket } from './held-out-split';

/** Examples we wrote ourselves, by label: `label: [text, …]` in YAML. */
const ExampleFile = z.record(z.string().min(1), z.array(z.string().trim().min(1)).min(1));

export interface LabelledText {
  text: string;
  label: string;
}

export function readExamples(path: string): LabelledText[] {
  const file = ExampleFile.parse(parse(readFileSync(path, 'utf8')));
  return Object.entries(file).flatMap(([label, texts]) => texts.map((text) => ({ text, label })));
}

export const EXAMPLE_HELD_OUT_PERCENT = 20;

/** About one example in five, chosen by a hash of its normalised text: scored, never trained on. */
export function isHeldOutExample(text: string): boolean {
  return stableBucket(normaliseText(text), 'example:') < EXAMPLE_HELD_OUT_PERCENT;
}
