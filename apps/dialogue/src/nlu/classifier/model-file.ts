import { z } from 'zod';
import type { FeatureOptions } from './text-features';

/** A cue as written in the file: the source and flags of its pattern. */
const StoredCue = z.object({
  name: z.string().regex(/^\w+$/u),
  pattern: z.string().min(1),
  flags: z.string().regex(/^[imsu]*$/u),
});

/**
 * The committed model file: a linear model over TF-IDF features, small enough to load at start (a few MB of JSON).
 * Numbers are packed as base64 typed arrays: idf as Uint16 (idf × idfScale), weights as Int16 (× weightScale),
 * feature-major (the K weights of feature f at f·K … f·K+K−1), so scoring reads them in order.
 */
export const MODEL_FORMAT = 'linear-text-classifier/1';

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/u);

export const ModelFile = z.object({
  format: z.literal(MODEL_FORMAT),
  name: z.string().min(1),
  /** What it was trained on and how it scored; for people, not read by the code. */
  about: z.record(z.string(), z.unknown()).default({}),
  labels: z.array(z.string().min(1)).min(2),
  features: z.object({
    charNgramMax: z.number().int().min(1).max(5),
    wordBigrams: z.boolean(),
    dropStopWords: z.boolean(),
    foldDigits: z.boolean(),
    leadCharacters: z.number().int().min(0),
    cues: z.array(StoredCue).default([]),
  }),
  /** Feature keys separated by "\n". */
  vocabulary: z.string(),
  idfScale: z.number().positive(),
  idf: Base64,
  weightScale: z.number().positive(),
  weights: Base64,
  bias: z.array(z.number()),
  /** Softmax temperature fitted on held-back validation scores, so that confidence means probability. */
  temperature: z.number().positive(),
});
export type ModelFile = z.infer<typeof ModelFile>;

export type StoredFeatureOptions = ModelFile['features'];

export function storeFeatureOptions(options: FeatureOptions): StoredFeatureOptions {
  return {
    ...options,
    cues: options.cues.map(({ name, pattern }) => ({ name, pattern: pattern.source, flags: pattern.flags })),
  };
}

export function loadFeatureOptions(stored: StoredFeatureOptions): FeatureOptions {
  return {
    ...stored,
    cues: stored.cues.map(({ name, pattern, flags }) => ({ name, pattern: new RegExp(pattern, flags) })),
  };
}

export function encodeUint16(values: ArrayLike<number>): string {
  return Buffer.from(Uint16Array.from(values).buffer).toString('base64');
}

export function encodeInt16(values: ArrayLike<number>): string {
  return Buffer.from(Int16Array.from(values).buffer).toString('base64');
}

export function decodeUint16(base64: string): Uint16Array {
  const bytes = Buffer.from(base64, 'base64');
  return new Uint16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

export function decodeInt16(base64: string): Int16Array {
  const bytes = Buffer.from(base64, 'base64');
  return new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}
