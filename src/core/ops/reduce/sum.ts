// np.sum / np.prod / np.mean (and their ndarray methods): axis (int, tuple, None, negative),
// keepdims, dtype=; numpy's accumulator dtypes (int8 sums to int64, float32 stays float32) and
// pairwise summation, so values agree with numpy to the last bits.

import type { DType, Value } from '../../values';
import { castScalar, isFloat } from '../dtype';
import { registerOp } from '../registry';
import type { OpCall, OpModule } from '../types';
import { innerContiguous, maskedData, numpySum, reduceArgs, reduceData, reducedShape, reductionResult, sumDtype, type ReduceArgs } from './core';

const PARAMS = ['axis', 'dtype', 'out', 'keepdims'];

function rounder(dt: DType): ((x: number) => number) | undefined {
  return dt === 'float64' || !isFloat(dt) ? undefined : (x: number) => castScalar(x, dt);
}

/**
 * The precision each step of a sum or product runs in. numpy's float16 loops reduce a contiguous
 * lane in a float32 accumulator, rounded to float16 once at the end; other lanes go through the
 * float16 output at every step.
 */
const stepDtype = (w: DType, contiguous: boolean): DType => (w === 'float16' && contiguous ? 'float32' : w);

function abstractOf(r: ReduceArgs, dtype: (inDt: DType) => DType): Value {
  const dt = r.dtype ?? (r.a?.dtype ? dtype(r.a.dtype) : null);
  if (!r.a || r.a.shape === null || r.axes === undefined || r.keepdims === undefined) return { kind: 'array', shape: null, dtype: dt };
  return reductionResult(reducedShape(r.a.shape, r.axes, r.keepdims), dt);
}

/** where= / initial= for sum, prod, mean: masked elements count as the identity; initial joins each lane. */
function withMask(r: ReduceArgs, identity: number): Float64Array | undefined {
  if (r.where === null || r.initial === null) return undefined;
  return r.where ? maskedData(r.a!.data!, r.where, identity) : r.a!.data!;
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
  /** identity of the where= mask (0 for sums, 1 for products); the mean divides by the mask's count */
  identity: number;
  /** combine a lane's value with initial= */
  initial?: (x: number, init: number) => number;
}

function defineSumLike(s: SumLike): OpModule {
  const mod: OpModule = {
    names: s.names,
    doc: s.doc,
    latex: s.latex,
    shape: (call) => abstractOf(reduceArgs(call, PARAMS, true), s.dtype),
    evaluate(call, abstract) {
      const r = reduceArgs(call, PARAMS, true);
      if (abstract.kind !== 'array' || !r.a?.data || r.a.shape === null || r.axes === undefined || abstract.dtype === null) return abstract;
      if (r.initial !== undefined && !s.initial) return abstract;
      const masked = withMask(r, s.identity);
      if (!masked) return abstract;
      const outDt = abstract.dtype;
      const w = s.work ? s.work(outDt) : outDt;
      const shape = r.a.shape as number[];
      const contiguous = innerContiguous(shape.length, r.axes);
      const src = w === r.a.dtype || isFloat(w) === false ? masked : masked.map((x) => castScalar(x, w));
      const counts = r.where && s.identity === 0 && !s.initial ? reduceData(r.where, shape, r.axes, (buf, n) => numpySum(buf, n, false)) : undefined;
      let lane = 0;
      const data = reduceData(src, shape, r.axes, (buf, n) => {
        // the mean over a mask divides by the number of selected elements, not the lane length
        const c = counts ? counts[lane++] : n;
        const rd = rounder(w);
        const v = counts ? (rd ?? ((x: number) => x))(numpySum(buf, n, contiguous, rd) / c) : s.fold(buf, n, contiguous, w, call);
        return r.initial !== undefined && r.initial !== null && s.initial ? s.initial(v, r.initial) : v;
      });
      const reducesNothing = shape.some((d, i) => d === 0 && (r.axes === null || r.axes!.includes(i))) || (counts?.some((c) => c === 0) ?? false);
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
  identity: 0,
  initial: (x, init) => x + init,
  fold: (buf, n, contiguous, w) => numpySum(buf, n, contiguous, rounder(stepDtype(w, contiguous))),
});

defineSumLike({
  names: ['np.prod', 'ndarray.prod'],
  doc: 'Product of the elements over the given axis (all by default); the product of an empty axis is 1.',
  latex: ([a, axis]) => (axis === undefined ? `\\prod_{i} ${a}_{i}` : `\\prod_{${axis}} ${a}`),
  dtype: sumDtype,
  identity: 1,
  initial: (x, init) => x * init,
  fold: (buf, n, contiguous, w) => {
    const step = stepDtype(w, contiguous);
    let p = 1;
    for (let i = 0; i < n; i++) p = castScalar(p * buf[i], step);
    return p;
  },
});

defineSumLike({
  names: ['np.mean', 'ndarray.mean'],
  doc: 'Arithmetic mean over the given axis (all by default): the sum divided by the count. Integers give float64; float32 stays float32. The mean of an empty slice is nan with a RuntimeWarning.',
  latex: ([a, axis]) => (axis === undefined ? `\\frac{1}{n} \\sum_{i} ${a}_{i}` : `\\operatorname{mean}_{${axis}}\\left(${a}\\right)`),
  dtype: (dt) => (isFloat(dt) ? dt : 'float64'),
  work: (dt) => (dt === 'float16' ? 'float32' : dt),
  identity: 0,
  emptyWarning: { en: 'RuntimeWarning: Mean of empty slice.', fr: 'RuntimeWarning : moyenne d\'une tranche vide (résultat nan).' },
  fold: (buf, n, contiguous, w) => {
    const r = rounder(w);
    const s = numpySum(buf, n, contiguous, r);
    return r ? r(s / n) : s / n;
  },
});
