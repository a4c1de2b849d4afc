// np.array / np.asarray / np.copy / ndarray.copy / ndarray.astype: building an array from Python
// data (shape and dtype discovered as numpy does, ragged lists rejected), copying, and casting
// with numpy's conversions (float → int truncates; nan → int is INT_MIN with a RuntimeWarning).

import type { ArrayValue, DType, Value } from '../../values';
import { arg, dtypeArg, intArg } from '../args';
import { copyArray, toArray } from '../convert';
import { castScalar, dtypeFromValue, isFloat } from '../dtype';
import { registerOp } from '../registry';
import type { OpCall } from '../types';

const ARRAY_LIKE = ['array', 'int', 'float', 'bool', 'list', 'tuple', 'range'];

function build(call: OpCall, withData: boolean): Value {
  const v = arg(call, 0, call.name === 'np.copy' ? 'a' : 'object') ?? arg(call, 0, 'a');
  const dtype = dtypeArg(call, 1, 'dtype');
  if (!v || !ARRAY_LIKE.includes(v.kind)) return { kind: 'array', shape: null, dtype: dtype ?? null };
  const base = toArray(v);
  let out: ArrayValue = { kind: 'array', shape: base.shape, dtype: dtype === undefined ? null : dtype ?? base.dtype };
  if (withData && base.data && out.dtype) {
    const data = new Float64Array(base.data.length);
    for (let i = 0; i < data.length; i++) data[i] = castScalar(base.data[i], out.dtype);
    out.data = data;
  }
  const ndmin = call.name === 'np.array' ? intArg(call, -1, 'ndmin', 0) : 0;
  if (ndmin === undefined) return { kind: 'array', shape: null, dtype: out.dtype };
  if (out.shape !== null && out.shape.length < ndmin) out = { ...out, shape: [...new Array(ndmin - out.shape.length).fill(1), ...out.shape] };
  return out;
}

registerOp({
  names: ['np.array', 'np.asarray', 'np.asanyarray', 'np.ascontiguousarray', 'np.copy'],
  doc: 'Build an array from nested lists/tuples (or copy an array): the shape comes from the nesting, the dtype from the elements (all ints → int64, any float → float64) unless dtype= is given. Ragged lists raise ValueError.',
  latex: ([a]) => a ?? '',
  shape: (call) => build(call, false),
  evaluate: (call) => build(call, true),
});

registerOp({
  names: ['ndarray.copy'],
  doc: 'A copy of the array with its own data: changing the copy never changes the original (unlike a view or slice).',
  latex: ([a]) => a ?? '',
  shape(call) {
    const a = call.self;
    return a && a.kind === 'array' ? { kind: 'array', shape: a.shape, dtype: a.dtype } : { kind: 'array', shape: null, dtype: null };
  },
  evaluate(call, abstract) {
    const a = call.self;
    return a && a.kind === 'array' && a.data ? { ...copyArray(a), scalar: a.scalar } : abstract;
  },
});

function targetDtype(call: OpCall): DType | null {
  const v = arg(call, 0, 'dtype');
  const dt = v ? dtypeFromValue(v) : undefined;
  return dt ?? null;
}

registerOp({
  names: ['ndarray.astype'],
  doc: 'A copy converted to another dtype: float → int truncates toward zero (2.7 → 2, −2.7 → −2), float64 → float32 rounds, anything → bool is "nonzero".',
  latex: ([a]) => a ?? '',
  shape(call) {
    const a = call.self;
    const dt = targetDtype(call);
    const shape = a && a.kind === 'array' ? a.shape : null;
    const out: ArrayValue = { kind: 'array', shape, dtype: dt };
    if (a && a.kind === 'array' && a.scalar) out.scalar = true;
    return out;
  },
  evaluate(call, abstract) {
    const a = call.self;
    if (abstract.kind !== 'array' || !a || a.kind !== 'array' || !a.data || abstract.dtype === null) return abstract;
    const dt = abstract.dtype;
    const data = new Float64Array(a.data.length);
    let invalid = false;
    let overflow = false;
    for (let i = 0; i < data.length; i++) {
      const x = a.data[i];
      if (!isFloat(dt) && dt !== 'bool' && !Number.isFinite(x)) invalid = true;
      data[i] = castScalar(x, dt);
      if (isFloat(dt) && Number.isFinite(x) && !Number.isFinite(data[i])) overflow = true;
    }
    if (overflow) {
      call.ctx.report({ loc: call.loc, severity: 'warning', code: 'runtime-warning', message: { en: 'RuntimeWarning: overflow encountered in cast', fr: 'RuntimeWarning : dépassement de capacité lors de la conversion (valeur devenue inf)' } });
    }
    if (invalid) {
      call.ctx.report({ loc: call.loc, severity: 'warning', code: 'runtime-warning', message: { en: 'RuntimeWarning: invalid value encountered in cast', fr: 'RuntimeWarning : valeur invalide (nan ou inf) rencontrée lors de la conversion' } });
    }
    return { ...abstract, data };
  },
});
