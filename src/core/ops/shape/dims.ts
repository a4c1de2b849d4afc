// Adding and removing length-1 axes: np.expand_dims (axis int or tuple) and np.squeeze /
// ndarray.squeeze (all length-1 axes, or the given ones, which must have length 1).

import { Dim } from '../../shapes/dim';
import type { ArrayValue, Value } from '../../values';
import { arrayOrUnknown, dataOf, fail, result } from '../nd/common';
import { registerOp } from '../registry';
import type { OpCall, OpModule } from '../types';
import { intList, normAxis } from './axes';

function expandShape(call: OpCall, a: ArrayValue): Dim[] | null {
  const spec = call.args[1] ?? call.kwargs.get('axis');
  if (a.shape === null || !spec) return null;
  const axes = intList(spec);
  if (!axes) return null;
  const nd = a.shape.length + axes.length;
  const norm = axes.map((x) => normAxis(x, nd));
  if (new Set(norm).size !== norm.length) throw fail('repeated-axis', 'repeated axis', 'axe répété');
  const out: Dim[] = [];
  let k = 0;
  for (let i = 0; i < nd; i++) out.push(norm.includes(i) ? 1 : a.shape[k++]);
  return out;
}

const expandDims: OpModule = {
  names: ['np.expand_dims'],
  doc: 'Insert length-1 axes at the given positions (of the result): np.expand_dims(x, 0) turns (n, d) into (1, n, d), like x[None].',
  latex: ([a]) => a,
  shape(call: OpCall): Value {
    const a = arrayOrUnknown(call.args[0] ?? call.kwargs.get('a'));
    return result(expandShape(call, a), a.dtype);
  },
  evaluate(call: OpCall): Value {
    const a = arrayOrUnknown(call.args[0] ?? call.kwargs.get('a'));
    return result(expandShape(call, a), a.dtype, dataOf(a).slice());
  },
};

function squeezeShape(call: OpCall, a: ArrayValue): Dim[] | null {
  const spec = call.self !== undefined ? call.args[0] ?? call.kwargs.get('axis') : call.args[1] ?? call.kwargs.get('axis');
  if (a.shape === null) return null;
  const shape = a.shape;
  // a symbolic dim is assumed not to be 1 (unknown is not wrong: we keep it)
  if (!spec || spec.kind === 'none') return shape.filter((d) => d !== 1);
  const axes = intList(spec);
  if (!axes) return null;
  const norm = axes.map((x) => normAxis(x, shape.length));
  for (const ax of norm) {
    if (Dim.certainlyDiffer(shape[ax], 1)) {
      throw fail(
        'squeeze-size',
        'cannot select an axis to squeeze out which has size not equal to one',
        `impossible de supprimer l'axe ${ax} : sa taille est ${Dim.format(shape[ax])}, pas 1`,
      );
    }
  }
  return shape.filter((_, i) => !norm.includes(i));
}

const squeeze: OpModule = {
  names: ['np.squeeze', 'ndarray.squeeze'],
  doc: 'Remove length-1 axes: all of them, or only those given by axis (which must have length 1). (1, n, 1) → (n,).',
  latex: ([a]) => a,
  shape(call: OpCall): Value {
    const a = arrayOrUnknown(call.self ?? call.args[0] ?? call.kwargs.get('a'));
    return result(squeezeShape(call, a), a.dtype);
  },
  evaluate(call: OpCall): Value {
    const a = arrayOrUnknown(call.self ?? call.args[0] ?? call.kwargs.get('a'));
    const r = result(squeezeShape(call, a), a.dtype, dataOf(a).slice());
    return r;
  },
};

registerOp(expandDims);
registerOp(squeeze);
