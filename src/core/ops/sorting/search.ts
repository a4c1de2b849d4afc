// Finding elements: np.argwhere (coordinates of the non-zero elements, one row each),
// np.searchsorted (insertion points in a sorted array, nan sorting last), np.bincount (occurrences
// of each non-negative int, optionally weighted) and np.isin (membership, elementwise).

import { Dim } from '../../shapes/dim';
import type { ArrayValue, Value } from '../../values';
import { arg, boolArg, intArg } from '../args';
import { numpyScalar } from '../convert';
import { isFloat } from '../dtype';
import { arrayOrUnknown, concrete, dataOf, fail, result } from '../nd/common';
import { registerOp } from '../registry';
import { lt } from './introsort';

registerOp({
  names: ['np.argwhere'],
  doc: 'The coordinates of the non-zero (True) elements, one row per element in row-major order: shape (number found, a.ndim). np.argwhere(mask) lists the masked positions.',
  latex: ([a]) => `\\{\\, i : ${a}_{i} \\neq 0 \\,\\}`,
  shape(call): Value {
    const a = arrayOrUnknown(arg(call, 0, 'a'));
    if (a.shape === null) return result(null, 'int64');
    // how many are found depends on the values
    const count = a.data ? a.data.reduce((n, x) => n + (x !== 0 ? 1 : 0), 0) : Dim.sym(`nnz(${call.argTexts[0] || 'a'})`);
    return result([count, a.shape.length], 'int64');
  },
  evaluate(call, abstract) {
    const a = arrayOrUnknown(arg(call, 0, 'a'));
    const s = concrete(a.shape);
    if (!s) return abstract;
    const d = dataOf(a);
    const rows: number[] = [];
    const idx = new Array<number>(s.length).fill(0);
    for (let i = 0; i < d.length; i++) {
      if (d[i] !== 0) rows.push(...idx);
      for (let ax = s.length - 1; ax >= 0; ax--) {
        if (++idx[ax] < s[ax]) break;
        idx[ax] = 0;
      }
    }
    return result([rows.length / Math.max(s.length, 1) || 0, s.length], 'int64', Float64Array.from(rows));
  },
});

function searchArgs(call: Parameters<typeof arg>[0]) {
  const a = arrayOrUnknown(arg(call, 0, 'a'));
  const v = arg(call, 1, 'v');
  const sideV = arg(call, 2, 'side');
  const side = sideV === undefined || sideV.kind === 'none' ? 'left' : sideV.kind === 'str' ? sideV.value : undefined;
  if (side !== undefined && side !== 'left' && side !== 'right') {
    throw fail('bad-side', `search side must be 'left' or 'right' (got '${side}')`, `side doit valoir 'left' ou 'right' (reçu '${side}')`);
  }
  if (a.shape && a.shape.length !== 1) throw fail('bad-ndim', 'object too deep for desired array', 'np.searchsorted attend un tableau trié à une dimension');
  return { a, v: v === undefined ? null : arrayOrUnknown(v), scalar: v !== undefined && v.kind !== 'array' && v.kind !== 'list' && v.kind !== 'tuple', side, sorter: arg(call, 3, 'sorter') };
}

