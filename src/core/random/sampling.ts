// The index-level algorithms behind shuffle, permutation and choice, as numpy's legacy
// RandomState and Generator run them (Fisher–Yates with random_interval or Lemire, cdf +
// searchsorted for weighted draws, Floyd's sampling or a tail shuffle without replacement).

import type { BitGen } from './bitgen';
import { BitBuffer, boundedDraw, randomInterval } from './bounded';

/** Fisher–Yates over `n` slots from the top down to `first`: swap(i, j) with j = random_interval(i). */
export function shuffleIndicesInterval(g: BitGen, n: number, swap: (i: number, j: number) => void): void {
  for (let i = n - 1; i >= 1; i--) {
    const j = randomInterval(g, i);
    if (i !== j) swap(i, j);
  }
}

/** Generator's `_shuffle_int`: Fisher–Yates with j = random_bounded_uint64(0, i) (Lemire), down to `first`. */
function shuffleIntLemire(g: BitGen, data: Float64Array, first: number): void {
  const b = new BitBuffer();
  for (let i = data.length - 1; i >= first; i--) {
    const j = boundedDraw(g, 0, i, 64, false, b);
    const t = data[j];
    data[j] = data[i];
    data[i] = t;
  }
}

/** arange(n) shuffled as numpy's `permutation(n)` (both RandomState and Generator). */
export function permutationIndices(g: BitGen, n: number): Float64Array {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  shuffleIndicesInterval(g, n, (i, j) => {
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  });
  return a;
}

/** Normalised running sum of p (numpy: `cdf = p.cumsum(); cdf /= cdf[-1]`). */
export function cdfOf(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let acc = 0;
  for (let i = 0; i < p.length; i++) cdf[i] = acc += p[i];
  const last = cdf[cdf.length - 1];
  for (let i = 0; i < cdf.length; i++) cdf[i] /= last;
  return cdf;
}

/** `cdf.searchsorted(u, side='right')`: the number of entries <= u. */
export function searchRight(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] <= u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Kahan-compensated sum, as numpy's choice checks that p sums to 1. */
export function kahanSum(p: Float64Array): number {
  if (p.length === 0) return 0;
  let sum = p[0];
  let c = 0;
  for (let i = 1; i < p.length; i++) {
    const y = p[i] - c;
    const t = sum + y;
    c = t - sum - y;
    sum = t;
  }
  return sum;
}

/**
 * Weighted sampling without replacement (identical in RandomState and Generator): rounds of
 * `size - found` uniforms, zeroing the weights already drawn, keeping first occurrences of new ones.
 */
export function weightedNoReplace(p: Float64Array, size: number, uniforms: (n: number) => Float64Array): Float64Array {
  const w = p.slice();
  const found = new Float64Array(size);
  let n = 0;
  while (n < size) {
    const x = uniforms(size - n);
    for (let k = 0; k < n; k++) w[found[k]] = 0;
    const cdf = cdfOf(w);
    const seen = new Set<number>();
    for (let k = 0; k < x.length; k++) {
      const v = searchRight(cdf, x[k]);
      if (!seen.has(v)) {
        seen.add(v);
        found[n++] = v;
      }
    }
  }
  return found;
}

/**
 * Generator.choice(pop, size, replace=False) without p: a tail shuffle of arange(pop) for large
 * samples of big populations, else Floyd's algorithm followed by a shuffle of the sample.
 */
export function generatorSampleNoReplace(g: BitGen, pop: number, size: number, shuffle: boolean): Float64Array {
  const cutoff = shuffle ? 50 : 20;
  if (pop > 10000 && size > Math.floor(pop / cutoff)) {
    const all = new Float64Array(pop);
    for (let i = 0; i < pop; i++) all[i] = i;
    shuffleIntLemire(g, all, Math.max(pop - size, 1));
    return all.slice(pop - size);
  }
  const out = new Float64Array(size);
  const chosen = new Set<number>();
  const b = new BitBuffer();
  for (let j = pop - size; j < pop; j++) {
    const v = boundedDraw(g, 0, j, 64, false, b);
    const pick = chosen.has(v) ? j : v;
    chosen.add(pick);
    out[j - pop + size] = pick;
  }
  if (shuffle) shuffleIntLemire(g, out, 1);
  return out;
}
