// Micro-benchmark of the reproduced numpy generators: draws per second for legacy rand / randn
// (MT19937) and Generator random / standard_normal (PCG64). Prints figures; never fails on time.
// Run: npx tsx test/bench/random.bench.ts

import { legacyGauss, legacySeed, pcg64FromEntropy, standardNormal } from '../../src/core/random';

function bench(name: string, n: number, draw: () => number): void {
  let sink = 0;
  for (let i = 0; i < 1e5; i++) sink += draw(); // warm-up (JIT)
  const t0 = performance.now();
  for (let i = 0; i < n; i++) sink += draw();
  const s = (performance.now() - t0) / 1000;
  console.log(`${name.padEnd(34)} ${(n / s / 1e6).toFixed(1).padStart(7)} M draws/s   (checksum ${sink.toFixed(3)})`);
}

const N = 3e6;
const legacy = legacySeed(42);
bench('np.random.rand (MT19937)', N, () => legacy.mt.nextDouble());
bench('np.random.randn (polar, MT19937)', N, () => legacyGauss(legacy));
const pcg = pcg64FromEntropy(42);
bench('Generator.random (PCG64)', N, () => pcg.nextDouble());
bench('Generator.standard_normal (zig.)', N, () => standardNormal(pcg));
