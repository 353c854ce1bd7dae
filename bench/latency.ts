/** Round trips per second and latency percentiles of a closed-loop load: each session sends when its last answer came. */
export interface LoadResult {
  roundTrips: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export async function closedLoop(
  sessions: number,
  seconds: number,
  roundTrip: (session: number) => Promise<boolean>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: sessions }, async (_, session) => {
      while (performance.now() < deadline) {
        const sent = performance.now();
        const ok = await roundTrip(session).catch(() => false);
        if (ok) latencies.push(performance.now() - sent);
        else errors += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    roundTrips: latencies.length,
    errors,
    seconds: elapsed,
    perSecond: latencies.length / elapsed,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: latencies[latencies.length - 1] ?? NaN,
  };
}

export function describe(label: string, result: LoadResult): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return (
    `${label.padEnd(34)} ${result.perSecond.toFixed(0).padStart(6)} round trips/s   ` +
    `p50 ${ms(result.p50)}  p95 ${ms(result.p95)}  p99 ${ms(result.p99)}  max ${ms(result.max)}  ` +
    `(${result.roundTrips} in ${result.seconds.toFixed(1)} s, ${result.errors} errors)`
  );
}
