// np.ravel / ndarray.ravel / ndarray.flatten: the elements as one axis, in C order (or 'F').
// numpy's ravel may return a view and flatten always copies; values are the same here.

import { Dim } from '../../shapes/dim';
import type { ArrayValue, Value } from '../../values';
import { arrayOrUnknown, dataOf, permuteData, result, shapeOf } from '../nd/common';
import { registerOp } from '../registry';
import type { OpCall, OpModule } from '../types';

function operand(call: OpCall): ArrayValue {
  return arrayOrUnknown(call.self ?? call.args[0] ?? call.kwargs.get('a'));
}

function fortran(call: OpCall): boolean {
  const o = call.kwargs.get('order') ?? (call.self === undefined ? call.args[1] : call.args[0]);
  return o?.kind === 'str' && o.value === 'F';
}

const ravel: OpModule = {
  names: ['np.ravel', 'ndarray.ravel', 'ndarray.flatten'],
  doc: 'Flatten to one axis of a.size elements, row by row (C order; order="F" reads column by column).',
  latex: ([a]) => `\\operatorname{vec}(${a})`,
  shape(call: OpCall): Value {
    const a = operand(call);
    if (a.shape === null) return result(null, a.dtype);
    return result([a.shape.reduce<Dim>((p, d) => Dim.mul(p, d), 1)], a.dtype);
  },
  evaluate(call: OpCall): Value {
    const a = operand(call);
    const s = shapeOf(a);
    const d = dataOf(a);
    const data = fortran(call) ? permuteData(d, s, s.map((_, i) => s.length - 1 - i)) : d.slice();
    return result([data.length], a.dtype, data);
  },
};

registerOp(ravel);
