import { join, resolve } from 'node:path';
import type { Report } from './metrics';

/** The value after `--name` on the command line, if given. */
export function option(name: string, argv: readonly string[] = process.argv): string | undefined {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
}

/** Where the committed models live, from the repository root (scripts run from there). */
export function modelPath(name: 'category' | 'intent', argv: readonly string[] = process.argv): string {
  const given = option(name === 'category' ? 'category-model' : 'intent-model', argv);
  return resolve(
    given ?? join(process.cwd(), 'apps', 'dialogue', 'src', 'nlu', 'classifier', 'models', `${name}.model.json`),
  );
}

export function examplesPath(file: 'intent-examples.yaml' | 'category-examples.yaml'): string {
  return join(process.cwd(), 'apps', 'dialogue', 'src', 'nlu', 'classifier', file);
}

export function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export function percent(value: number): string {
  return (100 * value).toFixed(1).padStart(5);
}

export function describeReport(title: string, result: Report, withClasses = false): void {
  say(`${title}: n=${result.count}  accuracy ${percent(result.accuracy)}%  macro-F1 ${percent(result.macroF1)}%`);
  if (!withClasses) return;
  for (const item of result.perClass) {
    say(
      `    ${item.label.padEnd(8, '\u3000')} F1 ${percent(item.f1)}%  precision ${percent(item.precision)}%  recall ${percent(item.recall)}%  n=${item.support}`,
    );
  }
}
