// math.norm as mathjs 15 computes it: vector p-norms, and for a 2-D matrix the 1-norm (largest
// column sum), ∞-norm (largest row sum), Frobenius norm and the 2-norm — the default for a
// matrix — as √(largest eigenvalue of AᵀA) through mathjs' own Jacobi eigenvalue iteration.

import type { OpCall } from '../types';
import { argText, defineMathjsOp, fmtShape, mjsError, tensor, type T } from './tensor';

/** mathjs' relTol: `larger`/`smaller` treat nearly equal numbers as equal; eigs' precision. */
const REL_TOL = 1e-12;
const nearly = (x: number, y: number): boolean => x === y || Math.abs(x - y) <= REL_TOL * Math.max(Math.abs(x), Math.abs(y));
const larger = (x: number, y: number): boolean => x > y && !nearly(x, y);
const smaller = (x: number, y: number): boolean => x < y && !nearly(x, y);
/** Past this many columns the Jacobi sweep is too slow for a keystroke: the value stays unknown. */
const MAX_EIG_N = 64;

type P = number | string;

function unsupported(p: P, withValue: boolean): never {
  // mathjs' vector branch says "Unsupported parameter value", the matrix branch appends p
  throw mjsError('norm-order', 'Error', {
    en: `Unsupported parameter value${withValue ? ` ${p}` : ''} — math.norm accepts p = 1, 2, Infinity or 'fro' for a matrix; a number, Infinity, -Infinity or 'fro' for a vector`,
    fr: `Unsupported parameter value${withValue ? ` ${p}` : ''} — math.norm accepte p = 1, 2, Infinity ou 'fro' pour une matrice ; un nombre, Infinity, -Infinity ou 'fro' pour un vecteur`,
  });
}

function vectorNorm(xs: Float64Array, p: P): number {
  if (p === Infinity || p === 'inf') {
    let m = 0;
    for (const x of xs) if (larger(Math.abs(x), m)) m = Math.abs(x);
    return m;
  }
  if (p === -Infinity || p === '-inf') {
    // `!ninf` in mathjs: a zero minimum is replaced by the next element (kept as node computes it)
    let m: number | undefined;
    for (const x of xs) if (!m || smaller(Math.abs(x), m)) m = Math.abs(x);
    return m || 0;
  }
  if (p === 'fro') return vectorNorm(xs, 2);
  if (typeof p !== 'number' || Number.isNaN(p)) unsupported(p, false);
  if (nearly(p, 0) || Math.abs(p) < 1e-15) return Infinity;
  let n = 0;
  for (const x of xs) n = Math.pow(Math.abs(x), p) + n;
  return Math.pow(n, 1 / p);
}

/** AᵀA with mathjs' product loop (each entry summed left to right from the first term). */
function gram(rows: number, cols: number, a: Float64Array): number[][] {
  const g: number[][] = [];
  for (let i = 0; i < cols; i++) {
    const row: number[] = [];
    for (let j = 0; j < cols; j++) {
      let s = a[i] * a[j];
      for (let k = 1; k < rows; k++) s += a[k * cols + i] * a[k * cols + j];
      row.push(s);
    }
    g.push(row);
  }
  return g;
}

/** The largest-magnitude eigenvalue of a symmetric matrix, by mathjs' realSymmetric `diag` (same rotations, same order). */
function largestEigenvalue(x: number[][]): number {
  const N = x.length;
  const e0 = Math.abs(REL_TOL / N);
  const offDiagonalMax = (): [number, number, number] => {
    let max = 0;
    let at: [number, number] = [0, 1];
    for (let i = 0; i < N; i++) {
      for (let j = i + 1; j < N; j++) {
        if (Math.abs(max) < Math.abs(x[i][j])) {
          max = Math.abs(x[i][j]);
          at = [i, j];
        }
      }
    }
    return [at[0], at[1], max];
  };
  let [i, j, v] = offDiagonalMax();
  while (Math.abs(v) >= Math.abs(e0)) {
    const denom = x[j][j] - x[i][i];
    const theta = Math.abs(denom) <= REL_TOL ? Math.PI / 4.0 : 0.5 * Math.atan((2.0 * x[i][j]) / (x[j][j] - x[i][i]));
    rotate(x, theta, i, j);
    [i, j, v] = offDiagonalMax();
  }
  // mathjs sorts by magnitude (first of equals wins) and takes the last
  const E = x.map((r, k) => r[k]);
  let last = E[0];
  while (E.length) {
    let minID = 0;
    for (let k = 0; k < E.length; k++) if (Math.abs(E[k]) < Math.abs(E[minID])) minID = k;
    last = E.splice(minID, 1)[0];
  }
  return last;
}

