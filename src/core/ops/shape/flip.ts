// Reversing and rotating along axes: np.flip (one axis, several, or all), np.fliplr / np.flipud,
// and np.roll (elements shifted cyclically along an axis, or over the flattened array when no axis
// is given). Values and dtype are unchanged; only positions move.

import type { Shape } from '../../shapes/dim';
import type { Value } from '../../values';
import { arg, axisArg, normalizeAxis } from '../args';
import { arrayOrUnknown, concrete, dataOf, fail, remapData, result, size } from '../nd/common';
import { registerOp } from '../registry';
import type { OpCall, OpModule } from '../types';
import { intList } from './axes';

function flipModule(names: string[], doc: string, fixed: number | undefined, minDim: number): OpModule {
  const axesOf = (call: OpCall, nd: number | undefined): number[] | null | undefined => {
    if (fixed !== undefined) return [fixed];
    return axisArg(call, 1, 'axis', nd, null);
  };
  const check = (s: Shape | null) => {
    if (s && s.length < minDim) throw fail('bad-ndim', `Input must be >= ${minDim}-d.`, `le tableau doit avoir au moins ${minDim} dimension(s)`);
  };
  return {
    names, doc,
    latex: ([a]) => `\\operatorname{flip}\\left(${a}\\right)`,
    shape(call): Value {
      const a = arrayOrUnknown(arg(call, 0, 'm'));
      check(a.shape);
      axesOf(call, a.shape?.length);
      return result(a.shape, a.dtype);
    },
    evaluate(call, abstract) {
      const a = arrayOrUnknown(arg(call, 0, 'm'));
      const s = concrete(a.shape);
      const axes = axesOf(call, a.shape?.length);
      if (!s || axes === undefined) return abstract;
      const flipped = new Set(axes ?? s.map((_, i) => i));
      return result(s, a.dtype, remapData(dataOf(a), s, s, (ax, i) => (flipped.has(ax) ? s[ax] - 1 - i : i)));
    },
  };
}

registerOp(flipModule(['np.flip'],
  'Reverses the order of elements along the given axis (or axes; all of them when axis is None). The shape is unchanged; numpy returns a view, the values are those of a[::-1] along each axis.',
  undefined, 0));
registerOp(flipModule(['np.fliplr'], 'Reverses the columns (axis 1) of an array of at least 2 dimensions: a[:, ::-1].', 1, 2));
registerOp(flipModule(['np.flipud'], 'Reverses the rows (axis 0) of an array of at least 1 dimension: a[::-1].', 0, 1));

/** (shifts, axes) pairs of np.roll, broadcast together; null axes = the flattened array. */
function rollPlan(call: OpCall, nd: number | undefined): { shifts: number[]; axes: number[] | null } | undefined {
  const sv = arg(call, 1, 'shift');
  if (!sv) throw fail('type-error', `roll() missing 1 required positional argument: 'shift'`, `roll() : argument 'shift' manquant`, 'TypeError');
  const shifts = intList(sv);
  // np.roll allows an axis to repeat (its shifts add up): normalise without the duplicate check
  const raw = arg(call, 2, 'axis');
  const list = raw === undefined || raw.kind === 'none' ? null : intList(raw);
  const axes = list === null ? null : list === undefined || nd === undefined ? undefined : list.map((ax) => normalizeAxis(ax, nd));
  if (shifts === undefined || axes === undefined) return undefined;
  if (axes === null) {
    if (shifts.length !== 1) return undefined;
    return { shifts, axes: null };
  }
  const n = Math.max(shifts.length, axes.length);
  if ((shifts.length !== 1 && shifts.length !== n) || (axes.length !== 1 && axes.length !== n)) {
    throw fail('broadcast-mismatch', `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (${shifts.length},) and arg 1 with shape (${axes.length},).`,
      `np.roll : ${shifts.length} décalage(s) pour ${axes.length} axe(s)`);
  }
  return { shifts: Array.from({ length: n }, (_, i) => shifts[shifts.length === 1 ? 0 : i]), axes: Array.from({ length: n }, (_, i) => axes[axes.length === 1 ? 0 : i]) };
}

registerOp({
  names: ['np.roll'],
  doc: 'Shifts elements cyclically by `shift` positions along an axis (elements leaving one end come back at the other); without axis the array is flattened, rolled and reshaped back. np.roll(x, 1) moves the last element first.',
  latex: ([a, k]) => `\\operatorname{roll}\\left(${a}, ${k ?? 'k'}\\right)`,
  shape(call): Value {
    const a = arrayOrUnknown(arg(call, 0, 'a'));
    rollPlan(call, a.shape?.length);
    return result(a.shape, a.dtype);
  },
  evaluate(call, abstract) {
    const a = arrayOrUnknown(arg(call, 0, 'a'));
    const s = concrete(a.shape);
    const plan = rollPlan(call, a.shape?.length);
    if (!s || !plan) return abstract;
    const data = dataOf(a);
    const shape = plan.axes === null ? [size(s)] : s;
    // several entries for one axis add up, as in numpy
    const total = new Array<number>(shape.length).fill(0);
    if (plan.axes === null) total[0] = plan.shifts[0];
    else plan.axes.forEach((ax, i) => (total[ax] += plan.shifts[i]));
    const rolled = remapData(data, shape, shape, (ax, i) => {
      const n = shape[ax];
      return n === 0 ? 0 : (((i - total[ax]) % n) + n) % n;
    });
    return result(s, a.dtype, rolled);
  },
});
