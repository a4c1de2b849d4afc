// The WebAssembly SIMD matrix product behind the engine and the tracer's `@`: numpy's answers
// (kernels-round2.json, made by kernels_round2.py) for fringe sizes, non-finite entries, batches
// and attention; and bit-equality with the plain index-order loop it replaces, for both layouts.
import * as assert from 'node:assert/strict';
import goldens from './kernels-round2.json';
import { SIMD_MIN_WORK, simdGemm } from '../../../src/core/engine/simdGemm';
import { gemmNT, matmul } from '../../../src/core/engine/kernels';
import { attention } from '../../../src/core/engine/functions/attention';
import { gemm as productGemm } from '../../../src/core/ops/product/kernel';
import { Tensor } from '../../../src/core/engine/tensor';

type Enc = { shape: number[]; data: (number | string)[] };
const dec = (e: Enc): Tensor => ({ shape: e.shape, data: Float64Array.from(e.data, Number) });

function assertNumpy(actual: Tensor, expected: Tensor, what: string): void {
  assert.deepEqual(actual.shape, expected.shape, `${what}: shape`);
  expected.data.forEach((e, i) => {
    const a = actual.data[i];
    if (Number.isNaN(e)) assert.ok(Number.isNaN(a), `${what}[${i}]: expected NaN, got ${a}`);
    else if (!Number.isFinite(e)) assert.equal(a, e, `${what}[${i}]`);
    else assert.ok(Math.abs(a - e) <= 1e-12 * Math.abs(e) + 1e-14, `${what}[${i}]: ${a} vs numpy ${e}`);
  });
}

/** Σ_p a[i,p]·b[p,j] in index order, one entry at a time: the reference the kernel must equal. */
function naive(a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a[i * k + p] * b[p * n + j];
      c[i * n + j] = s;
    }
  }
  return c;
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 4 - 2;
}

const sameBits = (x: Float64Array, y: Float64Array): boolean => x.length === y.length && x.every((v, i) => Object.is(v, y[i]));

describe('engine: SIMD matrix product (round 2)', () => {
  for (const [name, c] of Object.entries(goldens.products)) {
    it(`matmul ${name} equals numpy`, () => {
      const A = dec(c.A as Enc), B = dec(c.B as Enc);
      assertNumpy(matmul(A, B), dec(c.C as Enc), name);
    });
  }

  it('the tracer\'s product kernel gives numpy\'s values too (fringe and non-finite cases)', () => {
    for (const name of ['17x33@33x9', 'nonfinite']) {
      const c = goldens.products[name as keyof typeof goldens.products];
      const A = dec(c.A as Enc), B = dec(c.B as Enc);
      const [m, k] = A.shape, n = B.shape[1];
      const out = new Float64Array(m * n);
      productGemm(A.data, 0, B.data, 0, out, 0, m, k, n);
      assertNumpy({ shape: [m, n], data: out }, dec(c.C as Enc), name);
    }
  });

  it('is bit-identical to the index-order loop, for B stored k×n and n×k, at every fringe size', () => {
    const r = lcg(9);
    for (const [m, k, n] of [[1, 1, 600], [3, 200, 1], [4, 32, 4], [5, 17, 11], [8, 64, 8], [13, 7, 29], [33, 31, 30]]) {
      const a = Float64Array.from({ length: m * k }, r), b = Float64Array.from({ length: k * n }, r);
      const bt = new Float64Array(n * k);
      for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) bt[j * k + p] = b[p * n + j];
      const want = naive(a, b, m, k, n);
      const kn = new Float64Array(m * n), nk = new Float64Array(m * n), scalar = new Float64Array(m * n);
      assert.ok(simdGemm(a, 0, b, 0, 'kn', m, n, k, kn, 0), 'WebAssembly SIMD is available in node');
      assert.ok(simdGemm(a, 0, bt, 0, 'nk', m, n, k, nk, 0));
      gemmNT(a, 0, bt, 0, m, n, k, scalar, 0);
      assert.ok(sameBits(kn, want), `${m}×${k}·${k}×${n} (k×n)`);
      assert.ok(sameBits(nk, want), `${m}×${k}·${k}×${n} (n×k)`);
      assert.ok(sameBits(scalar, want), `${m}×${k}·${k}×${n} scalar`);
    }
  });

  it('reads operands at offsets and writes only its block of the output', () => {
    const r = lcg(3);
    const [m, k, n] = [6, 10, 7];
    const a = Float64Array.from({ length: 5 + m * k }, r), b = Float64Array.from({ length: 2 + k * n }, r);
    const out = new Float64Array(3 + m * n + 4).fill(42);
    assert.ok(simdGemm(a, 5, b, 2, 'kn', m, n, k, out, 3));
    assert.ok(sameBits(out.subarray(3, 3 + m * n), naive(a.subarray(5), b.subarray(2), m, k, n)));
    assert.deepEqual([...out.subarray(0, 3), ...out.subarray(3 + m * n)], [42, 42, 42, 42, 42, 42, 42]);
  });

  it('works in row chunks when the operands exceed its staging memory, and declines k = 0', () => {
    const r = lcg(5);
    const [m, k, n] = [300_001, 9, 5]; // A and C together exceed the 4M-double staging area
    const a = Float64Array.from({ length: m * k }, r), b = Float64Array.from({ length: k * n }, r);
    const out = new Float64Array(m * n);
    assert.ok(simdGemm(a, 0, b, 0, 'kn', m, n, k, out, 0));
    assert.ok(sameBits(out, naive(a, b, m, k, n)));
    assert.equal(simdGemm(a, 0, b, 0, 'kn', 4, 4, 0, out, 0), false);
    // a product too small for packing to pay still gives the same bits through the scalar loop
    assert.ok(2 * 3 * 4 < SIMD_MIN_WORK);
    const small = matmul({ shape: [2, 3], data: a.slice(0, 6) }, { shape: [3, 4], data: b.slice(0, 12) });
    assert.ok(sameBits(small.data, naive(a, b, 2, 3, 4)));
  });

  for (const [name, c] of Object.entries(goldens.attention)) {
    it(`attention ${name} with a causal mask equals numpy`, () => {
      const r = attention(dec(c.Q as Enc), dec(c.K as Enc), dec(c.V as Enc), dec(c.M as Enc));
      assertNumpy(r.weights, dec(c.weights as Enc), `${name} weights`);
      assertNumpy(r.output, dec(c.out as Enc), `${name} output`);
    });
  }
});