/** One Jacobi rotation of mathjs' `x1`, written with its operations in the same order. */
function rotate(H: number[][], theta: number, i: number, j: number): void {
  const N = H.length;
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  const c2 = c * c;
  const s2 = s * s;
  const Aki = new Array<number>(N).fill(0);
  const Akj = new Array<number>(N).fill(0);
  const Aii = c2 * H[i][i] - 2 * c * s * H[i][j] + s2 * H[j][j];
  const Ajj = s2 * H[i][i] + 2 * c * s * H[i][j] + c2 * H[j][j];
  for (let k = 0; k < N; k++) {
    Aki[k] = c * H[i][k] - s * H[j][k];
    Akj[k] = s * H[i][k] + c * H[j][k];
  }
  H[i][i] = Aii;
  H[j][j] = Ajj;
  H[i][j] = 0;
  H[j][i] = 0;
  for (let k = 0; k < N; k++) {
    if (k !== i && k !== j) {
      H[i][k] = Aki[k];
      H[k][i] = Aki[k];
      H[j][k] = Akj[k];
      H[k][j] = Akj[k];
    }
  }
}

/** Largest column (j = 1) or row (j = 0) sum of |a|, accumulated in mathjs' element order. */
function lineSumMax(rows: number, cols: number, a: Float64Array, byColumn: boolean): number {
  const acc: number[] = [];
  let max = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const k = byColumn ? c : r;
      const v = (acc[k] || 0) + Math.abs(a[r * cols + c]);
      if (larger(v, max)) max = v;
      acc[k] = v;
    }
  }
  return max;
}

/** Checks mathjs makes before any arithmetic (they raise even when the values are unknown). */
function checkMatrix(call: OpCall, t: T & { shape: number[] }, p: P | undefined): void {
  const [r, c] = t.shape;
  const what = `math.norm(${argText(call, 0, 'A')}${call.args.length > 1 ? `, ${argText(call, 1, 'p')}` : ''})`;
  if (!r || !c) {
    throw mjsError('linalg-dims', 'RangeError', { en: `Invalid matrix dimensions — ${what} of an empty ${fmtShape(t.shape)} matrix`, fr: `Invalid matrix dimensions — ${what} d'une matrice vide ${fmtShape(t.shape)}` });
  }
  if (p === undefined) return;
  if (p !== 1 && p !== Infinity && p !== 'inf' && p !== 'fro' && p !== 2) unsupported(p, true);
  if (p === 2 && r !== c) {
    throw mjsError('linalg-square', 'RangeError', {
      en: `Invalid matrix dimensions — ${what}: the 2-norm (the default for a matrix) is computed for square matrices only, this one is ${r}×${c}; use 'fro' for the Frobenius norm`,
      fr: `Invalid matrix dimensions — ${what} : la norme 2 (celle par défaut pour une matrice) n'est calculée que pour une matrice carrée, celle-ci est ${r}×${c} ; utilisez 'fro' pour la norme de Frobenius`,
    });
  }
}

defineMathjsOp({
  names: ['math.norm'],
  doc: "math.norm(x[, p]): the p-norm of a vector (2 by default, any number, Infinity, -Infinity, 'fro'); of a matrix, the 2-norm by default (largest singular value, square matrices only), 1 (largest column sum), Infinity (largest row sum) or 'fro' (Frobenius).",
  latex: (o) => `\\left\\lVert ${o[0]} \\right\\rVert${o[1] ? `_{${o[1]}}` : ''}`,
  run: (call, withData) => {
    const t = tensor(call.args[0]);
    if (!t) throw mjsError('mathjs-type', 'TypeError', { en: 'Unexpected type of argument in function norm (index: 0)', fr: "type d'argument inattendu pour math.norm" });
    const pv = call.args[1];
    const p: P | undefined = !pv ? 2 : pv.kind === 'str' ? pv.value : tensor(pv)?.data?.[0];
    if (t.scalar) return { kind: 'float', value: withData && t.data ? Math.abs(t.data[0]) : undefined };
    if (!t.shape) return { kind: 'float' };
    // mathjs' _norm answers only vectors and matrices: for more dims it returns undefined
    if (t.shape.length > 2) return { kind: 'none' };
    if (t.shape.length === 2) checkMatrix(call, t as T & { shape: number[] }, p);
    if (!withData || !t.data || p === undefined) return { kind: 'float' };
    const xs = t.data;
    if (t.shape.length === 1) return { kind: 'float', value: vectorNorm(xs, p) };
    const [r, c] = t.shape;
    if (p === 1 || p === Infinity || p === 'inf') return { kind: 'float', value: lineSumMax(r, c, xs, p === 1) };
    if (p === 'fro') {
      let fro = 0;
      for (const x of xs) fro = fro + x * x;
      return { kind: 'float', value: Math.abs(Math.sqrt(fro)) };
    }
    if (c > MAX_EIG_N) return { kind: 'float' };
    const rho = largestEigenvalue(gram(r, c, xs));
    // sqrt of a (rounding-)negative eigenvalue is complex in mathjs; its abs is √|ρ|
    return { kind: 'float', value: Math.sqrt(Math.abs(rho)) };
  },
});
