// np.linalg.norm: vector norms (ord None/2, 1, inf, -inf, 0, any p) along one axis, matrix norms
// (None/'fro', 'nuc', 1, -1, 2, -2, inf, -inf) over two axes, the whole array flattened when axis
// is None and ord is None; keepdims; numpy's ValueErrors for orders that do not apply.

import type { Dim } from '../../shapes/dim';
import type { ArrayValue, DType, Value } from '../../values';
import { arrayOrUnknown, dataOf, fail, permuteData, plannedOp, shapeOf, size } from '../nd/common';
import { registerOp } from '../registry';
import type { OpCall } from '../types';
import { boolArg } from '../args';
import { intList, normAxis } from '../shape/axes';
import { finish } from './common';
import { svd } from './jacobi';

type Ord = number | 'fro' | 'nuc' | null;

function ordOf(v: Value | undefined): Ord | undefined {
  if (v === undefined || v.kind === 'none') return null;
  if (v.kind === 'int' || v.kind === 'float') return v.value;
  if (v.kind === 'str') return v.value === 'fro' || v.value === 'nuc' ? v.value : (v.value as Ord) ?? undefined;
  if (v.kind === 'array' && v.shape?.length === 0) return v.data?.[0];
  return undefined;
}

const fmtOrd = (o: Ord) => (typeof o === 'number' ? (Number.isFinite(o) ? String(o) : o > 0 ? 'inf' : '-inf') : String(o));

interface Plan {
  a: ArrayValue;
  dtype: DType | null;
  shape: Dim[] | null;
  axes?: number[];
  ord?: Ord;
  keep?: boolean;
  /** axis=None, ord=None: the 2-norm of the flattened array, whatever its rank */
  flat?: boolean;
}

function plan(call: OpCall): Plan {
  const a = arrayOrUnknown(call.args[0] ?? call.kwargs.get('x'));
  // numpy converts non-float input to float64 first
  const dtype: DType | null = a.dtype === null ? null : a.dtype === 'float32' ? 'float32' : a.dtype === 'float16' ? 'float16' : 'float64';
  const ord = ordOf(call.args[1] ?? call.kwargs.get('ord'));
  const axisV = call.args[2] ?? call.kwargs.get('axis');
  const keep = boolArg(call, 3, 'keepdims', false) ?? false;
  if (a.shape === null || ord === undefined) return { a, dtype, shape: null };
  const nd = a.shape.length;
  let axes: number[];
  if (!axisV || axisV.kind === 'none') {
    if (ord === null) {
      // the flattened 2-norm over every axis
      axes = [...Array(nd).keys()];
      return { a, dtype, axes, ord: null, flat: true, keep, shape: keep ? Array(nd).fill(1) : [] };
    }
    if (nd !== 1 && nd !== 2) throw fail('norm-order', 'Improper number of dimensions to norm.', 'nombre de dimensions inadapté pour une norme (1 pour un vecteur, 2 pour une matrice)');
    axes = [...Array(nd).keys()];
  } else {
    const raw = intList(axisV);
    if (!raw) return { a, dtype, shape: null };
    axes = raw.map((x) => normAxis(x, nd));
  }
  if (axes.length === 1) {
    if (typeof ord === 'string') {
      throw fail('norm-order', `Invalid norm order '${ord}' for vectors`, `l'ordre '${ord}' n'est pas une norme de vecteur (utilisez ord=None, 1, 2, np.inf…)`);
    }
  } else if (axes.length === 2) {
    if (axes[0] === axes[1]) throw fail('norm-order', 'Duplicate axes given.', 'axes en double');
    if (!(ord === null || ord === 'fro' || ord === 'nuc' || ord === 1 || ord === -1 || ord === 2 || ord === -2 || ord === Infinity || ord === -Infinity)) {
      throw fail('norm-order', 'Invalid norm order for matrices.', `l'ordre ${fmtOrd(ord)} n'est pas une norme de matrice (None/'fro', 'nuc', 1, -1, 2, -2, inf, -inf)`);
    }
  } else {
    throw fail('norm-order', 'Improper number of dimensions to norm.', 'nombre de dimensions inadapté pour une norme');
  }
  const shape: Dim[] = keep ? a.shape.map((d, i) => (axes.includes(i) ? 1 : d)) : a.shape.filter((_, i) => !axes.includes(i));
  return { a, dtype, shape, axes, ord, keep };
}

