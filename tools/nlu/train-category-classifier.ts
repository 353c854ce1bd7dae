import { softmax } from '../../apps/dialogue/src/nlu/classifier/linear-text-model';
import { Segmenter } from '../../apps/dialogue/src/nlu/segmentation/segmenter';
import { calibrationReport, fitTemperature } from './calibration';
import {
  CATEGORY_LABELS,
  CATEGORY_RECIPE,
  categoryTrainingExamples,
  cleanMessageText,
  LONGEST_COPY,
  SHORTEST_COPY,
} from './category-recipe';
import { describeRecipe, labelIndex, scoreText, trainClassifier, type FeatureCache } from './classifier-training';
import { dataDirectory, readLabelledMessages, readTitledMessages, type LabelledMessage } from './competition-data';
import { outOfFoldScores } from './cross-validation';
import { nearDuplicateGroups, splitCategoryData } from './held-out-split';
import { argmax, report } from './metrics';
import { toModelFile } from './model-export';
import { writeModelFile } from './model-writer';
import { describeReport, modelPath, percent, say } from './script-io';
import { seededRandom } from './linear-svm';

/**
 * Trains the complaint-category model from ../shared/data and writes apps/dialogue/src/nlu/classifier/models/
 * category.model.json. Never reads the held-out split: it tunes on the validation split and calibrates on
 * cross-validation over train + validation, then trains the committed model on train + validation.
 *   node <build>/tools/nlu/train-category-classifier.js [--data ../shared/data] [--category-model <path>]
 */
async function main(): Promise<void> {
  const started = Date.now();
  const split = splitCategoryData(readLabelledMessages(dataDirectory()), readTitledMessages(dataDirectory()));
  say(
    `train ${split.train.length}, validation ${split.validation.length}; held out (not read) ${split.heldOut.length}`,
  );
  const segmenter = Segmenter.load();
  const tokenize = (text: string): string[] => segmenter.tokens(text);
  const cache: FeatureCache = new Map();
  const labels = CATEGORY_LABELS;
  const truth = (messages: readonly LabelledMessage[]): number[] => messages.map((m) => labelIndex(labels, m.label));

  const onTrain = trainClassifier(categoryTrainingExamples(split.train), labels, CATEGORY_RECIPE, tokenize, cache);
  const predict = (texts: string[]): number[] => texts.map((text) => argmax(scoreText(onTrain, text, tokenize, cache)));
  const validationTexts = split.validation.map((message) => cleanMessageText(message.text));
  describeReport('validation, whole messages', report(labels, truth(split.validation), predict(validationTexts)), true);
  const firstCharacters = validationTexts.map((text) => text.slice(0, 20));
  describeReport('validation, first 20 characters', report(labels, truth(split.validation), predict(firstCharacters)));

  // Calibration needs scores the model did not train on, for whole messages and for chat-length texts alike.
  const rest = [...split.train, ...split.validation];
  const groups = nearDuplicateGroups(rest);
  const random = seededRandom(11);
  const lengths = new Map(
    rest.map((m) => [m.id, SHORTEST_COPY + Math.floor(random() * (LONGEST_COPY - SHORTEST_COPY + 1))]),
  );
  const scored = outOfFoldScores(
    rest,
    (message) => groups.get(message.id) ?? message.id,
    5,
    (training) => categoryTrainingExamples(training),
    (message) => {
      const text = cleanMessageText(message.text);
      return [text, text.slice(0, lengths.get(message.id))];
    },
    labels,
    CATEGORY_RECIPE,
    tokenize,
    cache,
  );
  const outOfFoldTruth = scored.map(({ item }) => labelIndex(labels, item.label));
  const temperature = fitTemperature(
    scored.map(({ scores }) => scores),
    outOfFoldTruth,
  );
  for (const variant of [0, 1]) {
    const part = scored.filter((entry) => entry.variant === variant);
    const partTruth = part.map(({ item }) => labelIndex(labels, item.label));
    const name = variant === 0 ? 'whole messages' : `first ${SHORTEST_COPY}–${LONGEST_COPY} characters`;
    describeReport(
      `5-fold cross-validation, ${name}`,
      report(
        labels,
        partTruth,
        part.map(({ scores }) => argmax(scores)),
      ),
    );
    const calibrated = calibrationReport(
      part.map(({ scores }) => softmax(scores, temperature)),
      partTruth,
    );
    say(`    expected calibration error at temperature ${temperature.toFixed(3)}: ${percent(calibrated.ece)}%`);
  }

  const final = trainClassifier(categoryTrainingExamples(rest), labels, CATEGORY_RECIPE, tokenize);
  const file = toModelFile('category', final, temperature, {
    task: 'department category (一级分类) of a citizen message, TipDM 2020 C labels',
    trainedOn: `${rest.length} messages of tipdm2020c_msgcls (train + validation split), plus their first 15–40 characters`,
    heldOut: `${split.heldOut.length} messages never read by training: tools/nlu/held-out-split.ts`,
    recipe: describeRecipe(CATEGORY_RECIPE),
    evaluate: 'node <build>/tools/nlu/evaluate-classifiers.js',
  });
  const path = modelPath('category');
  const bytes = await writeModelFile(path, file);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  say(`wrote ${path}: ${final.vocabulary.features.length} features, ${(bytes / 1e6).toFixed(2)} MB, ${seconds} s`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
