// `x[index]` on an array (registry name op.getitem; args [x, index], the index being the value of
// the subscript: an int, slice, None, Ellipsis, list, array, or a tuple of them). Basic and
// advanced indexing with numpy's shapes, errors and values; a mask of unknown values gives a
// symbolic length such as sum(x>0).

import type { ArrayValue, Value } from '../../values';
import { arrayOrUnknown, dataOf, result } from '../nd/common';
import { registerOp } from '../registry';
import type { OpCall, OpModule } from '../types';
import { components, type Comp } from './components';
import { planIndex, walk, type IndexPlan } from './plan';


/** The symbol naming a boolean mask's true count: sum(mask) with the mask's source text. */
export function countName(call: OpCall, comps: Comp[]): string {
  const text = call.argTexts[1]?.replace(/\s+/g, '');
  const masks = comps.filter((c) => c.k === 'bool');
  if (masks.length === 1 && comps.length === 1 && text && text.length <= 40) return `sum(${text})`;
  return 'n_true';
}

/** The plan of `x[index]`, or null when the index or the rank is not determined. */
export function planOf(call: OpCall, x: ArrayValue, index: Value): IndexPlan | null {
  const comps = components(index);
  if (!comps || x.shape === null) return null;
  const plan = planIndex(x.shape, comps, countName(call, comps));
  return plan.shape === null ? null : plan;
}

const getitem: OpModule = {
  names: ['op.getitem'],
  doc:
    'Indexing x[i]: an int picks one position and drops the axis (negative counts from the end); a slice start:stop:step ' +
    'keeps the axis; None (np.newaxis) inserts an axis of length 1; ... stands for all remaining axes. Integer arrays and ' +
    'lists pick positions (advanced indexing, their shapes broadcast together); a boolean mask keeps the positions ' +
    'where it is True, as a 1-D result. x[:, 0::2] takes the even columns, as in a positional-encoding table.',
  latex: ([x, i]) => `${x}_{${i ?? ''}}`,
  shape(call: OpCall): Value {
    const x = arrayOrUnknown(call.args[0]);
    const plan = planOf(call, x, call.args[1] ?? { kind: 'unknown' });
    return result(plan ? plan.shape : null, x.dtype);
  },
  evaluate(call: OpCall, abstract: Value): Value {
    const x = arrayOrUnknown(call.args[0]);
    const plan = planOf(call, x, call.args[1] ?? { kind: 'unknown' });
    if (!plan || !plan.gather) return abstract;
    const src = dataOf(x);
    const out = new Float64Array(plan.gather.size);
    walk(plan.gather, (i, off) => {
      out[i] = src[off];
    });
    const r = result(plan.shape, x.dtype, out);
    if (plan.scalar) r.scalar = true;
    return r;
  },
};

registerOp(getitem);
