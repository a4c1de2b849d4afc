// np.any / np.all (and ndarray.any/all): truth of any / every element over the given axes, as
// bool (nan counts as True); the empty any is False and the empty all is True.

import type { Value } from '../../values';
import { registerOp } from '../registry';
import { reduceArgs, reduceData, reducedShape, reductionResult } from './core';

function define(names: string[], all: boolean, doc: string, latex: (ops: readonly string[]) => string): void {
  const params = ['axis', 'out', 'keepdims'];
  registerOp({
    names, doc, latex,
    shape(call): Value {
      const r = reduceArgs(call, params);
      if (!r.a || r.a.shape === null || r.axes === undefined || r.keepdims === undefined) return { kind: 'array', shape: null, dtype: 'bool' };
      return reductionResult(reducedShape(r.a.shape, r.axes, r.keepdims), 'bool');
    },
    evaluate(call, abstract) {
      const r = reduceArgs(call, params);
      if (abstract.kind !== 'array' || !r.a?.data || r.a.shape === null || r.axes === undefined) return abstract;
      const data = reduceData(r.a.data, r.a.shape as number[], r.axes, (buf, n) => {
        for (let i = 0; i < n; i++) if ((buf[i] !== 0) !== all) return all ? 0 : 1;
        return all ? 1 : 0;
      });
      return { ...abstract, data };
    },
  });
}

define(['np.any', 'ndarray.any'], false, 'True where at least one element over the given axes is nonzero (True); False for an empty reduction.', ([a]) => `\\exists i : ${a}_{i} \\neq 0`);
define(['np.all', 'ndarray.all'], true, 'True where every element over the given axes is nonzero (True); True for an empty reduction.', ([a]) => `\\forall i : ${a}_{i} \\neq 0`);
