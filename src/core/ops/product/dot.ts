// np.dot and ndarray.dot: numpy's own N-D rule (not matmul's!): the last axis of a is summed with
// the second-to-last axis of b (its only axis when 1-D), and the result keeps every other axis of
// a then of b: (2,3,4)·(5,4,6) → (2,3,5,6). A scalar operand means plain multiplication.

import type { Shape } from '../../shapes/dim';
import { Dim } from '../../shapes/dim';
import type { ArrayValue, Value } from '../../values';
import { arrayOrUnknown, result } from '../nd/common';
import { registerOp } from '../registry';
import type { OpCall, OpModule } from '../types';
import { alignError, contractData, contractShape, mixedDtype, productResult, scaleData } from './contract';

function operands(call: OpCall): [ArrayValue, ArrayValue] {
  if (call.self !== undefined) return [arrayOrUnknown(call.self), arrayOrUnknown(call.args[0] ?? call.kwargs.get('b'))];
  return [arrayOrUnknown(call.args[0] ?? call.kwargs.get('a')), arrayOrUnknown(call.args[1] ?? call.kwargs.get('b'))];
}

/** The contracted axes (ia of a, ib of b), or null for the scalar case. */
function axes(a: Shape, b: Shape): [number, number] | null {
  if (a.length === 0 || b.length === 0) return null;
  return [a.length - 1, b.length === 1 ? 0 : b.length - 2];
}

function label(call: OpCall): string {
  if (call.self !== undefined) return `self.dot(${call.argTexts[0] ?? 'B'})`;
  return `np.dot(${call.argTexts[0] ?? 'A'}, ${call.argTexts[1] ?? 'B'})`;
}

function check(call: OpCall, a: Shape, b: Shape): Shape {
  const ax = axes(a, b);
  if (!ax) return a.length === 0 ? b : a;
  const [ia, ib] = ax;
  if (Dim.certainlyDiffer(a[ia], b[ib])) throw alignError(call, label(call), a, b, ia, b, ib, b[ib]);
  return contractShape(a, ia, b, ib);
}

const dot: OpModule = {
  names: ['np.dot', 'ndarray.dot'],
  doc:
    'Dot product. For 1-D arrays the inner product Σᵢ aᵢbᵢ; for 2-D arrays the matrix product. For N-D arrays ' +
    'it sums over the last axis of a and the second-to-last axis of b and keeps all other axes of both ' +
    '(unlike matmul, leading axes are not broadcast): dot((2,3,4), (5,4,6)) has shape (2,3,5,6). With a scalar ' +
    'it multiplies.',
  latex: ([a, b]) => `${a} \\cdot ${b}`,
  shape(call: OpCall): Value {
    const [a, b] = operands(call);
    const dtype = mixedDtype(a, b);
    if (a.shape === null || b.shape === null) return result(null, dtype);
    return result(check(call, a.shape, b.shape), dtype);
  },
  evaluate(call: OpCall): Value {
    const [a, b] = operands(call);
    const shape = check(call, a.shape!, b.shape!);
    const dtype = mixedDtype(a, b) ?? 'float64';
    const ax = axes(a.shape!, b.shape!);
    const data = ax ? contractData(a, ax[0], b, ax[1], dtype) : scaleData(a, b, dtype);
    return productResult(shape, dtype, data);
  },
};

registerOp(dot);
export default dot;
