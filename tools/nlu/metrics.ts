export interface ClassReport {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Report {
  count: number;
  accuracy: number;
  macroF1: number;
  perClass: ClassReport[];
}

export function report(labels: readonly string[], truth: ArrayLike<number>, predicted: ArrayLike<number>): Report {
  const perClass = labels.map((label, k) => {
    let truePositives = 0;
    let predictedCount = 0;
    let support = 0;
    for (let i = 0; i < truth.length; i += 1) {
      if (predicted[i] === k) predictedCount += 1;
      if (truth[i] === k) support += 1;
      if (predicted[i] === k && truth[i] === k) truePositives += 1;
    }
    const precision = predictedCount > 0 ? truePositives / predictedCount : 0;
    const recall = support > 0 ? truePositives / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support };
  });
  let correct = 0;
  for (let i = 0; i < truth.length; i += 1) if (truth[i] === predicted[i]) correct += 1;
  const present = perClass.filter((item) => item.support > 0);
  return {
    count: truth.length,
    accuracy: truth.length > 0 ? correct / truth.length : 0,
    macroF1: present.reduce((sum, item) => sum + item.f1, 0) / Math.max(present.length, 1),
    perClass,
  };
}

export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < values.length; k += 1) if (values[k] > values[best]) best = k;
  return best;
}
