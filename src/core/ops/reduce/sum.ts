// np.sum / np.prod / np.mean (and their ndarray methods): axis (int, tuple, None, negative),
// keepdims, dtype=; numpy's accumulator dtypes (int8 sums to int64, float32 stays float32) and
// pairwise summation, so values agree with numpy to the last bits.

import type { DType, Value } from '../../values';
import { castScalar, isFloat } from '../dtype';
import { registerOp } from '../registry';
import type { OpCall, OpModule } from '../types';
import { innerContiguous, numpySum, reduceArgs, reduceData, reducedShape, reductionResult, sumDtype, type ReduceArgs } from './core';

const PARAMS = ['axis', 'dtype', 'out', 'keepdims'];

function rounder(dt: DType): ((x: number) => number) | undefined {
  return dt === 'float64' || !isFloat(dt) ? undefined : (x: number) => castScalar(x, dt);
}

function abstractOf(r: ReduceArgs, dtype: (inDt: DType) => DType): Value {
  const dt = r.dtype ?? (r.a?.dtype ? dtype(r.a.dtype) : null);
  if (!r.a || r.a.shape === null || r.axes === undefined || r.keepdims === undefined) return { kind: 'array', shape: null, dtype: dt };
  return reductionResult(reducedShape(r.a.shape, r.axes, r.keepdims), dt);
}

interface SumLike {
  names: string[];
  doc: string;
  latex(ops: readonly string[]): string;
  dtype(inDt: DType): DType;
  /** the value of one output element from its n gathered inputs (in the working dtype `w`) */
  fold(buf: Float64Array, n: number, contiguous: boolean, w: DType, call: OpCall): number;
  /** the dtype the accumulation runs in (float16 means are accumulated in float32) */
  work?(outDt: DType): DType;
  /** numpy's RuntimeWarning when an output element reduces nothing (mean of an empty slice) */
  emptyWarning?: { en: string; fr: string };
}

function defineSumLike(s: SumLike): OpModule {
  const mod: OpModule = {
    names: s.names,
    doc: s.doc,
    latex: s.latex,
    shape: (call) => abstractOf(reduceArgs(call, PARAMS), s.dtype),
    evaluate(call, abstract) {
      const r = reduceArgs(call, PARAMS);
      if (abstract.kind !== 'array' || !r.a?.data || r.a.shape === null || r.axes === undefined || abstract.dtype === null) return abstract;
      const outDt = abstract.dtype;
      const w = s.work ? s.work(outDt) : outDt;
      const shape = r.a.shape as number[];
      const contiguous = innerContiguous(shape.length, r.axes);
      const src = w === r.a.dtype || isFloat(w) === false ? r.a.data : r.a.data.map((x) => castScalar(x, w));
      const data = reduceData(src, shape, r.axes, (buf, n) => s.fold(buf, n, contiguous, w, call));
      const reducesNothing = shape.some((d, i) => d === 0 && (r.axes === null || r.axes!.includes(i)));
      if (s.emptyWarning && reducesNothing && data.length > 0) {
        call.ctx.report({ loc: call.loc, severity: 'warning', code: 'runtime-warning', message: s.emptyWarning });
      }
      for (let i = 0; i < data.length; i++) data[i] = castScalar(data[i], outDt);
      return { ...abstract, data };
    },
  };
  registerOp(mod);
  return mod;
}

defineSumLike({
  names: ['np.sum', 'ndarray.sum'],
  doc: 'Sum of the elements over the given axis (all by default); axis=-1 sums each row. Small ints accumulate in int64; keepdims=True keeps the reduced axis as size 1 so the result broadcasts back (softmax: e / e.sum(axis=-1, keepdims=True)).',
  latex: ([a, axis]) => (axis === undefined ? `\\sum_{i} ${a}_{i}` : `\\sum_{${axis}} ${a}`),
  dtype: sumDtype,
  fold: (buf, n, contiguous, w) => numpySum(buf, n, contiguous, rounder(w)),
});

defineSumLike({
  names: ['np.prod', 'ndarray.prod'],
  doc: 'Product of the elements over the given axis (all by default); the product of an empty axis is 1.',
  latex: ([a, axis]) => (axis === undefined ? `\\prod_{i} ${a}_{i}` : `\\prod_{${axis}} ${a}`),
  dtype: sumDtype,
  fold: (buf, n, _c, w) => {
    let p = 1;
    for (let i = 0; i < n; i++) p = castScalar(p * buf[i], w);
    return p;
  },
});

defineSumLike({
  names: ['np.mean', 'ndarray.mean'],
  doc: 'Arithmetic mean over the given axis (all by default): the sum divided by the count. Integers give float64; float32 stays float32. The mean of an empty slice is nan with a RuntimeWarning.',
  latex: ([a, axis]) => (axis === undefined ? `\\frac{1}{n} \\sum_{i} ${a}_{i}` : `\\operatorname{mean}_{${axis}}\\left(${a}\\right)`),
  dtype: (dt) => (isFloat(dt) ? dt : 'float64'),
  work: (dt) => (dt === 'float16' ? 'float32' : dt),
  emptyWarning: { en: 'RuntimeWarning: Mean of empty slice.', fr: 'RuntimeWarning : moyenne d\'une tranche vide (résultat nan).' },
  fold: (buf, n, contiguous, w) => {
    const r = rounder(w);
    const s = numpySum(buf, n, contiguous, r);
    return r ? r(s / n) : s / n;
  },
});
