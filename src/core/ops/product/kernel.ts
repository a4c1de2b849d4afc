// The matrix-product kernel every product op shares (matmul, dot, inner, outer, matrix_power):
// the engine's WebAssembly SIMD kernel for products worth packing, else an i-k-j loop whose
// innermost loop walks B and C contiguously. Both sum each entry in index order p = 0…k-1, so
// they agree to the bit. Booleans use numpy's rule for bool matmul: OR of ANDs.

import { SIMD_MIN_WORK, simdGemm } from '../../engine/simdGemm';
import type { DType } from '../../values';
import { bitsOf, isInt, isUnsigned } from '../dtype';

/** c[cOff..] (n×m) = a[aOff..] (n×k) · b[bOff..] (k×m); c's block must start zeroed. */
export function gemm(
  a: Float64Array, aOff: number, b: Float64Array, bOff: number, c: Float64Array, cOff: number,
  n: number, k: number, m: number,
): void {
  if (n * k * m >= SIMD_MIN_WORK && simdGemm(a, aOff, b, bOff, 'kn', n, m, k, c, cOff)) return;
  for (let i = 0; i < n; i++) {
    const ci = cOff + i * m;
    const ai = aOff + i * k;
    for (let p = 0; p < k; p++) {
      // no skipping of zeros: 0 · inf must stay NaN as in numpy
      const x = a[ai + p];
      const bp = bOff + p * m;
      for (let j = 0; j < m; j++) c[ci + j] += x * b[bp + j];
    }
  }
}

/** The same product for bool operands: c[i,j] = any_k (a[i,k] && b[k,j]). */
export function gemmBool(
  a: Float64Array, aOff: number, b: Float64Array, bOff: number, c: Float64Array, cOff: number,
  n: number, k: number, m: number,
): void {
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < k; p++) {
      if (a[aOff + i * k + p] === 0) continue;
      const bp = bOff + p * m;
      const ci = cOff + i * m;
      for (let j = 0; j < m; j++) if (b[bp + j] !== 0) c[ci + j] = 1;
    }
  }
}

type Kernel = typeof gemm;

/**
 * The kernel for a product of dtype `dt` over inner size k. Integers wrap as numpy's integer
 * loops do (int32 matmul overflows modulo 2^32): when a sum of products may pass 2^53, float64
 * would lose the low bits the wrap keeps, so those products run exactly in BigInt.
 */
export function kernelFor(dt: DType, a: Float64Array, b: Float64Array, k: number): Kernel {
  if (dt === 'bool') return gemmBool;
  if (!isInt(dt) || maxAbs(a) * maxAbs(b) * k < 2 ** 53) return gemm;
  const bits = bitsOf(dt);
  const wrap = isUnsigned(dt) ? (x: bigint) => BigInt.asUintN(bits, x) : (x: bigint) => BigInt.asIntN(bits, x);
  return (ad, aOff, bd, bOff, c, cOff, n, kk, m) => {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        let acc = 0n;
        for (let p = 0; p < kk; p++) acc += BigInt(ad[aOff + i * kk + p]) * BigInt(bd[bOff + p * m + j]);
        c[cOff + i * m + j] = Number(wrap(acc));
      }
    }
  };
}

function maxAbs(d: Float64Array): number {
  let m = 0;
  for (let i = 0; i < d.length; i++) m = Math.max(m, Math.abs(d[i]));
  return m;
}
