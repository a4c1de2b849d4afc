// np.var / np.std (and ndarray.var/std) with ddof: numpy's two-pass algorithm (mean with
// keepdims, squared deviations, pairwise sum, divide by n − ddof), so the values match numpy's;
// n − ddof ≤ 0 gives inf/nan with numpy's RuntimeWarning.

import type { DType, Value } from '../../values';
import { numArg } from '../args';
import { castScalar, isFloat } from '../dtype';
import { registerOp } from '../registry';
import type { OpCall } from '../types';
import { innerContiguous, numpySum, paramIndex, reduceArgs, reduceData, reducedShape, reductionResult } from './core';

const PARAMS = ['axis', 'dtype', 'out', 'ddof', 'keepdims'];

function define(names: string[], sqrt: boolean, doc: string, latex: (ops: readonly string[]) => string): void {
  registerOp({
    names, doc, latex,
    shape(call): Value {
      const r = reduceArgs(call, PARAMS);
      numArg(call, paramIndex(call, PARAMS, 'ddof'), 'ddof', 0);
      const dt: DType | null = r.dtype ?? (r.a?.dtype ? (isFloat(r.a.dtype) ? r.a.dtype : 'float64') : null);
      if (!r.a || r.a.shape === null || r.axes === undefined || r.keepdims === undefined) return { kind: 'array', shape: null, dtype: dt };
      return reductionResult(reducedShape(r.a.shape, r.axes, r.keepdims), dt);
    },
    evaluate(call: OpCall, abstract) {
      const r = reduceArgs(call, PARAMS);
      const ddof = numArg(call, paramIndex(call, PARAMS, 'ddof'), 'ddof', 0);
      if (abstract.kind !== 'array' || !r.a?.data || r.a.shape === null || r.axes === undefined || ddof === undefined || abstract.dtype === null) return abstract;
      const outDt = abstract.dtype;
      // numpy's _var works in the result dtype throughout (float16 included, unlike mean)
      const w: DType = outDt;
      const round = w === 'float64' ? undefined : (x: number) => castScalar(x, w);
      const shape = r.a.shape as number[];
      const contiguous = innerContiguous(shape.length, r.axes);
      let warned = false;
      const data = reduceData(r.a.data, shape, r.axes, (buf, n) => {
        for (let i = 0; i < n; i++) buf[i] = castScalar(buf[i], w);
        const mean = castScalar(numpySum(buf, n, contiguous, round) / n, w);
        for (let i = 0; i < n; i++) {
          const d = castScalar(buf[i] - mean, w);
          buf[i] = castScalar(d * d, w);
        }
        const dof = Math.max(n - ddof, 0);
        if (dof === 0 && !warned) {
          warned = true;
          call.ctx.report({ loc: call.loc, severity: 'warning', code: 'runtime-warning', message: { en: 'RuntimeWarning: Degrees of freedom <= 0 for slice', fr: 'RuntimeWarning : degrés de liberté <= 0 pour cette tranche (n − ddof ≤ 0)' } });
        }
        const v = castScalar(numpySum(buf, n, contiguous, round) / dof, w);
        return sqrt ? castScalar(Math.sqrt(v), w) : v;
      });
      for (let i = 0; i < data.length; i++) data[i] = castScalar(data[i], outDt);
      return { ...abstract, data };
    },
  });
}

define(['np.var', 'ndarray.var'], false,
  'Variance over the given axis: mean of squared deviations from the mean, divided by n − ddof (ddof=0: the biased variance layer norm uses; ddof=1: the sample variance).',
  ([a]) => `\\frac{1}{n - \\delta} \\sum_{i} \\left(${a}_{i} - \\bar{${a}}\\right)^{2}`);
define(['np.std', 'ndarray.std'], true,
  'Standard deviation over the given axis: the square root of np.var with the same ddof (0 by default, unlike pandas).',
  ([a]) => `\\sqrt{\\frac{1}{n - \\delta} \\sum_{i} \\left(${a}_{i} - \\bar{${a}}\\right)^{2}}`);
