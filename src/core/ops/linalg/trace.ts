// np.trace / ndarray.trace: the sum of a diagonal (offset k) taken over two axes (default the
// first two), other axes kept. Integer and bool inputs sum as int64, like numpy's sum.

import { Dim } from '../../shapes/dim';
import type { DType } from '../../values';
import { arrayOrUnknown, dataOf, fail, plannedOp, shapeOf, size } from '../nd/common';
import { registerOp } from '../registry';
import type { OpCall } from '../types';
import { intValue, normAxis } from '../shape/axes';
import { isFloat } from '../dtype';

function plan(call: OpCall) {
  const self = call.self !== undefined;
  const a = arrayOrUnknown(call.self ?? call.args[0] ?? call.kwargs.get('a'));
  const o = self ? 0 : 1;
  const offset = intValue(call.args[o] ?? call.kwargs.get('offset')) ?? 0;
  const ax1 = intValue(call.args[o + 1] ?? call.kwargs.get('axis1')) ?? 0;
  const ax2 = intValue(call.args[o + 2] ?? call.kwargs.get('axis2')) ?? 1;
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
  fill(p, rest) {
    const s = shapeOf(p.a);
    const d = dataOf(p.a);
    const out = new Float64Array(size(rest));
    const str = s.map((_, q) => size(s.slice(q + 1)));
    const restAxes = s.map((_, q) => q).filter((q) => q !== p.i && q !== p.j);
    const n1 = s[p.i!];
    const n2 = s[p.j!];
    for (let r = 0; r < out.length; r++) {
      let base = 0;
      let rem = r;
      for (let q = restAxes.length - 1; q >= 0; q--) {
        const ax = restAxes[q];
        base += (rem % s[ax]) * str[ax];
        rem = Math.floor(rem / s[ax]);
      }
      let acc = 0;
      for (let t = 0; t < Math.min(n1, n2); t++) {
        const x = t - Math.min(p.offset!, 0);
        const y = t + Math.max(p.offset!, 0);
        if (x >= n1 || y >= n2) break;
        acc += d[base + x * str[p.i!] + y * str[p.j!]];
      }
      out[r] = acc;
    }
    return out;
  },
});

registerOp(trace);
