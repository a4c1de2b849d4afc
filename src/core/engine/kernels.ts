// Float64Array kernels behind the tutor functions: matrix products (WebAssembly SIMD, else
// register-blocked loops), numpy's pairwise summation (so row sums match np.sum bit for bit),
// broadcasting and last-axis reductions. Plain loops over typed arrays: no nested JS arrays.

import { Tensor } from './tensor';
import { shapeError } from './errors';
import { SIMD_MIN_WORK, simdGemm, type BLayout } from './simdGemm';

/**
 * out[m×n] = a[m×k] · B, B being b[n×k]ᵀ ('nk': rows contiguous, Q·Kᵀ directly) or b[k×n]
 * ('kn': weights·V). Every entry is summed in index order p = 0…k-1 by either path, so the SIMD
 * kernel and the scalar loops give the same bits.
 */
export function gemm(a: Float64Array, aOff: number, b: Float64Array, bOff: number, layout: BLayout, m: number, n: number, k: number, out: Float64Array, outOff: number): void {
  if (m * n * k >= SIMD_MIN_WORK && simdGemm(a, aOff, b, bOff, layout, m, n, k, out, outOff)) return;
  if (layout === 'nk') gemmNT(a, aOff, b, bOff, m, n, k, out, outOff);
  else gemmNT(a, aOff, transposeData(b, bOff, k, n), 0, m, n, k, out, outOff);
}

/**
 * The scalar path of `gemm` for b given transposed: a 4×4 block of accumulators is kept in
 * registers so each loaded element feeds four products.
 */
export function gemmNT(a: Float64Array, aOff: number, b: Float64Array, bOff: number, m: number, n: number, k: number, out: Float64Array, outOff: number): void {
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  for (let i = 0; i < m4; i += 4) {
    const a0 = aOff + i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
    for (let j = 0; j < n4; j += 4) {
      const b0 = bOff + j * k, b1 = b0 + k, b2 = b1 + k, b3 = b2 + k;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let p = 0; p < k; p++) {
        const x0 = a[a0 + p], x1 = a[a1 + p], x2 = a[a2 + p], x3 = a[a3 + p];
        const y0 = b[b0 + p], y1 = b[b1 + p], y2 = b[b2 + p], y3 = b[b3 + p];
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
        c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
        c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
      }
      let o = outOff + i * n + j;
      out[o] = c00; out[o + 1] = c01; out[o + 2] = c02; out[o + 3] = c03; o += n;
      out[o] = c10; out[o + 1] = c11; out[o + 2] = c12; out[o + 3] = c13; o += n;
      out[o] = c20; out[o + 1] = c21; out[o + 2] = c22; out[o + 3] = c23; o += n;
      out[o] = c30; out[o + 1] = c31; out[o + 2] = c32; out[o + 3] = c33;
    }
    for (let r = i; r < i + 4; r++) for (let j = n4; j < n; j++) out[outOff + r * n + j] = dot(a, aOff + r * k, b, bOff + j * k, k);
  }
  for (let i = m4; i < m; i++) for (let j = 0; j < n; j++) out[outOff + i * n + j] = dot(a, aOff + i * k, b, bOff + j * k, k);
}

function dot(a: Float64Array, ai: number, b: Float64Array, bi: number, k: number): number {
  let s = 0;
  for (let p = 0; p < k; p++) s += a[ai + p] * b[bi + p];
  return s;
}

/** The rows×cols matrix at x[off…] transposed into a new cols×rows buffer. */
function transposeData(x: Float64Array, off: number, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = x[off + i * cols + j];
  return out;
}

/** Swap the last two axes (Kᵀ shown in a derivation). */
export function transposeLast2(t: Tensor): Tensor {
  const r = t.shape.length;
  if (r < 2) return { shape: [...t.shape], data: t.data.slice() };
  const rows = t.shape[r - 2], cols = t.shape[r - 1];
  const batch = t.data.length / (rows * cols || 1);
  const out = new Float64Array(t.data.length);
  for (let b = 0; b < batch; b++) {
    const off = b * rows * cols;
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[off + j * rows + i] = t.data[off + i * cols + j];
  }
  return { shape: [...t.shape.slice(0, -2), cols, rows], data: out };
}

