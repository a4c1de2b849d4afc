// Comparing arrays as a whole: np.isclose (elementwise |a−b| ≤ atol + rtol·|b|, inf equal to
// itself, nan only with equal_nan), np.allclose (a Python bool) and np.array_equal.

import { broadcastIndexer, broadcastOrNull } from '../../shapes/broadcast';
import { Shape } from '../../shapes/dim';
import type { ArrayValue, Value } from '../../values';
import { arg, boolArg, numArg } from '../args';
import { toArray } from '../convert';
import { registerOp } from '../registry';
import type { OpCall } from '../types';

function pair(call: OpCall): [ArrayValue | null, ArrayValue | null] {
  const conv = (v: Value | undefined) => (v && ['array', 'int', 'float', 'bool', 'list', 'tuple', 'range'].includes(v.kind) ? toArray(v) : null);
  return [conv(arg(call, 0, 'a')), conv(arg(call, 1, 'b'))];
}

function tolerances(call: OpCall) {
  return { rtol: numArg(call, 2, 'rtol', 1e-5), atol: numArg(call, 3, 'atol', 1e-8), equalNan: boolArg(call, 4, 'equal_nan', false) };
}

function closeOne(x: number, y: number, rtol: number, atol: number, equalNan: boolean): boolean {
  if (Number.isNaN(x) || Number.isNaN(y)) return equalNan && Number.isNaN(x) && Number.isNaN(y);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return x === y;
  return Math.abs(x - y) <= atol + rtol * Math.abs(y);
}

/** isclose over the broadcast operands, or undefined when something is not determined. */
function closeData(call: OpCall, shape: readonly number[]): Float64Array | undefined {
  const [a, b] = pair(call);
  const { rtol, atol, equalNan } = tolerances(call);
  if (!a?.data || !b?.data || rtol === undefined || atol === undefined || equalNan === undefined) return undefined;
  const ia = broadcastIndexer(a.shape as number[], shape);
  const ib = broadcastIndexer(b.shape as number[], shape);
  const n = shape.reduce((p, d) => p * d, 1);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = closeOne(a.data[ia ? ia[i] : i], b.data[ib ? ib[i] : i], rtol, atol, equalNan) ? 1 : 0;
  return out;
}

function closeShape(call: OpCall) {
  const [a, b] = pair(call);
  return broadcastOrNull([a ? a.shape : null, b ? b.shape : null]);
}

registerOp({
  names: ['np.isclose'],
  doc: 'Elementwise "equal within tolerance": |a − b| ≤ atol + rtol·|b| (rtol=1e-05, atol=1e-08; note it is not symmetric in a and b). Compare floats this way, never with ==.',
  latex: ([a, b]) => `\\left|${a} - ${b}\\right| \\le \\mathrm{atol} + \\mathrm{rtol} \\left|${b}\\right|`,
  shape(call): Value {
    const shape = closeShape(call);
    return shape !== null && shape.length === 0 ? { kind: 'array', shape, dtype: 'bool', scalar: true } : { kind: 'array', shape, dtype: 'bool' };
  },
  evaluate(call, abstract) {
    if (abstract.kind !== 'array' || abstract.shape === null) return abstract;
    const data = closeData(call, abstract.shape as number[]);
    return data ? { ...abstract, data } : abstract;
  },
});

registerOp({
  names: ['np.allclose'],
  doc: 'True when every pair of elements is close (np.isclose with rtol=1e-05, atol=1e-08), a Python bool; raises like broadcasting when the shapes do not broadcast.',
  latex: ([a, b]) => `${a} \\approx ${b}`,
  shape(call): Value {
    closeShape(call);
    return { kind: 'bool' };
  },
  evaluate(call, abstract) {
    const shape = closeShape(call);
    if (shape === null || !Shape.isConcrete(shape)) return abstract;
    const data = closeData(call, shape);
    return data ? { kind: 'bool', value: data.every((x) => x !== 0) } : abstract;
  },
});

registerOp({
  names: ['np.array_equal'],
  doc: 'True when both arrays have the same shape and the same elements (nan never equal unless equal_nan=True); a Python bool, never an error.',
  latex: ([a, b]) => `${a} = ${b}`,
  shape(): Value {
    return { kind: 'bool' };
  },
  evaluate(call, abstract) {
    const [a, b] = pair(call);
    const equalNan = boolArg(call, 2, 'equal_nan', false);
    if (!a || !b || a.shape === null || b.shape === null || equalNan === undefined) return abstract;
    if (!Shape.equal(a.shape, b.shape)) {
      const certain = a.shape.length !== b.shape.length || (Shape.isConcrete(a.shape) && Shape.isConcrete(b.shape));
      return certain ? { kind: 'bool', value: false } : abstract;
    }
    if (!a.data || !b.data) return abstract;
    for (let i = 0; i < a.data.length; i++) {
      const x = a.data[i];
      const y = b.data[i];
      if (x === y) continue;
      if (equalNan && Number.isNaN(x) && Number.isNaN(y)) continue;
      return { kind: 'bool', value: false };
    }
    return { kind: 'bool', value: true };
  },
});
