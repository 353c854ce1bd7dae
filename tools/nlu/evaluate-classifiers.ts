import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { INTENT_MIN_CONFIDENCE } from '../../apps/dialogue/src/nlu/classifier/intent-classifier';
import { TextClassifier } from '../../apps/dialogue/src/nlu/classifier/text-classifier';
import { Segmenter } from '../../apps/dialogue/src/nlu/segmentation/segmenter';
import { baselineScores, trainBaseline } from './baseline';
import { accuracyAtThreshold, calibrationReport } from './calibration';
import { CATEGORY_LABELS, cleanMessageText } from './category-recipe';
import { labelIndex } from './classifier-training';
import { dataDirectory, readLabelledMessages, readTitledMessages } from './competition-data';
import { isHeldOutExample, readExamples, type LabelledText } from './example-files';
import { splitCategoryData } from './held-out-split';
import { INTENT_LABELS } from './intent-recipe';
import { argmax, report } from './metrics';
import { describeReport, examplesPath, modelPath, percent, say } from './script-io';

/**
 * The figures we report: the committed models, scored through the serving code (TextClassifier on the model file)
 * on what no training step read — the held-out split of ../shared/data, real titles of held-out messages, and the
 * held-out fifth of our intent examples — beside the baseline trained on the same training messages.
 *   node <build>/tools/nlu/evaluate-classifiers.js [--data ../shared/data]
 */
const THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.9];

interface Scored {
  texts: string[];
  truth: number[];
  probabilities: Float64Array[];
  predicted: number[];
  microseconds: number[];
}

function score(classifier: TextClassifier, items: readonly LabelledText[], labels: readonly string[]): Scored {
  const order = classifier.labels.map((label) => labelIndex(labels, label));
  const scored: Scored = { texts: [], truth: [], probabilities: [], predicted: [], microseconds: [] };
  for (const item of items.slice(0, 50)) classifier.classify(item.text);
  for (const item of items) {
    const started = performance.now();
    const { scores } = classifier.classify(item.text);
    scored.microseconds.push((performance.now() - started) * 1000);
    const probabilities = new Float64Array(labels.length);
    classifier.labels.forEach((label, k) => {
      probabilities[order[k]] = scores[label];
    });
    scored.texts.push(item.text);
    scored.truth.push(labelIndex(labels, item.label));
    scored.probabilities.push(probabilities);
    scored.predicted.push(argmax(probabilities));
  }
  return scored;
}

function describeCalibration(scored: Scored): void {
  const calibration = calibrationReport(scored.probabilities, scored.truth);
  say(`    expected calibration error (10 bins): ${percent(calibration.ece)}%`);
  for (const threshold of THRESHOLDS) {
    const { coverage, accuracy } = accuracyAtThreshold(scored.probabilities, scored.truth, threshold);
    say(
      `    confidence ≥ ${threshold.toFixed(1)}: ${percent(coverage)}% of messages, ${percent(accuracy)}% of them right`,
    );
  }
}

function describeTiming(name: string, scored: Scored): void {
  const sorted = [...scored.microseconds].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(sorted.length, 1);
  const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
  const characters = scored.texts.reduce((sum, text) => sum + text.length, 0) / Math.max(scored.texts.length, 1);
  say(
    `    ${name}: mean ${mean.toFixed(1)} µs, p99 ${p99.toFixed(1)} µs per message (mean length ${characters.toFixed(0)} characters)`,
  );
}

function main(): void {
  const split = splitCategoryData(readLabelledMessages(dataDirectory()), readTitledMessages(dataDirectory()));
  let started = performance.now();
  const segmenter = Segmenter.load();
  const segmenterMs = performance.now() - started;
  const tokenize = (text: string): string[] => segmenter.tokens(text);
  started = performance.now();
  const category = TextClassifier.load(modelPath('category'), tokenize);
  const categoryMs = performance.now() - started;
  started = performance.now();
  const intent = TextClassifier.load(modelPath('intent'), tokenize);
  const intentMs = performance.now() - started;
  const labels = CATEGORY_LABELS;

  const wholeMessages = split.heldOut.map((m) => ({ text: cleanMessageText(m.text), label: m.label }));
  const titles = split.heldOutTitles.map(({ text, label }) => ({ text, label }));
  const firstCharacters = wholeMessages.map(({ text, label }) => ({ text: text.slice(0, 20), label }));
  const sets: Array<[string, LabelledText[]]> = [
    ['held-out messages, whole text', wholeMessages],
    ['real titles of held-out messages (replyqa query, raw wording)', titles],
    ['held-out messages, first 20 characters', firstCharacters],
  ];

  say('== Complaint category (7 labels), committed model ==');
  const scoredSets = sets.map(([name, items]) => {
    const scored = score(category, items, labels);
    describeReport(name, report(labels, scored.truth, scored.predicted), items === wholeMessages);
    describeCalibration(scored);
    return scored;
  });

  say('');
  say('== Baseline: char 1–3-gram TF-IDF + linear SVM, same training messages ==');
  const training = [...split.train, ...split.validation];
  const baseline = trainBaseline(
    training.map((m) => cleanMessageText(m.text)),
    training.map((m) => labelIndex(labels, m.label)),
    labels.length,
  );
  for (const [name, items] of sets) {
    const truth = items.map((item) => labelIndex(labels, item.label));
    const predicted = items.map((item) => argmax(baselineScores(baseline, item.text)));
    describeReport(name, report(labels, truth, predicted), items === wholeMessages);
  }

  say('');
  say('== Our own complaints (category-examples.yaml, never trained on) ==');
  const ourComplaints = score(category, readExamples(examplesPath('category-examples.yaml')), labels);
  describeReport('category-examples.yaml', report(labels, ourComplaints.truth, ourComplaints.predicted), true);

  say('');
  say('== Intent, committed model, held-out fifth of intent-examples.yaml ==');
  const heldOutIntents = readExamples(examplesPath('intent-examples.yaml')).filter((e) => isHeldOutExample(e.text));
  const intents = score(intent, heldOutIntents, INTENT_LABELS);
  describeReport('held-out intent examples', report(INTENT_LABELS, intents.truth, intents.predicted), true);
  describeCalibration(intents);
  const unknown = labelIndex(INTENT_LABELS, 'unknown');
  const withFallback = intents.probabilities.map((row) =>
    row[argmax(row)] >= INTENT_MIN_CONFIDENCE ? argmax(row) : unknown,
  );
  describeReport(
    `with the fallback to unknown below ${INTENT_MIN_CONFIDENCE}`,
    report(INTENT_LABELS, intents.truth, withFallback),
  );

  say('');
  say('== Size and speed (one core) ==');
  for (const name of ['category', 'intent'] as const) {
    say(`    ${name} model: ${(statSync(modelPath(name)).size / 1e6).toFixed(2)} MB`);
  }
  say(
    `    load: segmenter ${segmenterMs.toFixed(0)} ms, category model ${categoryMs.toFixed(0)} ms, intent model ${intentMs.toFixed(0)} ms`,
  );
  describeTiming('category, whole messages', scoredSets[0]);
  describeTiming('category, titles', scoredSets[1]);
  describeTiming('intent, our examples', intents);
}

main();
