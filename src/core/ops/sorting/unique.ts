// np.unique: the sorted distinct values of the flattened array, optionally with the index of
// each value's first occurrence, the inverse indices and the counts (a tuple, in numpy's order).
// numpy 1.24 collapses all nans into one, placed last.

import { Dim } from '../../shapes/dim';
import type { ArrayValue, Value } from '../../values';
import { arg, boolArg } from '../args';
import { stripData } from '../convert';
import { subjectOf } from '../reduce/core';
import { registerOp } from '../registry';
import type { OpCall } from '../types';
import { introArgsort, stableArgsort } from './introsort';

const FLAGS = ['return_index', 'return_inverse', 'return_counts'] as const;

function bind(call: OpCall) {
  const a = subjectOf(call);
  const flags = FLAGS.map((f, i) => boolArg(call, i + 1, f, false));
  const axis = arg(call, 4, 'axis');
  return { a, flags, axisGiven: axis !== undefined && axis.kind !== 'none' };
}

function pack(values: ArrayValue, extras: (ArrayValue | null)[]): Value {
  const got = extras.filter((e): e is ArrayValue => e !== null);
  return got.length === 0 ? values : { kind: 'tuple', items: [values, ...got] };
}

/** np.unique of a determined array (flattened), with the requested extra outputs. */
function uniqueOf(a: ArrayValue, flags: boolean[]): Value | undefined {
  if (!a.data) return undefined;
    const data = a.data;
    const n = data.length;
    const perm = new Int32Array(n);
    for (let i = 0; i < n; i++) perm[i] = i;
    // numpy uses a stable sort when first indices are requested, so they are the first occurrences
    if (flags[0]) stableArgsort(data, perm);
    else introArgsort(data, perm);
    const vals: number[] = [];
    const first: number[] = [];
    const counts: number[] = [];
    const inv = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const x = data[perm[k]];
      const prev = vals.length ? vals[vals.length - 1] : undefined;
      const same = prev !== undefined && (prev === x || (Number.isNaN(prev) && Number.isNaN(x)));
      if (!same) {
        vals.push(x);
        first.push(perm[k]);
        counts.push(0);
      }
      counts[counts.length - 1]++;
      inv[perm[k]] = vals.length - 1;
    }
    const m = vals.length;
    const arr = (xs: number[] | Float64Array, dt: ArrayValue['dtype'], len: number): ArrayValue => ({ kind: 'array', shape: [len], dtype: dt, data: Float64Array.from(xs) });
    return pack(arr(vals, a.dtype, m), [
      flags[0] ? arr(first, 'int64', m) : null,
      flags[1] ? arr(inv, 'int64', n) : null,
      flags[2] ? arr(counts, 'int64', m) : null,
    ]);
}

registerOp({
  names: ['np.unique'],
  doc: 'The sorted unique values of the (flattened) array; return_index gives where each first appears, return_inverse rebuilds the input (uniq[inv]), return_counts how often each occurs — e.g. the vocabulary of a token list.',
  latex: ([a]) => `\\operatorname{unique}\\left(${a}\\right)`,
  shape(call) {
    const { a, flags, axisGiven } = bind(call);
    // the number of distinct values is known exactly when the data is
    if (a?.data && !axisGiven && flags.every((f) => f !== undefined)) return stripData(uniqueOf(a, flags as boolean[]) ?? { kind: 'unknown' });
    const n = Dim.sym(`len(unique(${call.argTexts[0] ?? 'a'}))`);
    const dt = a?.dtype ?? null;
    const known = a !== null && a.shape !== null && !axisGiven;
    const size = known && a!.shape!.every((d) => typeof d === 'number') ? (a!.shape as number[]).reduce((p, d) => p * d, 1) : null;
    const vals: ArrayValue = { kind: 'array', shape: known ? [n] : null, dtype: dt };
    const inv: ArrayValue = { kind: 'array', shape: size === null ? null : [size], dtype: 'int64' };
    const idx: ArrayValue = { kind: 'array', shape: vals.shape, dtype: 'int64' };
    return pack(vals, [flags[0] ? idx : null, flags[1] ? inv : null, flags[2] ? { ...idx } : null]);
  },
  evaluate(call, abstract) {
    const { a, flags, axisGiven } = bind(call);
    if (!a?.data || axisGiven || flags.some((f) => f === undefined)) return abstract;
    return uniqueOf(a, flags as boolean[]) ?? abstract;
  },
});