registerOp({
  names: ['np.searchsorted', 'ndarray.searchsorted'],
  doc: "Indices where the values v would be inserted into the sorted 1-D array a to keep it sorted: side='left' gives the first suitable position, 'right' the last. a must already be sorted (ascending); nan sorts last.",
  latex: ([a, v]) => `\\operatorname{searchsorted}\\left(${a}, ${v}\\right)`,
  shape(call): Value {
    const p = searchArgs(call.self ? { ...call, args: [call.self, ...call.args] } : call);
    if (!p.v) throw fail('type-error', `searchsorted() missing 1 required positional argument: 'v'`, `searchsorted() : argument 'v' manquant`, 'TypeError');
    const out = result(p.v.shape, 'int64');
    if (p.scalar) out.scalar = true;
    return out;
  },
  evaluate(call, abstract) {
    const p = searchArgs(call.self ? { ...call, args: [call.self, ...call.args] } : call);
    if (!p.v?.data || !p.a.data || p.side === undefined || (p.sorter && p.sorter.kind !== 'none')) return abstract;
    const a = p.a.data;
    const right = p.side === 'right';
    const find = (x: number): number => {
      let lo = 0;
      let hi = a.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        // left: first a[i] >= x; right: first a[i] > x (numpy's ordering puts nan last)
        if (right ? !lt(x, a[mid]) : lt(a[mid], x)) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const data = Float64Array.from(p.v.data, find);
    if (p.scalar) return numpyScalar('int64', data[0]);
    return { ...(abstract as ArrayValue), data };
  },
});

function bincountArgs(call: Parameters<typeof arg>[0]) {
  const x = arrayOrUnknown(arg(call, 0, 'x'));
  const wv = arg(call, 1, 'weights');
  const w = wv && wv.kind !== 'none' ? arrayOrUnknown(wv) : null;
  const minlength = intArg(call, 2, 'minlength', 0);
  if (x.shape && x.shape.length !== 1) throw fail('bad-ndim', 'object too deep for desired array', 'np.bincount attend un tableau à une dimension');
  if (x.dtype && (isFloat(x.dtype))) {
    throw fail('casting', `Cannot cast array data from dtype('${x.dtype}') to dtype('int64') according to the rule 'safe'`,
      `np.bincount compte des entiers : convertissez d'abord avec .astype(int) (dtype reçu : ${x.dtype})`, 'TypeError');
  }
  if (minlength !== undefined && minlength < 0) throw fail('bad-minlength', "'minlength' must not be negative", "'minlength' ne doit pas être négatif");
  if (x.data && x.data.some((v) => v < 0)) throw fail('negative-count', "'list' argument must have no negative elements", 'np.bincount ne compte que des entiers positifs ou nuls');
  if (w && w.shape && x.shape && w.shape.length === 1 && Dim.certainlyDiffer(w.shape[0], x.shape[0])) {
    throw fail('broadcast-mismatch', "The weights and list don't have the same length.", 'weights et x doivent avoir la même longueur');
  }
  return { x, w, minlength };
}

registerOp({
  names: ['np.bincount'],
  doc: 'Counts the occurrences of each non-negative integer in a 1-D array: out[k] = number of times k appears (length max(x)+1, at least minlength). With weights, out[k] sums the weights of the positions holding k (float64). Counting token ids gives unigram frequencies.',
  latex: ([x]) => `\\left(\\, \\#\\{ i : ${x}_i = k \\} \\,\\right)_{k}`,
  shape(call): Value {
    const p = bincountArgs(call);
    const dt = p.w ? 'float64' : 'int64';
    if (!p.x.data || p.minlength === undefined) return result(p.x.shape === null ? null : [Dim.sym(`bins(${call.argTexts[0] || 'x'})`)], dt);
    const n = Math.max(p.x.data.length ? Math.max(...p.x.data) + 1 : 0, p.minlength);
    return result([n], dt);
  },
  evaluate(call, abstract) {
    const p = bincountArgs(call);
    const s = abstract.kind === 'array' ? concrete(abstract.shape) : undefined;
    if (!s || !p.x.data || (p.w && !p.w.data)) return abstract;
    const out = new Float64Array(s[0]);
    p.x.data.forEach((k, i) => (out[k] += p.w ? p.w.data![i] : 1));
    return { ...(abstract as ArrayValue), data: out };
  },
});

registerOp({
  names: ['np.isin'],
  doc: 'Elementwise membership: True where an element of `element` appears in `test_elements` (of any shape); invert=True gives the opposite. The result has the shape of `element`.',
  latex: ([a, b]) => `${a} \\in ${b}`,
  shape(call): Value {
    const e = arrayOrUnknown(arg(call, 0, 'element'));
    arrayOrUnknown(arg(call, 1, 'test_elements'));
    return result(e.shape, 'bool');
  },
  evaluate(call, abstract) {
    const e = arrayOrUnknown(arg(call, 0, 'element'));
    const t = arrayOrUnknown(arg(call, 1, 'test_elements'));
    const invert = boolArg(call, 3, 'invert', false);
    if (!e.data || !t.data || invert === undefined) return abstract;
    const set = new Set(t.data);
    return { ...(abstract as ArrayValue), data: Float64Array.from(e.data, (x) => ((!Number.isNaN(x) && set.has(x)) !== invert ? 1 : 0)) };
  },
});
