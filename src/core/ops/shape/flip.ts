// Reversing and rotating along axes: np.flip (one axis, several, or all), np.fliplr / np.flipud,
// and np.roll (elements shifted cyclically along an axis, or over the flattened array when no axis
// is given). Values and dtype are unchanged; only positions move.

import type { Shape } from '../../shapes/dim';
import type { Value } from '../../values';
import { arg, axisArg, normalizeAxis } from '../args';
import { arrayOrUnknown, concrete, dataOf, fail, result, size } from '../nd/common';
import { registerOp } from '../registry';
import type { OpCall, OpModule } from '../types';
import { intList } from './axes';

/** Row-major strides of a concrete shape. */
function strides(s: readonly number[]): number[] {
  const st = new Array<number>(s.length);
  let acc = 1;
  for (let i = s.length - 1; i >= 0; i--) {
    st[i] = acc;
    acc *= s[i];
  }
  return st;
}

/** Output element i reads input element src(i): a per-axis index map applied to row-major data. */
function remap(data: Float64Array, shape: readonly number[], map: (axis: number, i: number) => number): Float64Array {
  const n = data.length;
  const out = new Float64Array(n);
  const st = strides(shape);
  const idx = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < n; i++) {
    let src = 0;
    for (let ax = 0; ax < shape.length; ax++) src += map(ax, idx[ax]) * st[ax];
    out[i] = data[src];
    for (let ax = shape.length - 1; ax >= 0; ax--) {
      if (++idx[ax] < shape[ax]) break;
      idx[ax] = 0;
    }
  }
  return out;
}

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
      return result(s, a.dtype, remap(dataOf(a), s, (ax, i) => (flipped.has(ax) ? s[ax] - 1 - i : i)));
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
    const rolled = remap(data, shape, (ax, i) => {
      const n = shape[ax];
      return n === 0 ? 0 : (((i - total[ax]) % n) + n) % n;
    });
    return result(s, a.dtype, rolled);
  },
});
