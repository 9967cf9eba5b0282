/** A tiny timing harness for the benchmarks: runs a function, prints median and mean. */
import { appendFileSync } from 'node:fs';
export interface Measurement {
  name: string;
  runs: number;
  medianMs: number;
  meanMs: number;
  minMs: number;
}

export async function measure(
  name: string,
  fn: () => unknown,
  options: { iterations?: number; warmup?: number; before?: () => unknown } = {},
): Promise<Measurement> {
  const iterations = options.iterations ?? 10;
  for (let i = 0; i < (options.warmup ?? 1); i++) {
    await options.before?.();
    await fn();
  }
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    // Untimed set-up for each run (a reload, a cleared field).
    await options.before?.();
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return summarise(name, times);
}

/** The median, mean and minimum of times taken some other way (in the page, say), printed as measure's. */
export function summarise(name: string, times: number[]): Measurement {
  const sorted = [...times].sort((a, b) => a - b);
  const m: Measurement = {
    name,
    runs: sorted.length,
    medianMs: sorted[Math.floor(sorted.length / 2)]!,
    meanMs: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    minMs: sorted[0]!,
  };
  console.log(
    `${name.padEnd(60)} median ${m.medianMs.toFixed(2).padStart(9)} ms   mean ${m.meanMs.toFixed(2).padStart(9)} ms   min ${m.minMs.toFixed(2).padStart(9)} ms   (${m.runs} runs)`,
  );
  return m;
}

export function ratio(a: Measurement, b: Measurement): string {
  return `${a.name} takes ${(a.medianMs / b.medianMs).toFixed(2)}× the time of ${b.name}`;
}

/**
 * One row of the summary `npm run bench` prints at the end: what was timed at this register size,
 * FOI Desk's median beside the raw limit's from the same run (null where there is none).
 */
export function reportRow(row: string, cases: number, app: Measurement, limit: Measurement | null): void {
  const file = process.env.FOI_DESK_BENCH_ROWS;
  if (!file) return;
  const line = {
    row,
    cases,
    appMs: app.medianMs,
    limit: limit?.name ?? null,
    limitMs: limit?.medianMs ?? null,
  };
  appendFileSync(file, `${JSON.stringify(line)}\n`);
}
