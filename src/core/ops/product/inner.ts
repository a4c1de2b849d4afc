// np.inner: sums over the LAST axis of both operands; the result has a's other axes then b's:
// inner((2,3), (4,3)) → (2,4) — which is why `np.inner(Q, K)` is Q·Kᵀ. A scalar operand multiplies.

import { Dim } from '../../shapes/dim';
import type { Shape } from '../../shapes/dim';
import type { ArrayValue, Value } from '../../values';
import { arrayOrUnknown, result } from '../nd/common';
import { registerOp } from '../registry';
import type { OpCall, OpModule } from '../types';
import { alignError, contractData, contractShape, mixedDtype, productResult, scaleData } from './contract';

function operands(call: OpCall): [ArrayValue, ArrayValue] {
  return [arrayOrUnknown(call.args[0] ?? call.kwargs.get('a')), arrayOrUnknown(call.args[1] ?? call.kwargs.get('b'))];
}

function check(call: OpCall, a: Shape, b: Shape): Shape {
  if (a.length === 0 || b.length === 0) return a.length === 0 ? b : a;
  const ia = a.length - 1;
  const ib = b.length - 1;
  if (Dim.certainlyDiffer(a[ia], b[ib])) {
    // numpy reports it as dot(a, b with its last axis moved first)
    const moved = [b[ib], ...b.slice(0, ib)];
    throw alignError(call, `np.inner(${call.argTexts[0] ?? 'A'}, ${call.argTexts[1] ?? 'B'})`, a, b, ia, moved, 0, b[ib]);
  }
  return contractShape(a, ia, b, ib);
}

const inner: OpModule = {
  names: ['np.inner'],
  doc:
    'Inner product over the last axis of both arrays: for 1-D arrays Σᵢ aᵢbᵢ; in general the result has the ' +
    "remaining axes of a followed by those of b, so np.inner(Q, K) equals Q @ K.T. Both last axes must have the same size.",
  latex: ([a, b]) => `\\langle ${a}, ${b} \\rangle`,
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
    const scalar = a.shape!.length === 0 || b.shape!.length === 0;
    const data = scalar ? scaleData(a, b, dtype) : contractData(a, a.shape!.length - 1, b, b.shape!.length - 1, dtype);
    return productResult(shape, dtype, data);
  },
};

registerOp(inner);
export default inner;
