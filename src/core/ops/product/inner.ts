// np.inner: sums over the LAST axis of both operands; the result has a's other axes then b's:
// inner((2,3), (4,3)) → (2,4) — which is why `np.inner(Q, K)` is Q·Kᵀ. A scalar operand multiplies.

import type { ArrayValue } from '../../values';
import { arrayOrUnknown } from '../nd/common';
import { registerOp } from '../registry';
import type { OpCall } from '../types';
import { alignError, contractionOp } from './contract';

const inner = contractionOp({
  names: ['np.inner'],
  doc:
    'Inner product over the last axis of both arrays: for 1-D arrays Σᵢ aᵢbᵢ; in general the result has the ' +
    "remaining axes of a followed by those of b, so np.inner(Q, K) equals Q @ K.T. Both last axes must have the same size.",
  latex: ([a, b]) => `\\langle ${a}, ${b} \\rangle`,
  operands: (call: OpCall): [ArrayValue, ArrayValue] =>
    [arrayOrUnknown(call.args[0] ?? call.kwargs.get('a')), arrayOrUnknown(call.args[1] ?? call.kwargs.get('b'))],
  axes: (a, b) => (a.length === 0 || b.length === 0 ? null : [a.length - 1, b.length - 1]),
  // numpy reports it as dot(a, b with its last axis moved first)
  mismatch: (call, a, b, ia, ib) =>
    alignError(call, `np.inner(${call.argTexts[0] ?? 'A'}, ${call.argTexts[1] ?? 'B'})`, a, b, ia, [b[ib], ...b.slice(0, ib)], 0, b[ib]),
});

registerOp(inner);
export default inner;
