import { softmax } from '../../apps/dialogue/src/nlu/classifier/linear-text-model';
import { Segmenter } from '../../apps/dialogue/src/nlu/segmentation/segmenter';
import { accuracyAtThreshold, calibrationReport, fitTemperature } from './calibration';
import { describeRecipe, labelIndex, trainClassifier, type FeatureCache } from './classifier-training';
import { dataDirectory, readLabelledMessages, readTitledMessages } from './competition-data';
import { outOfFoldScores } from './cross-validation';
import { isHeldOutExample, readExamples } from './example-files';
import { splitCategoryData } from './held-out-split';
import { extraComplaints, INTENT_LABELS, INTENT_RECIPE, intentTrainingExamples } from './intent-recipe';
import { argmax, report } from './metrics';
import { toModelFile } from './model-export';
import { writeModelFile } from './model-writer';
import { describeReport, examplesPath, modelPath, percent, say } from './script-io';

/**
 * Trains the intent model from our own examples (intent-examples.yaml, minus the held-out fifth) and real
 * complaints from ../shared/data (training split only), calibrates it on 5-fold cross-validation and writes
 * apps/dialogue/src/nlu/classifier/models/intent.model.json.
 *   node <build>/tools/nlu/train-intent-classifier.js [--data ../shared/data] [--intent-model <path>]
 */
async function main(): Promise<void> {
  const examples = readExamples(examplesPath('intent-examples.yaml'));
  const ours = examples.filter((example) => !isHeldOutExample(example.text));
  const split = splitCategoryData(readLabelledMessages(dataDirectory()), readTitledMessages(dataDirectory()));
  const extras = extraComplaints([...split.train, ...split.validation]);
  say(`${ours.length} of our examples (${examples.length - ours.length} held out), ${extras.length} real complaints`);
  const segmenter = Segmenter.load();
  const tokenize = (text: string): string[] => segmenter.tokens(text);
  const cache: FeatureCache = new Map();
  const labels = INTENT_LABELS;

  const scored = outOfFoldScores(
    ours,
    (example) => example.text,
    5,
    (training) => intentTrainingExamples(training, extras),
    (example) => [example.text],
    labels,
    INTENT_RECIPE,
    tokenize,
    cache,
  );
  const truth = scored.map(({ item }) => labelIndex(labels, item.label));
  describeReport(
    '5-fold cross-validation on our examples',
    report(
      labels,
      truth,
      scored.map(({ scores }) => argmax(scores)),
    ),
    true,
  );
  const temperature = fitTemperature(
    scored.map(({ scores }) => scores),
    truth,
  );
  const probabilities = scored.map(({ scores }) => softmax(scores, temperature));
  say(
    `    expected calibration error at temperature ${temperature.toFixed(3)}: ${percent(calibrationReport(probabilities, truth).ece)}%`,
  );
  for (const threshold of [0.3, 0.4, 0.5, 0.6, 0.7]) {
    const { coverage, accuracy } = accuracyAtThreshold(probabilities, truth, threshold);
    say(`    confidence ≥ ${threshold}: ${percent(coverage)}% of messages, ${percent(accuracy)}% of them right`);
  }

  const final = trainClassifier(intentTrainingExamples(ours, extras), labels, INTENT_RECIPE, tokenize);
  const file = toModelFile('intent', final, temperature, {
    task: 'intent of a citizen message to the assistant',
    trainedOn: `${ours.length} examples we wrote (intent-examples.yaml, held-out fifth excluded) + ${extras.length} complaint openings from tipdm2020c_msgcls (train split)`,
    recipe: describeRecipe(INTENT_RECIPE),
    evaluate: 'node <build>/tools/nlu/evaluate-classifiers.js',
  });
  const path = modelPath('intent');
  const bytes = await writeModelFile(path, file);
  say(`wrote ${path}: ${final.vocabulary.features.length} features, ${(bytes / 1e6).toFixed(2)} MB`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
