// np.sort / np.argsort / ndarray.argsort along an axis (default −1; None flattens): nan sorts
// last; argsort's default kind reproduces numpy's introsort so tied elements come out in
// numpy's order, and kind='stable'/'mergesort' keeps ties in their original order.

import { NumpyError } from '../../diagnostics';
import type { Value } from '../../values';
import { arg, axisArg } from '../args';
import { castScalar } from '../dtype';
import { registerOp } from '../registry';
import { alongAxisResult, reduceLayout, subjectOf } from '../reduce/core';
import type { OpCall } from '../types';
import { introArgsort, stableArgsort } from './introsort';

function bind(call: OpCall) {
  const a = subjectOf(call);
  const off = call.self ? 0 : 1;
  const nd = a?.shape ? a.shape.length : undefined;
  const axes = axisArg(call, off, 'axis', nd === 0 ? undefined : nd, -1);
  const kindV = arg(call, off + 1, 'kind');
  const kind = kindV?.kind === 'str' ? kindV.value : undefined;
  if (kind !== undefined && !['quicksort', 'mergesort', 'heapsort', 'stable'].includes(kind)) {
    throw new NumpyError('bad-sort-kind', { en: `sort kind must be one of 'quick', 'heap', or 'stable' (got '${kind}')`, fr: `le genre de tri doit être 'quick', 'heap' ou 'stable' (reçu '${kind}')` }, { pyType: 'ValueError' });
  }
  if (nd === 0 && axes !== null) throw new NumpyError('axis-out-of-range', { en: 'Cannot sort a 0-d array', fr: 'Impossible de trier un tableau de dimension 0' }, { pyType: 'AxisError' });
  return { a, axis: axes === null ? null : axes === undefined ? undefined : axes[0], stable: kind === 'mergesort' || kind === 'stable' };
}

/**
 * Sorts every lane of row-major `data` (shape `shape`) along `axis`: at each position, `perm` holds
 * the lane index of the element that lands there (argsort) and `sorted` its value. np.sort,
 * np.argsort and the in-place ndarray.sort all read it.
 */
export function sortLanes(data: Float64Array, shape: readonly number[], axis: number, stable: boolean): { perm: Float64Array; sorted: Float64Array } {
  const { outer, inner } = reduceLayout(shape, [axis]);
  const lane = new Float64Array(inner.length);
  const idx = new Int32Array(inner.length);
  const perm = new Float64Array(data.length);
  const sorted = new Float64Array(data.length);
  for (let o = 0; o < outer.length; o++) {
    for (let j = 0; j < inner.length; j++) {
      lane[j] = data[outer[o] + inner[j]];
      idx[j] = j;
    }
    if (stable) stableArgsort(lane, idx);
    else introArgsort(lane, idx);
    for (let j = 0; j < inner.length; j++) {
      const at = outer[o] + inner[j];
      perm[at] = idx[j];
      sorted[at] = lane[idx[j]];
    }
  }
  return { perm, sorted };
}

function define(names: string[], values: boolean, doc: string, latex: (ops: readonly string[]) => string): void {
  registerOp({
    names, doc, latex,
    shape(call): Value {
      const { a, axis } = bind(call);
      const dt = values ? a?.dtype ?? null : 'int64';
      return alongAxisResult(a, axis, dt);
    },
    evaluate(call, abstract) {
      const { a, axis, stable } = bind(call);
      if (abstract.kind !== 'array' || !a?.data || a.shape === null || axis === undefined) return abstract;
      // axis=None sorts the flattened array: one lane over all the data
      const shape = axis === null ? [a.data.length] : (a.shape as number[]);
      const { perm, sorted } = sortLanes(a.data, shape, axis ?? 0, stable);
      if (!values) return { ...abstract, data: perm };
      const dt = a.dtype ?? 'float64';
      const data = sorted.map((x) => castScalar(x, dt));
      return { ...abstract, data };
    },
  });
}

define(['np.sort'], true,
  'A sorted copy along an axis (default the last; axis=None sorts the flattened array); nan goes last. ndarray.sort() sorts in place and returns None.',
  ([a]) => `\\operatorname{sort}\\left(${a}\\right)`);
define(['np.argsort', 'ndarray.argsort'], false,
  'The indices that would sort the array along an axis (default the last): a[np.argsort(a)] is sorted. The default kind is not stable for ties; pass kind="stable" to keep their order. np.argsort(-scores) ranks from best to worst.',
  ([a]) => `\\operatorname{argsort}\\left(${a}\\right)`);
