// np.dot and ndarray.dot: numpy's own N-D rule (not matmul's!): the last axis of a is summed with
// the second-to-last axis of b (its only axis when 1-D), and the result keeps every other axis of
// a then of b: (2,3,4)·(5,4,6) → (2,3,5,6). A scalar operand means plain multiplication.

import type { ArrayValue } from '../../values';
import { arrayOrUnknown } from '../nd/common';
import { registerOp } from '../registry';
import type { OpCall } from '../types';
import { alignError, contractionOp } from './contract';

function operands(call: OpCall): [ArrayValue, ArrayValue] {
  if (call.self !== undefined) return [arrayOrUnknown(call.self), arrayOrUnknown(call.args[0] ?? call.kwargs.get('b'))];
  return [arrayOrUnknown(call.args[0] ?? call.kwargs.get('a')), arrayOrUnknown(call.args[1] ?? call.kwargs.get('b'))];
}

function label(call: OpCall): string {
  if (call.self !== undefined) return `self.dot(${call.argTexts[0] ?? 'B'})`;
  return `np.dot(${call.argTexts[0] ?? 'A'}, ${call.argTexts[1] ?? 'B'})`;
}

const dot = contractionOp({
  names: ['np.dot', 'ndarray.dot'],
  doc:
    'Dot product. For 1-D arrays the inner product Σᵢ aᵢbᵢ; for 2-D arrays the matrix product. For N-D arrays ' +
    'it sums over the last axis of a and the second-to-last axis of b and keeps all other axes of both ' +
    '(unlike matmul, leading axes are not broadcast): dot((2,3,4), (5,4,6)) has shape (2,3,5,6). With a scalar ' +
    'it multiplies.',
  latex: ([a, b]) => `${a} \\cdot ${b}`,
  operands,
  axes: (a, b) => (a.length === 0 || b.length === 0 ? null : [a.length - 1, b.length === 1 ? 0 : b.length - 2]),
  mismatch: (call, a, b, ia, ib) => alignError(call, label(call), a, b, ia, b, ib, b[ib]),
});

registerOp(dot);
export default dot;
