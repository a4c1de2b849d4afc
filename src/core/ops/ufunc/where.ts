// np.where(cond, x, y): pick from x where cond is true, else from y, all three broadcast; the
// dtype is result_type(x, y) (value-based for Python scalars, as numpy 1.24). np.where(cond)
// alone is np.nonzero(cond).

import { NumpyError } from '../../diagnostics';
import { broadcastIndexer, broadcastOrNull } from '../../shapes/broadcast';
import type { ArrayValue, DType, Value } from '../../values';
import { arg } from '../args';
import { stripData, toArray } from '../convert';
import { castScalar, operandOf, resultType } from '../dtype';
import { registerOp } from '../registry';
import { nonzeroEvaluate, nonzeroShape } from '../sorting/nonzero';
import type { OpCall } from '../types';

function operands(call: OpCall): Value[] {
  return [arg(call, 0, 'condition'), arg(call, 1, 'x'), arg(call, 2, 'y')].filter((v): v is Value => v !== undefined);
}

function asArray(v: Value): ArrayValue | null {
  return ['array', 'int', 'float', 'bool', 'list', 'tuple', 'range'].includes(v.kind) ? toArray(v) : null;
}

registerOp({
  names: ['np.where'],
  doc: 'np.where(cond, x, y) takes x where cond is True and y elsewhere (all broadcast together), e.g. masking scores with -inf; np.where(cond) returns the indices of the True elements like np.nonzero.',
  latex: ([c, x, y]) => (x === undefined ? `\\{ i : ${c}_i \\}` : `\\begin{cases} ${x} & \\text{if } ${c} \\\\ ${y} & \\text{otherwise} \\end{cases}`),
  shape(call) {
    const ops = operands(call);
    if (ops.length === 1) {
      const s = nonzeroShape(ops[0], call.argTexts[0]);
      return ops[0].kind === 'array' && ops[0].data ? stripData(nonzeroEvaluate(ops[0], s)) : s;
    }
    if (ops.length !== 3) {
      throw new NumpyError('where-args', { en: 'either both or neither of x and y should be given', fr: 'il faut donner x et y ensemble, ou aucun des deux' }, { pyType: 'ValueError' });
    }
    const arrs = ops.map(asArray);
    const shape = broadcastOrNull(arrs.map((a) => (a ? a.shape : null)));
    const dts = [ops[1], ops[2]].map((v) => operandOf(v.kind === 'list' || v.kind === 'tuple' ? toArray(v) : v));
    const dtype: DType | null = dts[0] && dts[1] ? resultType([dts[0], dts[1]]) : null;
    const out: ArrayValue = { kind: 'array', shape, dtype };
    return out;
  },
  evaluate(call, abstract) {
    const ops = operands(call);
    if (ops.length === 1) return nonzeroEvaluate(ops[0], abstract);
    const arrs = ops.map(asArray);
    if (abstract.kind !== 'array' || abstract.shape === null || abstract.dtype === null || arrs.some((a) => !a?.data)) return abstract;
    const outShape = abstract.shape as number[];
    const n = outShape.reduce((p, d) => p * d, 1);
    const [c, x, y] = arrs.map((a) => a!.data!);
    const [ic, ix, iy] = arrs.map((a) => broadcastIndexer(a!.shape as number[], outShape));
    const dt = abstract.dtype;
    const data = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const cond = c[ic ? ic[i] : i] !== 0;
      data[i] = castScalar(cond ? x[ix ? ix[i] : i] : y[iy ? iy[i] : i], dt);
    }
    return { ...abstract, data };
  },
});
