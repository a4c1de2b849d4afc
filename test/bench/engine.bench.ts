// Benchmark (prints figures, never fails on time): attention(Q, K, V) for n = 256, d = 64 in our
// kernels (WebAssembly SIMD products, fused softmax) vs numpy (OpenBLAS) timed in the same run,
// its parts, and `explain` of a TP4 line end to end after warm-up. Figures are medians of
// several rounds, with the machine's load average beside them: compare runs on a quiet machine.
// Run: npx tsx test/bench/engine.bench.ts
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { attention } from '../../src/core/engine/functions/attention';
import { softmax } from '../../src/core/engine/functions/softmax';
import { matmul } from '../../src/core/engine/kernels';
import { Tensor } from '../../src/core/engine/tensor';
import { evalExpression } from '../../src/core/engine/evaluate';
import { explainTp4Line } from './explainTp4';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
}
function rand(shape: number[], r: () => number): Tensor {
  const t = Tensor.zeros(shape);
  for (let i = 0; i < t.data.length; i++) t.data[i] = r();
  return t;
}
/** Median and minimum per call over `rounds` rounds of `reps` calls, in ms. */
function timeMs(f: () => void, reps: number, rounds = 9): { med: number; min: number } {
  const per: number[] = [];
  for (let k = 0; k < rounds; k++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) f();
    per.push((performance.now() - t0) / reps);
  }
  per.sort((a, b) => a - b);
  return { med: per[per.length >> 1], min: per[0] };
}
const fmt = (t: { med: number; min: number }): string => `${t.med.toFixed(3)} ms (min ${t.min.toFixed(3)})`;

const n = 256, d = 64;
const r = lcg(42);
const Q = rand([n, d], r), K = rand([n, d], r), V = rand([n, d], r);
for (let i = 0; i < 30; i++) attention(Q, K, V, undefined);
console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const ours = timeMs(() => attention(Q, K, V, undefined), 40);
const S = matmul(Q, K, 'bench', true);
const parts = {
  'Q·Kᵀ': timeMs(() => matmul(Q, K, 'bench', true), 40),
  softmax: timeMs(() => softmax(S), 40),
  'weights·V': timeMs(() => matmul(S, V, 'bench'), 40),
};

const py = `
import numpy as np, timeit
n, d = ${n}, ${d}
rng = np.random.default_rng(0)
Q, K, V = (rng.uniform(-1, 1, (n, d)) for _ in range(3))
def attention():
    s = Q @ K.T / np.sqrt(d)
    e = np.exp(s - s.max(axis=-1, keepdims=True))
    return (e / e.sum(axis=-1, keepdims=True)) @ V
attention()
t = sorted(x / 40 * 1000 for x in timeit.repeat(attention, number=40, repeat=9))
print(t[len(t) // 2], t[0])
`;
const env = { ...process.env };
delete env.OPENBLAS_CORETYPE;
delete env.OPENBLAS_L2_SIZE;
const res = spawnSync('/usr/bin/python3', ['-c', py], { env, encoding: 'utf8' });
const [npMed, npMin] = res.stdout.trim().split(/\s+/).map(Number);
console.log(`attention(Q, K, V), n=${n}, d=${d}`);
console.log(`  ours  ${fmt(ours)}`);
for (const [name, t] of Object.entries(parts)) console.log(`    ${name.padEnd(10)} ${fmt(t)}`);
console.log(res.status === 0 ? `  numpy ${fmt({ med: npMed, min: npMin })}` : `  numpy unavailable: ${res.stderr.trim()}`);
if (res.status === 0) console.log(`  ratio ${(ours.med / npMed).toFixed(2)}× of medians, ${(ours.min / npMin).toFixed(2)}× of minima (target ≤ 5×)`);

// eval with a recorded derivation (the CLI's `eval --json` path)
for (let i = 0; i < 20; i++) evalExpression('attention([[1,0],[0,1]], [[1,0],[0,1]], [[1,2],[3,4]], causal_mask(2))');
console.log(`eval attention 2×2 with steps: ${fmt(timeMs(() => evalExpression('attention([[1,0],[0,1]], [[1,0],[0,1]], [[1,2],[3,4]], causal_mask(2))'), 50))}`);

// explain of a TP4 line end to end (trace + recognise + derive)
void (async () => {
  try {
    const ms = await explainTp4Line();
    console.log(`explain TP4 softmax line end to end after warm-up: ${ms.toFixed(2)} ms (target ≤ 50 ms)`);
  } catch (e) {
    console.log(`explain TP4 end to end: not measured (${(e as Error).message.split('\n')[0]})`);
  }
})();
