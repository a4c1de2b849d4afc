// np.split and np.array_split: a list of sub-arrays along an axis, by a number of sections (split
// demands an equal division, array_split gives the first n % k pieces one more element) or by
// the indices where to cut (sliced like Python: clipped to the axis, negatives from the end).

import { Dim } from '../../shapes/dim';
import type { ArrayValue, ListValue, Value } from '../../values';
import { arrayOrUnknown, dataOf, fail, result, shapeOf, size } from '../nd/common';
import { registerOp } from '../registry';
import type { OpCall, OpModule } from '../types';
import { intList, intValue, normAxis } from './axes';

/** Python slice bounds of a[lo:hi] on an axis of length n. */
function clip(i: number, n: number): number {
  if (i < 0) i += n;
  return Math.min(Math.max(i, 0), n);
}

/** Piece bounds along the axis (concrete length), or piece lengths (symbolic), or null if unknown. */
function pieces(call: OpCall, n: Dim, equal: boolean): { bounds?: [number, number][]; lens?: Dim[] } | null {
  const spec = call.args[1] ?? call.kwargs.get('indices_or_sections');
  if (!spec) return null;
  if (spec.kind === 'list' || spec.kind === 'tuple' || spec.kind === 'array') {
    const idx = intList(spec);
    if (!idx) return null;
    if (typeof n !== 'number') {
      // only non-negative cut points between known positions have known lengths
      if (idx.some((i) => i < 0)) return null;
      const lens: Dim[] = [];
      let prev = 0;
      for (const i of idx) {
        lens.push(Math.max(i - prev, 0));
        prev = Math.max(prev, i);
      }
      lens.push(Dim.sub(n, prev));
      return { lens };
    }
    const bounds: [number, number][] = [];
    let prev = 0;
    for (const i of [...idx, n]) {
      const lo = clip(prev, n);
      const hi = clip(i, n);
      bounds.push([lo, Math.max(lo, hi)]);
      prev = i;
    }
    return { bounds };
  }
  const k = intValue(spec);
  if (k === undefined) return null;
  if (k <= 0) throw fail('split-sections', 'number sections must be larger than 0.', 'le nombre de sections doit être supérieur à 0');
  if (typeof n !== 'number') return equal ? { lens: Array(k).fill(Dim.floordiv(n, k)) } : null;
  if (equal && n % k !== 0) {
    throw fail('split-unequal', 'array split does not result in an equal division', `la division n'est pas égale : ${n} éléments ne se répartissent pas en ${k} parts égales (np.array_split l'accepte)`);
  }
  const base = Math.floor(n / k);
  const extra = n % k;
  const bounds: [number, number][] = [];
  let lo = 0;
  for (let i = 0; i < k; i++) {
    const len = base + (i < extra ? 1 : 0);
    bounds.push([lo, lo + len]);
    lo += len;
  }
  return { bounds };
}

function plan(call: OpCall, equal: boolean) {
  const a = arrayOrUnknown(call.args[0] ?? call.kwargs.get('ary'));
  const axisV = intValue(call.args[2] ?? call.kwargs.get('axis')) ?? 0;
  if (a.shape === null) return { a, axis: 0, p: null };
  const axis = normAxis(axisV, a.shape.length);
  return { a, axis, p: pieces(call, a.shape[axis], equal) };
}

function slices(a: ArrayValue, axis: number, bounds: [number, number][]): ArrayValue[] {
  const s = shapeOf(a);
  const d = dataOf(a);
  const outer = size(s.slice(0, axis));
  const inner = size(s.slice(axis + 1));
  return bounds.map(([lo, hi]) => {
    const len = hi - lo;
    const out = new Float64Array(outer * len * inner);
    for (let o = 0; o < outer; o++) {
      out.set(d.subarray((o * s[axis] + lo) * inner, (o * s[axis] + hi) * inner), o * len * inner);
    }
    return result([...s.slice(0, axis), len, ...s.slice(axis + 1)], a.dtype, out);
  });
}

function splitter(names: string[], equal: boolean, doc: string): OpModule {
  return {
    names,
    doc,
    latex: ([a]) => a,
    shape(call: OpCall): Value {
      const { a, axis, p } = plan(call, equal);
      if (!p || a.shape === null) return { kind: 'list', items: null, elem: result(null, a.dtype) } satisfies ListValue;
      const lens = p.lens ?? p.bounds!.map(([lo, hi]) => hi - lo);
      const items = lens.map((len) => result([...a.shape!.slice(0, axis), len, ...a.shape!.slice(axis + 1)], a.dtype));
      return { kind: 'list', items };
    },
    evaluate(call: OpCall): Value {
      const { a, axis, p } = plan(call, equal);
      return { kind: 'list', items: slices(a, axis, p!.bounds!) };
    },
  };
}

registerOp(splitter(['np.split'], true,
  'Split into equal sections (an int k, which must divide the axis length) or at the given indices; returns a list of arrays. Splitting d_model columns into h heads: np.split(Q, h, axis=-1).'));
registerOp(splitter(['np.array_split'], false,
  'Like np.split, but k sections need not be equal: the first n % k pieces get one extra element.'));