/** numpy's broadcast of two concrete shapes, or undefined when they do not fit. */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] | undefined {
  const r = Math.max(a.length, b.length);
  const out = new Array<number>(r);
  for (let i = 0; i < r; i++) {
    const x = a[a.length - r + i] ?? 1;
    const y = b[b.length - r + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return undefined;
    out[i] = x === 1 ? y : x;
  }
  return out;
}

/**
 * numpy's matmul for concrete tensors: 1-D operands are promoted and the added axis removed, the
 * leading (batch) axes broadcast. `bTransposed` says b is given as its transpose (rows contiguous).
 * Operands are read where they lie: no transposed or promoted copy is made.
 */
export function matmul(a: Tensor, b: Tensor, what = 'matmul', bTransposed = false): Tensor {
  if (a.shape.length === 0 || b.shape.length === 0) throw shapeError(`${what}: scalar operands are not allowed (use *)`, `${what} : pas d'opérande scalaire (utilisez *)`);
  const A = a.shape.length === 1 ? { shape: [1, a.shape[0]], data: a.data } : a;
  // B's (n, k) in the layout it is stored in; a 1-D b is one column either way (n = 1)
  const layout: BLayout = bTransposed || b.shape.length === 1 ? 'nk' : 'kn';
  const Bnk = b.shape.length === 1 ? { shape: [1, b.shape[0]] } : { shape: layout === 'nk' ? b.shape : [...b.shape.slice(0, -2), b.shape[b.shape.length - 1], b.shape[b.shape.length - 2]] };
  const m = A.shape[A.shape.length - 2], k = A.shape[A.shape.length - 1];
  const n = Bnk.shape[Bnk.shape.length - 2], kb = Bnk.shape[Bnk.shape.length - 1];
  if (k !== kb) {
    const bShape = bTransposed ? [...b.shape.slice(0, -2), ...b.shape.slice(-2).reverse()] : b.shape;
    throw shapeError(
      `${what}: ${Tensor.formatShape(a.shape)} @ ${Tensor.formatShape(bShape)} — inner sizes ${k} and ${kb} differ`,
      `${what} : ${Tensor.formatShape(a.shape)} @ ${Tensor.formatShape(bShape)} — les tailles internes ${k} et ${kb} diffèrent`,
    );
  }
  const batchA = A.shape.slice(0, -2), batchB = Bnk.shape.slice(0, -2);
  const batch = broadcastShapes(batchA, batchB);
  if (!batch) throw shapeError(`${what}: batch shapes ${Tensor.formatShape(batchA)} and ${Tensor.formatShape(batchB)} do not broadcast`, `${what} : les dimensions de lot ${Tensor.formatShape(batchA)} et ${Tensor.formatShape(batchB)} ne sont pas compatibles`);
  const count = Tensor.size(batch);
  const out = new Float64Array(count * m * n);
  const idxA = batchIndex(batch, batchA), idxB = batchIndex(batch, batchB);
  for (let t = 0; t < count; t++) gemm(A.data, idxA[t] * m * k, b.data, idxB[t] * n * k, layout, m, n, k, out, t * m * n);
  const shape = [...batch, m, n];
  if (a.shape.length === 1) shape.splice(shape.length - 2, 1);
  if (b.shape.length === 1) shape.splice(shape.length - 1, 1);
  return { shape, data: out };
}

/** For each flat index into the broadcast batch shape, the flat index into `own` (size-1 axes repeat). */
function batchIndex(full: readonly number[], own: readonly number[]): number[] {
  const count = Tensor.size(full);
  const res = new Array<number>(count);
  const pad = full.length - own.length;
  for (let t = 0; t < count; t++) {
    let rem = t, idx = 0, stride = 1;
    for (let ax = full.length - 1; ax >= 0; ax--) {
      const i = rem % full[ax];
      rem = Math.floor(rem / full[ax]);
      const d = ax - pad >= 0 ? own[ax - pad] : 1;
      if (d !== 1) idx += i * stride;
      stride *= d;
    }
    res[t] = idx;
  }
  return res;
}

/** Elementwise binary operation with numpy broadcasting. */
export function binary(a: Tensor, b: Tensor, f: (x: number, y: number) => number, what: string): Tensor {
  if (Tensor.sameShape(a.shape, b.shape)) {
    const out = new Float64Array(a.data.length);
    for (let i = 0; i < out.length; i++) out[i] = f(a.data[i], b.data[i]);
    return { shape: [...a.shape], data: out };
  }
  const shape = broadcastShapes(a.shape, b.shape);
  if (!shape) {
    throw shapeError(
      `${what}: shapes ${Tensor.formatShape(a.shape)} and ${Tensor.formatShape(b.shape)} do not broadcast`,
      `${what} : les formes ${Tensor.formatShape(a.shape)} et ${Tensor.formatShape(b.shape)} ne sont pas compatibles (broadcast)`,
    );
  }
  const ia = batchIndex(shape, a.shape), ib = batchIndex(shape, b.shape);
  const out = new Float64Array(ia.length);
  for (let i = 0; i < out.length; i++) out[i] = f(a.data[ia[i]], b.data[ib[i]]);
  return { shape, data: out };
}

export function map(t: Tensor, f: (x: number) => number): Tensor {
  const out = new Float64Array(t.data.length);
  for (let i = 0; i < out.length; i++) out[i] = f(t.data[i]);
  return { shape: [...t.shape], data: out };
}

/**
 * numpy's pairwise summation (umath loops: blocks of 128, 8 partial sums below that, a plain
 * loop under 8 elements), which is what np.sum does along a contiguous last axis.
 */
export function pairwiseSum(a: Float64Array, off: number, n: number, stride = 1): number {
  if (n < 8) {
    let s = -0;
    for (let i = 0; i < n; i++) s += a[off + i * stride];
    return n === 0 ? 0 : s;
  }
  if (n <= 128) {
    let r0 = a[off], r1 = a[off + stride], r2 = a[off + 2 * stride], r3 = a[off + 3 * stride];
    let r4 = a[off + 4 * stride], r5 = a[off + 5 * stride], r6 = a[off + 6 * stride], r7 = a[off + 7 * stride];
    let i = 8;
    const end = n - (n % 8);
    for (; i < end; i += 8) {
      const o = off + i * stride;
      r0 += a[o]; r1 += a[o + stride]; r2 += a[o + 2 * stride]; r3 += a[o + 3 * stride];
      r4 += a[o + 4 * stride]; r5 += a[o + 5 * stride]; r6 += a[o + 6 * stride]; r7 += a[o + 7 * stride];
    }
    let s = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    for (; i < n; i++) s += a[off + i * stride];
    return s;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, off, n2, stride) + pairwiseSum(a, off + n2 * stride, n - n2, stride);
}

/** Reduce the last axis with keepdims (shape [..., 1]); a 0-d tensor is its own row. */
export function reduceLast(t: Tensor, kind: 'sum' | 'max' | 'mean'): Tensor {
  const n = t.shape.length ? t.shape[t.shape.length - 1] : 1;
  const rows = n === 0 ? 0 : t.data.length / n;
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const off = r * n;
    if (kind === 'max') {
      let m = -Infinity;
      for (let j = 0; j < n; j++) {
        const x = t.data[off + j];
        if (x > m || Number.isNaN(x)) m = x; // numpy's max propagates NaN
        if (Number.isNaN(m)) break;
      }
      out[r] = m;
    } else {
      const s = pairwiseSum(t.data, off, n);
      out[r] = kind === 'sum' ? s : s / n;
    }
  }
  return { shape: t.shape.length ? [...t.shape.slice(0, -1), 1] : [], data: out };
}

/** Require at least `rank` axes and a non-empty last axis, with the function's name in the message. */
export function requireRank(t: Tensor, rank: number, fn: string, arg: string): void {
  if (t.shape.length < rank) {
    throw shapeError(
      `${fn}: ${arg} must have at least ${rank} ${rank === 1 ? 'axis' : 'axes'}, got shape ${Tensor.formatShape(t.shape)}`,
      `${fn} : ${arg} doit avoir au moins ${rank} axe${rank === 1 ? '' : 's'}, forme reçue ${Tensor.formatShape(t.shape)}`,
    );
  }
}
