// np.round / np.around / ndarray.round: numpy's algorithm (scale by 10^decimals, round half to
// even, scale back, in the array's own float precision), so 2.5 → 2.0 and round(0.125, 2) → 0.12.

import type { DType, Value } from '../../values';
import { arg, intArg } from '../args';
import { toArray } from '../convert';
import { castScalar, isFloat } from '../dtype';
import { registerOp } from '../registry';
import type { OpCall } from '../types';
import { outCastError } from '../ufuncOut';
import { rint } from './unary';

function subject(call: OpCall): Value {
  return call.self ?? arg(call, 0, 'a') ?? { kind: 'unknown' };
}

function decimalsOf(call: OpCall): number | undefined {
  return intArg(call, call.self ? 0 : 1, 'decimals', 0);
}

/**
 * numpy rounds booleans with its float ufuncs: rint's smallest loop gives float16 for decimals=0,
 * while multiply/divide by 10^d cannot write their float64 back into a bool array (it raises).
 */
function boolDtype(decimals: number | undefined): DType | null {
  if (decimals === undefined) return null;
  if (decimals !== 0) throw outCastError(decimals > 0 ? 'multiply' : 'divide', 'float64', 'bool');
  return 'float16';
}

/** Round one value as numpy's PyArray_Round does, each step rounded to the working dtype `w`. */
function roundOne(x: number, decimals: number, w: DType): number {
  const f = castScalar(10 ** Math.abs(decimals), w);
  if (decimals >= 0) return castScalar(rint(castScalar(x * f, w)) / f, w);
  return castScalar(rint(castScalar(x / f, w)) * f, w);
}

registerOp({
  names: ['np.round', 'np.around', 'np.round_', 'ndarray.round'],
  doc: 'Round to the given number of decimals (default 0) with round-half-to-even, as numpy: np.round(2.5) is 2.0 and np.round(0.5) is 0.0. Integers stay integers.',
  latex: ([a, d]) => (d === undefined || d === '0' ? `\\operatorname{round}\\left(${a}\\right)` : `\\operatorname{round}\\left(${a}, ${d}\\right)`),
  shape(call) {
    const v = subject(call);
    const d = decimalsOf(call);
    if (v.kind === 'unknown') return { kind: 'array', shape: null, dtype: null };
    const a = toArray(v);
    const out: Value = { kind: 'array', shape: a.shape, dtype: a.dtype === 'bool' ? boolDtype(d) : a.dtype };
    if (a.shape !== null && a.shape.length === 0 && (a.scalar || v.kind !== 'array')) out.scalar = true;
    return out;
  },
  evaluate(call, abstract) {
    const v = subject(call);
    const d = decimalsOf(call);
    if (abstract.kind !== 'array' || d === undefined || v.kind === 'unknown') return abstract;
    const a = toArray(v);
    if (!a.data || a.dtype === null) return abstract;
    // booleans: 0 and 1 are already round (float16 after boolDtype)
    if (a.dtype === 'bool') return { ...abstract, data: a.data.slice() };
    const dt = a.dtype;
    // integers: a copy for decimals ≥ 0; otherwise numpy rounds in float64 and casts back
    if (!isFloat(dt) && d >= 0) return { ...abstract, data: a.data.slice() };
    const w: DType = isFloat(dt) ? dt : 'float64';
    const data = new Float64Array(a.data.length);
    for (let i = 0; i < data.length; i++) data[i] = castScalar(roundOne(a.data[i], d, w), dt);
    return { ...abstract, data };
  },
});
