// Elementwise extrema: np.maximum / np.minimum (nan propagates — the ReLU np.maximum(0, x)),
// np.fmax / np.fmin (nan ignored), and np.clip / ndarray.clip with either bound None.

import { NumpyError } from '../../diagnostics';
import type { Value } from '../../values';
import { arg } from '../args';
import { defineUfunc, ufuncEvaluate, ufuncShape, type Kernel2, type Kernel3, type UfuncSpec } from '../elementwise';
import { registerOp } from '../registry';
import type { OpCall } from '../types';
import { LOOPS } from '../ufuncTypes';

const max2: Kernel2 = (x, y) => (x >= y || Number.isNaN(x) ? x : y);
const min2: Kernel2 = (x, y) => (x <= y || Number.isNaN(x) ? x : y);

const maximum = {
  ufunc: 'maximum', names: ['np.maximum'], params: ['x1', 'x2'], loops: LOOPS.all2, resolver: 'uniform' as const,
  doc: 'Elementwise maximum of two arrays with broadcasting (np.maximum(0, x) is ReLU); nan wins over any number.',
  latex: ([a, b]: readonly string[]) => `\\max\\left(${a}, ${b}\\right)`,
  kernel: () => max2,
};
const minimum = {
  ufunc: 'minimum', names: ['np.minimum'], params: ['x1', 'x2'], loops: LOOPS.all2, resolver: 'uniform' as const,
  doc: 'Elementwise minimum of two arrays with broadcasting; nan wins over any number.',
  latex: ([a, b]: readonly string[]) => `\\min\\left(${a}, ${b}\\right)`,
  kernel: () => min2,
};
defineUfunc(maximum);
defineUfunc(minimum);

defineUfunc({
  ufunc: 'fmax', names: ['np.fmax'], params: ['x1', 'x2'], loops: LOOPS.all2, resolver: 'uniform',
  doc: 'Elementwise maximum that ignores nan (returns the other operand).',
  latex: ([a, b]) => `\\max\\left(${a}, ${b}\\right)`,
  kernel: () => (x: number, y: number) => (x >= y || Number.isNaN(y) ? x : y),
});
defineUfunc({
  ufunc: 'fmin', names: ['np.fmin'], params: ['x1', 'x2'], loops: LOOPS.all2, resolver: 'uniform',
  doc: 'Elementwise minimum that ignores nan (returns the other operand).',
  latex: ([a, b]) => `\\min\\left(${a}, ${b}\\right)`,
  kernel: () => (x: number, y: number) => (x <= y || Number.isNaN(y) ? x : y),
});

const clip3: UfuncSpec<Kernel3> = {
  ufunc: 'clip', names: [], params: ['a', 'a_min', 'a_max'], loops: LOOPS.all3, resolver: 'uniform',
  doc: '', latex: () => '',
  kernel: () => (x, lo, hi) => min2(max2(x, lo), hi),
};

/** The same call with other positional operands (a method's `self` first) and no keywords. */
function withOperands(call: OpCall, args: Value[]): OpCall {
  const kwargs = new Map(call.kwargs);
  for (const k of ['a', 'a_min', 'a_max', 'min', 'max']) kwargs.delete(k);
  return { ...call, args, kwargs, self: undefined };
}

/** Which ufunc numpy's clip runs: both bounds → clip; one None → minimum/maximum; none → ValueError. */
function plan(call: OpCall): { spec: UfuncSpec<Kernel2 | Kernel3>; sub: OpCall } {
  const off = call.self ? 0 : 1;
  const a = call.self ?? arg(call, 0, 'a') ?? { kind: 'unknown' as const };
  const lo = arg(call, off, 'a_min') ?? { kind: 'none' as const };
  const hi = arg(call, off + 1, 'a_max') ?? { kind: 'none' as const };
  if (lo.kind === 'none' && hi.kind === 'none') {
    throw new NumpyError('clip-bounds', { en: 'One of max or min must be given', fr: 'Il faut donner au moins une borne (min ou max)' }, { pyType: 'ValueError' });
  }
  if (lo.kind === 'none') return { spec: minimum, sub: withOperands(call, [a, hi]) };
  if (hi.kind === 'none') return { spec: maximum, sub: withOperands(call, [a, lo]) };
  return { spec: clip3 as UfuncSpec<Kernel2 | Kernel3>, sub: withOperands(call, [a, lo, hi]) };
}

registerOp({
  names: ['np.clip', 'ndarray.clip'],
  doc: 'Limit every element to [a_min, a_max] (either bound may be None); a_min > a_max gives a_max everywhere, as numpy.',
  latex: ([a, lo, hi]) => `\\operatorname{clip}\\left(${a}, ${lo ?? '-\\infty'}, ${hi ?? '\\infty'}\\right)`,
  shape(call) {
    const { spec, sub } = plan(call);
    return ufuncShape(spec, sub).result;
  },
  evaluate(call, abstract) {
    const { spec, sub } = plan(call);
    return ufuncEvaluate(spec, sub, abstract);
  },
});
