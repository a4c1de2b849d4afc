// `x[index] = value` (registry name op.setitem; args [x, index, value]). The value broadcasts to
// the selection (numpy's three messages: basic, advanced, boolean-mask count) and is cast to x's
// dtype (floats into ints truncate). evaluate() WRITES INTO x.data IN PLACE and returns x itself;
// shape() returns x's shape and dtype without data (the values after an undetermined write).

import { broadcastIndexer } from '../../shapes/broadcast';
import { Dim, type Shape } from '../../shapes/dim';
import type { Value } from '../../values';
import { castScalar } from '../dtype';
import { arrayOrUnknown, asArray, compact, dataOf, fail, result } from '../nd/common';
import { registerOp } from '../registry';
import type { OpCall, OpModule } from '../types';
import { planOf } from './getitem';
import type { IndexPlan } from './plan';
import { walk } from './plan';

/** The value's shape with surplus leading 1s removed, after checking it broadcasts into `into`. */
function fit(value: Shape, into: Shape, plan: IndexPlan): Shape {
  const v = [...value];
  while (v.length > into.length && v[0] === 1) v.shift();
  const bad = v.length > into.length || v.some((d, i) => d !== 1 && Dim.certainlyDiffer(d, into[into.length - v.length + i]));
  if (!bad) return v;
  if (plan.fullMask !== undefined && value.length <= 1) {
    const n = value.length === 0 ? 1 : value[0];
    throw fail('setitem-mask-count',
      `NumPy boolean array indexing assignment cannot assign ${Dim.format(n)} input values to the ${Dim.format(plan.fullMask)} output values where the mask is true`,
      `affectation par masque booléen : ${Dim.format(n)} valeurs données pour ${Dim.format(plan.fullMask)} positions où le masque est vrai`);
  }
  if (plan.advanced) {
    throw fail('broadcast-mismatch',
      `shape mismatch: value array of shape ${compact(value)} could not be broadcast to indexing result of shape ${compact(into)}`,
      `formes incompatibles : la valeur de forme ${compact(value)} ne peut pas être diffusée (broadcast) vers la sélection de forme ${compact(into)}`);
  }
  throw fail('broadcast-mismatch',
    `could not broadcast input array from shape ${compact(value)} into shape ${compact(into)}`,
    `impossible de diffuser (broadcast) la valeur de forme ${compact(value)} dans la sélection de forme ${compact(into)}`);
}

function prepare(call: OpCall) {
  const x = arrayOrUnknown(call.args[0]);
  const plan = planOf(call, x, call.args[1] ?? { kind: 'unknown' });
  const value = asArray(call.args[2]);
  const fitted = plan && value && value.shape !== null ? fit(value.shape, plan.shape!, plan) : undefined;
  return { x, plan, value, fitted };
}

const setitem: OpModule = {
  names: ['op.setitem'],
  doc:
    'Assignment into a selection, x[index] = value: the value broadcasts to the selected shape and is converted to ' +
    "x's dtype (a float stored in an int array is truncated). Writes in place: every name bound to x (or a view of it) " +
    'sees the change. PE[:, 0::2] = np.sin(angles) fills the even columns.',
  latex: ([x, i, v]) => `${x}_{${i ?? ''}} \\leftarrow ${v ?? ''}`,
  shape(call: OpCall): Value {
    const { x } = prepare(call);
    if (call.args[0]?.kind !== 'array') return { kind: 'unknown' };
    return result(x.shape, x.dtype);
  },
  evaluate(call: OpCall, abstract: Value): Value {
    const { x, plan, value, fitted } = prepare(call);
    if (call.args[0]?.kind !== 'array' || !plan?.gather || !value?.data || !fitted || x.dtype === null) return abstract;
    const into = plan.shape as number[];
    const vidx = broadcastIndexer(fitted as number[], into);
    const vd = value.data;
    const dst = dataOf(x);
    const dt = x.dtype;
    walk(plan.gather, (i, off) => {
      dst[off] = castScalar(vd[vidx ? vidx[i] : i], dt);
    });
    return call.args[0];
  },
};

registerOp(setitem);
