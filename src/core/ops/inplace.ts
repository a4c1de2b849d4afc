// The numpy calls that write into an existing array and return None: ndarray.sort (sorted along
// an axis), ndarray.fill (every element set to one value) and np.fill_diagonal. The interpreter
// hands them a private copy of the buffer (dispatch.ts), so earlier recorded values keep theirs.

import type { ArrayValue, Value } from '../values';
import { arg, axisArg, boolArg } from './args';
import { toArray } from './convert';
import { castScalar } from './dtype';
import { concrete, fail } from './nd/common';
import { registerOp } from './registry';
import { sortLanes } from './sorting/sort';
import type { OpCall } from './types';

const NONE: Value = { kind: 'none' };

function receiver(call: OpCall): ArrayValue | null {
  return call.self?.kind === 'array' ? call.self : null;
}

function sortArgs(call: OpCall) {
  const a = receiver(call);
  const nd = a?.shape ? a.shape.length : undefined;
  if (arg(call, 0, 'axis')?.kind === 'none') {
    throw fail('type-error', `'NoneType' object cannot be interpreted as an integer`, `ndarray.sort() ne trie pas à plat : utilisez np.sort(a, axis=None)`, 'TypeError');
  }
  const axes = axisArg(call, 0, 'axis', nd, -1);
  const kv = arg(call, 1, 'kind');
  const kind = kv?.kind === 'str' ? kv.value : undefined;
  return { a, axis: axes ? axes[0] : undefined, stable: kind === 'stable' || kind === 'mergesort' };
}

registerOp({
  names: ['ndarray.sort'],
  doc: 'Sorts the array IN PLACE along an axis (default the last) and returns None: write a.sort(), not a = a.sort() (that binds None). np.sort(a) returns a sorted copy instead. nan goes last.',
  latex: ([a]) => `${a} \\leftarrow \\operatorname{sort}\\left(${a}\\right)`,
  shape(call) {
    sortArgs(call);
    return NONE;
  },
  evaluate(call) {
    const { a, axis, stable } = sortArgs(call);
    const s = a ? concrete(a.shape) : undefined;
    if (!a?.data || !s || axis === undefined) return NONE;
    a.data.set(sortLanes(a.data, s, axis, stable).sorted);
    return NONE;
  },
});

/** A scalar fill value (numpy accepts a Python number or a one-element array). */
function fillValue(call: OpCall): number | undefined {
  const v = arg(call, 0, 'value');
  if (!v) throw fail('type-error', 'fill() takes exactly 1 argument (0 given)', 'fill() attend exactement 1 argument', 'TypeError');
  const a = toArray(v);
  if (a.shape && a.shape.length > 0 && a.data && a.data.length !== 1) {
    throw fail('bad-fill', 'setting an array element with a sequence.', "fill() attend une seule valeur, pas une séquence");
  }
  return a.data?.[0];
}

registerOp({
  names: ['ndarray.fill'],
  doc: "Sets every element of the array IN PLACE to one value (converted to the array's dtype: 2.7 in an int array is 2) and returns None.",
  latex: ([a, v]) => `${a} \\leftarrow ${v ?? 'c'}`,
  shape(call) {
    fillValue(call);
    return NONE;
  },
  evaluate(call) {
    const a = receiver(call);
    const x = fillValue(call);
    if (!a?.data || x === undefined || a.dtype === null) return NONE;
    a.data.fill(castScalar(x, a.dtype));
    return NONE;
  },
});

function diagonalPlan(call: OpCall) {
  const v = arg(call, 0, 'a');
  const a = v?.kind === 'array' ? v : null;
  const s = a ? concrete(a.shape) : undefined;
  if (s && s.length < 2) throw fail('bad-ndim', 'array must be at least 2-d', 'np.fill_diagonal attend un tableau à au moins 2 dimensions');
  if (s && s.length > 2 && s.some((d) => d !== s[0])) throw fail('bad-shape', 'All dimensions of input must be of equal length', 'toutes les dimensions doivent être égales');
  const wrap = boolArg(call, 2, 'wrap', false);
  return { a, s, wrap };
}

registerOp({
  names: ['np.fill_diagonal'],
  doc: "Writes val on the main diagonal of a IN PLACE and returns None (val repeats cyclically if it is a sequence). For a tall matrix the diagonal stops at the square part unless wrap=True. Setting the diagonal of a score matrix to -inf forbids attending to oneself.",
  latex: ([a, v]) => `\\operatorname{diag}\\left(${a}\\right) \\leftarrow ${v ?? 'v'}`,
  shape(call) {
    diagonalPlan(call);
    if (!arg(call, 1, 'val')) throw fail('type-error', `fill_diagonal() missing 1 required positional argument: 'val'`, `fill_diagonal() : argument 'val' manquant`, 'TypeError');
    return NONE;
  },
  evaluate(call) {
    const { a, s, wrap } = diagonalPlan(call);
    const val = toArray(arg(call, 1, 'val')!);
    if (!a?.data || !s || !val.data || wrap === undefined || a.dtype === null || val.data.length === 0) return NONE;
    // numpy's flat stride of the diagonal; without wrap a tall 2-D matrix stops after its square part
    let step: number;
    let end = a.data.length;
    if (s.length === 2) {
      step = s[1] + 1;
      if (!wrap) end = Math.min(end, s[1] * s[1]);
    } else {
      step = 1;
      let acc = 1;
      for (let i = 0; i < s.length - 1; i++) {
        acc *= s[s.length - 1 - i];
        step += acc;
      }
    }
    let k = 0;
    for (let i = 0; i < end; i += step) a.data[i] = castScalar(val.data[k++ % val.data.length], a.dtype);
    return NONE;
  },
});
