// np.trace / ndarray.trace: the sum of a diagonal (offset k) taken over two axes (default the
// first two), other axes kept. Integer and bool inputs sum as int64, like numpy's sum.

import { Dim } from '../../shapes/dim';
import type { DType } from '../../values';
import { dataOf, fail, plannedOp, shapeOf } from '../nd/common';
import { registerOp } from '../registry';
import type { OpCall } from '../types';
import { normAxis } from '../shape/axes';
import { diagonalArgs, diagonalData } from '../shape/diag';
import { isFloat } from '../dtype';

function plan(call: OpCall) {
  const { a, k: offset, ax1, ax2 } = diagonalArgs(call);
  const dtype: DType | null = a.dtype === null ? null : isFloat(a.dtype) ? a.dtype : a.dtype === 'uint64' ? 'uint64' : 'int64';
  if (a.shape === null) return { a, dtype, shape: null };
  if (a.shape.length < 2) throw fail('trace-dims', 'diag requires an array of at least two dimensions', 'la trace demande au moins 2 dimensions', 'ValueError');
  const i = normAxis(ax1, a.shape.length);
  const j = normAxis(ax2, a.shape.length);
  if (i === j) throw fail('trace-axes', 'axis1 and axis2 cannot be the same', 'axis1 et axis2 doivent être différents');
  const rest = a.shape.filter((_, q) => q !== i && q !== j);
  return { a, dtype, shape: rest as Dim[], i, j, offset };
}

const trace = plannedOp({
  names: ['np.trace', 'ndarray.trace'],
  doc: 'Sum of the diagonal Σᵢ a[i, i + offset] (over axis1/axis2, by default the first two axes; the other axes are kept).',
  latex: ([a]) => `\\operatorname{tr}(${a})`,
  plan,
  scalar: true,
  fill(p) {
    // numpy's trace is the sum of each diagonal, taken in order from its first element
    const { rows, len, data } = diagonalData(dataOf(p.a), shapeOf(p.a), p.i!, p.j!, p.offset!);
    const out = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      let acc = 0;
      for (let t = 0; t < len; t++) acc += data[r * len + t];
      out[r] = acc;
    }
    return out;
  },
});

registerOp(trace);
