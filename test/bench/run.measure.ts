// The measuring API of `npm run bench`, for every test/bench/*.bench.ts: hyperfine-like repeated
// runs after a warm-up, printed as mean ± standard deviation with min … max. Figures, never verdicts:
// nothing here fails on time.

export interface Stats {
  name: string;
  runs: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
  median: number;
}

export interface MeasureOptions {
  /** timed runs (default 20) */
  runs?: number;
  /** untimed runs first, so JIT and caches settle (default 3) */
  warmup?: number;
  /** stop adding runs after this much measured time, keeping at least 3 runs (default 10 s) */
  maxMs?: number;
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

export function stats(name: string, samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  const sd = samples.length > 1 ? Math.sqrt(samples.reduce((a, b) => a + (b - mean) ** 2, 0) / (samples.length - 1)) : 0;
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { name, runs: samples.length, mean, sd, min: sorted[0], max: sorted[sorted.length - 1], median };
}

export function printStats(s: Stats): void {
  console.log(`  ${s.name.padEnd(60)} ${fmt(s.mean).padStart(8)} ms ± ${fmt(s.sd).padEnd(6)} (${fmt(s.min)} … ${fmt(s.max)}, ${s.runs} runs)`);
}

/** Times `fn` repeatedly and prints one line; returns the figures for callers that derive more. */
export async function measure(name: string, fn: () => unknown, options: MeasureOptions = {}): Promise<Stats> {
  const { runs = 20, warmup = 3, maxMs = 10_000 } = options;
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  let spent = 0;
  for (let i = 0; i < runs && (spent < maxMs || samples.length < 3); i++) {
    const t0 = performance.now();
    await fn();
    const dt = performance.now() - t0;
    samples.push(dt);
    spent += dt;
  }
  const s = stats(name, samples);
  printStats(s);
  return s;
}

/** A single figure measured elsewhere (e.g. inside the extension host). */
export function figure(name: string, value: string | number, unit = '', note = ''): void {
  const v = typeof value === 'number' ? fmt(value) : value;
  console.log(`  ${name.padEnd(60)} ${String(v).padStart(8)}${unit ? ` ${unit}` : ''}${note ? `  ${note}` : ''}`);
}

export function section(title: string): void {
  console.log(`\n${title}`);
}
