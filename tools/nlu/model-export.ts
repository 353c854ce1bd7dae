import {
  encodeInt16,
  encodeUint16,
  MODEL_FORMAT,
  storeFeatureOptions,
  type ModelFile,
} from '../../apps/dialogue/src/nlu/classifier/model-file';
import type { TrainedClassifier } from './classifier-training';

const IDF_SCALE = 1 / 4096;

/**
 * The committed file of a trained classifier: idf to 1/4096 and weights to 1/32767 of the largest, which changes
 * scores by less than 0.1 % (the evaluation script scores the file itself, not the model in memory).
 */
export function toModelFile(
  name: string,
  trained: TrainedClassifier,
  temperature: number,
  about: Record<string, unknown>,
): ModelFile {
  const { model, vocabulary } = trained;
  if (vocabulary.idf.some((idf) => idf * 4096 > 65535)) throw new Error('idf too large for its 16-bit encoding');
  let largest = 0;
  for (const weight of model.weights) largest = Math.max(largest, Math.abs(weight));
  const weightScale = largest > 0 ? largest / 32767 : 1;
  return {
    format: MODEL_FORMAT,
    name,
    about,
    labels: [...trained.labels],
    features: storeFeatureOptions(trained.features),
    vocabulary: vocabulary.features.join('\n'),
    idfScale: IDF_SCALE,
    idf: encodeUint16(Array.from(vocabulary.idf, (idf) => Math.round(idf / IDF_SCALE))),
    weightScale,
    weights: encodeInt16(Array.from(model.weights, (weight) => Math.round(weight / weightScale))),
    bias: Array.from(model.bias),
    temperature,
  };
}
