// np.tri (ones on and below the k-th diagonal: the causal mask) and np.meshgrid (coordinate
// matrices; indexing='xy' swaps the first two axes, numpy's default for plotting).

import { Dim } from '../../shapes/dim';
import type { ArrayValue, DType, ListValue, Value } from '../../values';
import { dtypeArg, symDimOf } from '../args';
import { castData } from '../dtype';
import { asArray, dataOf, plannedOp, result, size } from '../nd/common';
import { registerOp } from '../registry';
import type { OpCall, OpModule } from '../types';
import { intValue } from './axes';

function triPlan(call: OpCall) {
  // N and M may be symbolic sizes (np.tri(T) with T = X.shape[0]): the shape is (T, T) then
  const nv = call.args[0] ?? call.kwargs.get('N');
  const n = intValue(nv) ?? symDimOf(nv);
  const mv = call.args[1] ?? call.kwargs.get('M');
  const m = mv === undefined || mv.kind === 'none' ? n : intValue(mv) ?? symDimOf(mv);
  const k = intValue(call.args[2] ?? call.kwargs.get('k')) ?? 0;
  const dt = dtypeArg(call, 3, 'dtype');
  const dtype: DType | null = dt === null ? 'float64' : dt ?? null;
  return { n, m, k, dtype, shape: n === undefined || m === undefined ? null : [n, m] };
}

const tri = plannedOp({
  names: ['np.tri'],
  doc: 'An N×M array with ones on and below the k-th diagonal (j − i ≤ k) and zeros above: np.tri(n) is the causal mask of a decoder.',
  latex: ([n]) => `\\operatorname{tri}(${n ?? 'n'})`,
  plan: triPlan,
  fill(p, [n, m]) {
    const out = new Float64Array(n * m);
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) if (j - i <= p.k) out[i * m + j] = 1;
    return p.dtype ? castData(out, p.dtype) : out;
  },
});

function gridPlan(call: OpCall) {
  const xs = call.args.map((v) => asArray(v) ?? ({ kind: 'array', shape: null, dtype: null } as ArrayValue));
  const iv = call.kwargs.get('indexing');
  const xy = !(iv?.kind === 'str' && iv.value === 'ij');
  const lens: (Dim | null)[] = xs.map((x) => (x.shape === null ? null : x.shape.reduce<Dim>((p, d) => Dim.mul(p, d), 1)));
  const shape = lens.some((l) => l === null) ? null : (lens as Dim[]).slice();
  if (shape && xy && shape.length >= 2) [shape[0], shape[1]] = [shape[1], shape[0]];
  return { xs, xy, shape };
}

const meshgrid: OpModule = {
  names: ['np.meshgrid'],
  doc: "Coordinate matrices from coordinate vectors: with indexing='xy' (default) X varies along columns and Y along rows, both of shape (len(y), len(x)); indexing='ij' keeps the inputs' order.",
  latex: (ops) => `\\operatorname{meshgrid}(${ops.join(', ')})`,
  shape(call: OpCall): Value {
    const p = gridPlan(call);
    return { kind: 'list', items: p.xs.map((x) => result(p.shape, x.dtype)) } satisfies ListValue;
  },
  evaluate(call: OpCall): Value {
    const p = gridPlan(call);
    const shape = p.shape as number[];
    const total = size(shape);
    const items = p.xs.map((x, q) => {
      // the axis this input varies along in the output
      const axis = p.xy && shape.length >= 2 && q < 2 ? 1 - q : q;
      const inner = size(shape.slice(axis + 1));
      const d = dataOf(x);
      const out = new Float64Array(total);
      for (let i = 0; i < total; i++) out[i] = d[Math.floor(i / inner) % shape[axis]];
      return result(shape, x.dtype, out);
    });
    return { kind: 'list', items } satisfies ListValue;
  },
};

registerOp(tri);
registerOp(meshgrid);
