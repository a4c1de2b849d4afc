// np.nonzero / ndarray.nonzero (and np.where with one argument): a tuple with one int64 index
// array per dimension, listing the nonzero elements in row-major order; np.count_nonzero.

import { Dim } from '../../shapes/dim';
import type { ArrayValue, Value } from '../../values';
import { arg, axisArg, boolArg } from '../args';
import { numpyScalar, stripData, toArray } from '../convert';
import { registerOp } from '../registry';
import { reduceLayout, reducedShape } from '../reduce/core';
import type { OpCall } from '../types';

function subject(call: OpCall): Value {
  return call.self ?? arg(call, 0, 'a') ?? { kind: 'unknown' };
}

/** The abstract result: ndim index arrays of one length, a symbol (the count depends on values). */
export function nonzeroShape(v: Value, text = 'a'): Value {
  const countSym = Dim.sym(`nnz(${text})`);
  if (v.kind === 'unknown') return { kind: 'tuple', items: null, elem: { kind: 'array', shape: [countSym], dtype: 'int64' } };
  const a = toArray(v);
  if (a.shape === null) return { kind: 'tuple', items: null, elem: { kind: 'array', shape: [countSym], dtype: 'int64' } };
  // numpy treats a 0-d input as 1-d (deprecated)
  const nd = Math.max(1, a.shape.length);
  const items: Value[] = [];
  for (let i = 0; i < nd; i++) items.push({ kind: 'array', shape: [countSym], dtype: 'int64' });
  return { kind: 'tuple', items };
}

export function nonzeroEvaluate(v: Value, abstract: Value): Value {
  const a = v.kind === 'unknown' ? null : toArray(v);
  if (!a?.data || a.shape === null) return abstract;
  const shape = (a.shape.length === 0 ? [1] : a.shape) as number[];
  const nd = shape.length;
  const data = a.data;
  let count = 0;
  for (let i = 0; i < data.length; i++) if (data[i] !== 0) count++;
  const cols = shape.map(() => new Float64Array(count));
  let k = 0;
  for (let i = 0; i < data.length; i++) {
    if (data[i] === 0) continue;
    let rem = i;
    for (let ax = nd - 1; ax >= 0; ax--) {
      cols[ax][k] = rem % shape[ax];
      rem = Math.floor(rem / shape[ax]);
    }
    k++;
  }
  return { kind: 'tuple', items: cols.map((c): ArrayValue => ({ kind: 'array', shape: [count], dtype: 'int64', data: c })) };
}

registerOp({
  names: ['np.nonzero', 'ndarray.nonzero'],
  doc: 'The indices of the nonzero (True) elements: a tuple with one int64 array per dimension, in row-major order. Index with it (a[np.nonzero(m)]) to pick the elements.',
  latex: ([a]) => `\\{ i : ${a}_i \\neq 0 \\}`,
  shape(call) {
    const v = subject(call);
    const shape = nonzeroShape(v, call.argTexts[0]);
    return v.kind === 'array' && v.data ? stripData(nonzeroEvaluate(v, shape)) : shape;
  },
  evaluate: (call, abstract) => nonzeroEvaluate(subject(call), abstract),
});

registerOp({
  names: ['np.count_nonzero'],
  doc: 'How many elements are nonzero (True), in total (a Python int) or along an axis (int64 array).',
  latex: ([a]) => `\\#\\{ i : ${a}_i \\neq 0 \\}`,
  shape(call) {
    const v = subject(call);
    const a = v.kind === 'unknown' ? null : toArray(v);
    const nd = a?.shape ? a.shape.length : undefined;
    const axes = axisArg(call, 1, 'axis', nd, null);
    const keep = boolArg(call, 2, 'keepdims', false);
    if (axes === null && !keep) return { kind: 'int' };
    if (!a || a.shape === null || axes === undefined || keep === undefined) return { kind: 'array', shape: null, dtype: 'int64' };
    return { kind: 'array', shape: reducedShape(a.shape, axes, keep), dtype: 'int64' };
  },
  evaluate(call, abstract) {
    const v = subject(call);
    const a = v.kind === 'unknown' ? null : toArray(v);
    if (!a?.data || a.shape === null) return abstract;
    const axes = axisArg(call, 1, 'axis', a.shape.length, null);
    if (axes === undefined) return abstract;
    if (abstract.kind === 'int') {
      let c = 0;
      for (let i = 0; i < a.data.length; i++) if (a.data[i] !== 0) c++;
      return { kind: 'int', value: c };
    }
    if (abstract.kind !== 'array') return abstract;
    const lay = reduceLayout(a.shape as number[], axes);
    const data = new Float64Array(lay.outer.length);
    for (let o = 0; o < lay.outer.length; o++) {
      let c = 0;
      for (let j = 0; j < lay.inner.length; j++) if (a.data[lay.outer[o] + lay.inner[j]] !== 0) c++;
      data[o] = c;
    }
    const out = { ...abstract, data };
    return out.shape && out.shape.length === 0 ? numpyScalar('int64', data[0]) : out;
  },
});
