// numpy functions that return views of their operand (transpose, reshape, split, squeeze, flip, …)
// and np.asarray, which returns the operand itself: their results stay linked to it, so writing
// through either side shows in the other, as in numpy. Found by the differential tests.

import { findOp } from '../ops/registry';
import type { ArrayValue, Value } from '../values';
import { noteOffsetView, viewParent } from './views';

/** Always views of the source (self for methods, else the first argument). */
const ALWAYS = new Set([
  'ndarray.T', 'np.transpose', 'ndarray.transpose', 'np.swapaxes', 'ndarray.swapaxes', 'np.moveaxis',
  'np.expand_dims', 'np.squeeze', 'ndarray.squeeze', 'np.split', 'np.array_split', 'np.diagonal',
  'ndarray.diagonal', 'np.broadcast_to', 'np.flip', 'np.fliplr', 'np.flipud',
]);
/** Views only when numpy can express the result with strides over the source's memory. */
const WHEN_STRIDED = new Set(['np.reshape', 'ndarray.reshape']);
const WHEN_CONTIGUOUS = new Set(['np.ravel', 'ndarray.ravel']);
/** The operand itself when no conversion is asked for. */
const IDENTITY = new Set(['np.asarray', 'np.asanyarray', 'np.ascontiguousarray']);
const MAX_LINKED = 1 << 16;

export function isViewOp(name: string): boolean {
  return ALWAYS.has(name) || WHEN_STRIDED.has(name) || WHEN_CONTIGUOUS.has(name) || IDENTITY.has(name) || name === 'np.diag';
}

const concreteSize = (a: ArrayValue): number | undefined => {
  if (!a.shape) return undefined;
  let n = 1;
  for (const d of a.shape) {
    if (typeof d !== 'number') return undefined;
    n *= d;
  }
  return n;
};

function iota(n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/**
 * Where each element of `a` lives in the memory of the array at the root of its views (a root
 * is its own memory, in row-major order); undefined when a link cannot be followed.
 */
function memory(a: ArrayValue, depth = 0): Float64Array | undefined {
  const n = concreteSize(a);
  if (n === undefined || depth > 16) return undefined;
  const p = viewParent(a);
  if (!p) return iota(n);
  const up = memory(p.base, depth + 1);
  if (!up) return undefined;
  let local = p.offsets;
  if (!local && p.index) {
    const get = findOp('op.getitem');
    const base: ArrayValue = { ...p.base, dtype: 'float64', data: iota(up.length) };
    const call = { name: 'op.getitem', args: [base, p.index], kwargs: new Map(), loc: { line: 0, col: 0, endLine: 0, endCol: 0 }, argLocs: [], argTexts: [], ctx: { maxElements: MAX_LINKED, report: () => undefined, perTrace: new Map() } };
    try {
      const r = get?.evaluate(call, get.shape(call));
      local = r?.kind === 'array' ? r.data : undefined;
    } catch {
      local = undefined;
    }
  }
  if (!local || local.length !== n) return undefined;
  return local.map((o) => up[o]);
}

/** numpy's no-copy reshape succeeds when the elements, in order, sit at strided places in memory. */
function strided(mem: Float64Array, shape: readonly number[]): boolean {
  const strides = shape.map(() => 0);
  let unit = 1;
  for (let k = shape.length - 1; k >= 0; k--) {
    if (shape[k] > 1) strides[k] = mem[unit] - mem[0];
    unit *= shape[k];
  }
  const idx = shape.map(() => 0);
  for (let i = 0; i < mem.length; i++) {
    let want = mem[0];
    for (let k = 0; k < shape.length; k++) want += idx[k] * strides[k];
    if (mem[i] !== want) return false;
    for (let k = shape.length - 1; k >= 0; k--) {
      if (++idx[k] < shape[k]) break;
      idx[k] = 0;
    }
  }
  return true;
}

const contiguous = (mem: Float64Array): boolean => mem.every((o, i) => o === mem[0] + i);

/**
 * Link the result of view op `name` to its source. `rerun` evaluates the same call with the
 * source replaced by an array holding 0..n-1, which tells where each result element comes from.
 * Returns the value the call gives (the source itself for np.asarray without conversion).
 */
export function linkOpView(name: string, src: Value | undefined, result: Value, rerun: (iota: ArrayValue) => Value): Value {
  if (src?.kind !== 'array' || src.data === undefined) return result;
  if (IDENTITY.has(name)) {
    if (result.kind !== 'array' || result.dtype !== src.dtype || !Array.isArray(result.shape) || result.shape.length !== src.shape?.length) return result;
    if (name === 'np.ascontiguousarray') {
      const mem = memory(src);
      if (!mem || !contiguous(mem)) return result;
    }
    return src;
  }
  const n = concreteSize(src);
  if (n === undefined || n > MAX_LINKED || (name === 'np.diag' && src.shape?.length !== 2)) return result;
  const views = result.kind === 'array' ? [result] : (result.kind === 'list' || result.kind === 'tuple') && result.items ? result.items : [];
  if (views.length === 0) return result;
  if (WHEN_STRIDED.has(name) || WHEN_CONTIGUOUS.has(name)) {
    const mem = memory(src);
    const shape = result.kind === 'array' ? result.shape : null;
    if (!mem || !shape || shape.some((d) => typeof d !== 'number')) return result;
    if (WHEN_CONTIGUOUS.has(name) ? !contiguous(mem) : !strided(mem, shape as number[])) return result;
  }
  let where: Value;
  try {
    where = rerun({ kind: 'array', shape: src.shape, dtype: 'float64', data: iota(n) });
  } catch {
    return result;
  }
  const offs = where.kind === 'array' ? [where] : (where.kind === 'list' || where.kind === 'tuple') && where.items ? where.items : [];
  views.forEach((v, i) => {
    const o = offs[i];
    if (v.kind === 'array' && v.data && o?.kind === 'array' && o.data && o.data.length === v.data.length) noteOffsetView(src, v, o.data);
  });
  return result;
}