function vectorNorm(v: Float64Array, ord: Ord): number {
  const n = v.length;
  if (ord === null || ord === 2) {
    let s = 0;
    for (let i = 0; i < n; i++) s += v[i] * v[i];
    return Math.sqrt(s);
  }
  const o = ord as number;
  if (o === Infinity || o === -Infinity) {
    let r = o > 0 ? 0 : Infinity;
    for (let i = 0; i < n; i++) r = o > 0 ? Math.max(r, Math.abs(v[i])) : Math.min(r, Math.abs(v[i]));
    return n === 0 && o > 0 ? 0 : r;
  }
  if (o === 0) {
    let c = 0;
    for (let i = 0; i < n; i++) if (v[i] !== 0) c++;
    return c;
  }
  if (o === 1) {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.abs(v[i]);
    return s;
  }
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.abs(v[i]) ** o;
  return s ** (1 / o);
}

/** Matrix norms of one r×c matrix (row axis first). */
function matrixNorm(m: Float64Array, r: number, c: number, ord: Ord): number {
  if (ord === null || ord === 'fro') return vectorNorm(m, null);
  if (ord === 2 || ord === -2 || ord === 'nuc') {
    const s = svd(m, r, c, false).s;
    if (ord === 'nuc') return s.reduce((p, x) => p + x, 0);
    return ord === 2 ? s[0] : s[s.length - 1];
  }
  const o = ord as number;
  // 1/-1: column sums (over rows); inf/-inf: row sums (over columns)
  const sums: number[] = [];
  if (Math.abs(o) === 1) {
    for (let j = 0; j < c; j++) {
      let s = 0;
      for (let i = 0; i < r; i++) s += Math.abs(m[i * c + j]);
      sums.push(s);
    }
  } else {
    for (let i = 0; i < r; i++) {
      let s = 0;
      for (let j = 0; j < c; j++) s += Math.abs(m[i * c + j]);
      sums.push(s);
    }
  }
  return o > 0 ? Math.max(...sums) : Math.min(...sums);
}

const norm = plannedOp({
  names: ['np.linalg.norm'],
  doc:
    'Vector or matrix norm. By default the Euclidean length √(Σ xᵢ²) of the flattened array; with axis=-1, the length of ' +
    "each row (keepdims=True keeps the axis for broadcasting, e.g. to normalise rows). ord selects 1, np.inf, … for vectors and 'fro', 'nuc', 2, 1, np.inf, … for matrices.",
  latex: ([x]) => `\\lVert ${x} \\rVert`,
  plan,
  scalar: true,
  fill(p) {
    const s = shapeOf(p.a);
    const axes = p.axes!;
    const kept = [...s.keys()].filter((i) => !axes.includes(i));
    // the reduced axes moved last (in the order given: row axis then column axis for matrices)
    const perm = [...kept, ...axes];
    const data = perm.every((q, i) => q === i) ? dataOf(p.a) : permuteData(dataOf(p.a), s, perm);
    const g = size(axes.map((q) => s[q]));
    const outN = size(kept.map((q) => s[q]));
    const out = new Float64Array(outN);
    for (let i = 0; i < outN; i++) {
      const block = data.subarray(i * g, (i + 1) * g);
      out[i] = axes.length === 2 && !p.flat ? matrixNorm(block, s[axes[0]], s[axes[1]], p.ord!) : vectorNorm(block, p.ord!);
    }
    return finish(out, p.dtype);
  },
});

registerOp(norm);
