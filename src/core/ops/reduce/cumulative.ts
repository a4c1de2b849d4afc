// np.cumsum / np.cumprod (and the ndarray methods): running sums and products along an axis
// (axis=None flattens first), accumulated in order in numpy's accumulator dtype.

import type { DType, Value } from '../../values';
import { axisArg, dtypeArg, typeError } from '../args';
import { castScalar } from '../dtype';
import { registerOp } from '../registry';
import type { OpCall } from '../types';
import { alongAxisResult, reduceLayout, subjectOf, sumDtype } from './core';

function bind(call: OpCall) {
  const a = subjectOf(call);
  const off = call.self ? 0 : 1;
  const nd = a?.shape ? a.shape.length : undefined;
  const axes = axisArg(call, off, 'axis', nd, null);
  if (axes && axes.length !== 1) throw typeError(`'tuple' object cannot be interpreted as an integer`, `un objet 'tuple' ne peut pas être interprété comme un entier`);
  const dtype = dtypeArg(call, off + 1, 'dtype');
  return { a, axis: axes === null ? null : axes === undefined ? undefined : axes[0], dtype };
}

function define(names: string[], mul: boolean, doc: string, latex: (ops: readonly string[]) => string): void {
  registerOp({
    names, doc, latex,
    shape(call): Value {
      const { a, axis, dtype } = bind(call);
      const dt: DType | null = dtype ?? (a?.dtype ? sumDtype(a.dtype) : null);
      return alongAxisResult(a, axis, dt);
    },
    evaluate(call, abstract) {
      const { a, axis } = bind(call);
      if (abstract.kind !== 'array' || !a?.data || a.shape === null || axis === undefined || abstract.dtype === null) return abstract;
      const dt = abstract.dtype;
      const shape = axis === null ? [a.data.length] : (a.shape as number[]);
      const ax = axis === null ? 0 : axis;
      const { outer, inner } = reduceLayout(shape, [ax]);
      const data = new Float64Array(a.data.length);
      for (let o = 0; o < outer.length; o++) {
        let acc = mul ? 1 : 0;
        for (let j = 0; j < inner.length; j++) {
          const at = outer[o] + inner[j];
          const x = castScalar(a.data[at], dt);
          acc = castScalar(mul ? acc * x : acc + x, dt);
          data[at] = acc;
        }
      }
      return { ...abstract, data };
    },
  });
}

define(['np.cumsum', 'ndarray.cumsum'], false,
  'Running sum along an axis (the flattened array when axis is None): out[i] = a[0] + … + a[i].',
  ([a]) => `\\sum_{j \\le i} ${a}_{j}`);
define(['np.cumprod', 'ndarray.cumprod'], true,
  'Running product along an axis (the flattened array when axis is None): out[i] = a[0] · … · a[i].',
  ([a]) => `\\prod_{j \\le i} ${a}_{j}`);
