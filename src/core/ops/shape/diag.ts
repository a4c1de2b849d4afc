// Diagonals: np.diag (a 1-D input becomes a square matrix with it on the k-th diagonal; a 2-D input
// gives its k-th diagonal) and np.diagonal / ndarray.diagonal (over two axes of any array, the
// diagonal becoming the last axis).

import { Dim, Shape } from '../../shapes/dim';
import { arrayOrUnknown, dataOf, fail, plannedOp, shapeOf, size } from '../nd/common';
import { registerOp } from '../registry';
import type { OpCall } from '../types';
import { intValue, normAxis } from './axes';

/** Length of the k-th diagonal of an r×c block. */
function diagLen(r: Dim, c: Dim, k: number): Dim {
  if (typeof r !== 'number' || typeof c !== 'number') return k === 0 && Dim.equal(r, c) ? r : Dim.sym(`diag(${Dim.format(r)},${Dim.format(c)})`);
  return Math.max(0, k >= 0 ? Math.min(r, c - k) : Math.min(r + k, c));
}

function diagPlan(call: OpCall) {
  const a = arrayOrUnknown(call.args[0] ?? call.kwargs.get('v'));
  const k = intValue(call.args[1] ?? call.kwargs.get('k')) ?? 0;
  if (a.shape === null) return { a, k, shape: null };
  if (a.shape.length === 1) {
    const n = Dim.add(a.shape[0], Math.abs(k));
    return { a, k, shape: [n, n] };
  }
  if (a.shape.length === 2) return { a, k, shape: [diagLen(a.shape[0], a.shape[1], k)] };
  throw fail('diag-dims', 'Input must be 1- or 2-d.', `np.diag attend un vecteur ou une matrice, pas un tableau à ${a.shape.length} dimensions (voir np.diagonal)`);
}

const diag = plannedOp({
  names: ['np.diag'],
  doc: 'From a vector v, the square matrix with v on its k-th diagonal (zeros elsewhere); from a matrix, its k-th diagonal as a vector.',
  latex: ([a]) => `\\operatorname{diag}(${a})`,
  plan: diagPlan,
  fill(p, shape) {
    const s = shapeOf(p.a);
    const d = dataOf(p.a);
    const out = new Float64Array(size(shape));
    const k = p.k;
    if (s.length === 1) {
      const n = s[0] + Math.abs(k);
      for (let i = 0; i < s[0]; i++) out[(k >= 0 ? i : i - k) * n + (k >= 0 ? i + k : i)] = d[i];
    } else {
      for (let i = 0; i < out.length; i++) out[i] = d[(k >= 0 ? i : i - k) * s[1] + (k >= 0 ? i + k : i)];
    }
    return out;
  },
});

/** The (a, offset, axis1, axis2) of np.diagonal / np.trace, as a function or as a method. */
export function diagonalArgs(call: OpCall) {
  const o = call.self !== undefined ? 0 : 1;
  return {
    a: arrayOrUnknown(call.self ?? call.args[0] ?? call.kwargs.get('a')),
    k: intValue(call.args[o] ?? call.kwargs.get('offset')) ?? 0,
    ax1: intValue(call.args[o + 1] ?? call.kwargs.get('axis1')) ?? 0,
    ax2: intValue(call.args[o + 2] ?? call.kwargs.get('axis2')) ?? 1,
  };
}

function diagonalPlan(call: OpCall) {
  const { a, k, ax1, ax2 } = diagonalArgs(call);
  if (a.shape === null) return { a, k, shape: null };
  if (a.shape.length < 2) throw fail('diag-dims', 'diag requires an array of at least two dimensions', 'np.diagonal demande au moins 2 dimensions');
  const i = normAxis(ax1, a.shape.length);
  const j = normAxis(ax2, a.shape.length);
  if (i === j) throw fail('diag-dims', 'axis1 and axis2 cannot be the same', 'axis1 et axis2 doivent être différents');
  const rest = a.shape.filter((_, q) => q !== i && q !== j);
  return { a, k, i, j, shape: [...rest, diagLen(a.shape[i], a.shape[j], k)] };
}

const diagonal = plannedOp({
  names: ['np.diagonal', 'ndarray.diagonal'],
  doc: 'The diagonal a[…, i, i + offset] taken over axis1 and axis2 (default the first two); it becomes the last axis of the result.',
  latex: ([a]) => `\\operatorname{diag}(${a})`,
  plan: diagonalPlan,
  fill: (p) => diagonalData(dataOf(p.a), shapeOf(p.a), p.i!, p.j!, p.k).data,
});

/**
 * The k-th diagonal over axes i and j of row-major `d` (shape `s`), for every index of the other
 * axes: row r of the (rows × len) result holds a[…r…, t − min(k, 0), t + max(k, 0)] for t < len.
 * np.diagonal returns it; np.trace sums its rows.
 */
export function diagonalData(d: Float64Array, s: readonly number[], i: number, j: number, k: number): { rows: number; len: number; data: Float64Array } {
  const len = diagLen(s[i], s[j], k) as number;
  const str = Shape.strides(s);
  const restAxes = s.map((_, q) => q).filter((q) => q !== i && q !== j);
  const rows = size(restAxes.map((q) => s[q]));
  const out = new Float64Array(rows * len);
  for (let r = 0; r < rows; r++) {
    let base = 0;
    let rem = r;
    for (let q = restAxes.length - 1; q >= 0; q--) {
      base += (rem % s[restAxes[q]]) * str[restAxes[q]];
      rem = Math.floor(rem / s[restAxes[q]]);
    }
    for (let t = 0; t < len; t++) {
      const x = k >= 0 ? t : t - k;
      const y = k >= 0 ? t + k : t;
      out[r * len + t] = d[base + x * str[i] + y * str[j]];
    }
  }
  return { rows, len, data: out };
}

registerOp(diag);
registerOp(diagonal);
