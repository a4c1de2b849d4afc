// np.max / np.min (amax, amin, ndarray.max/min) and np.argmax / np.argmin: nan propagates (and
// is what argmax finds first), ties give the first occurrence, axis=None gives a flat index, and
// empty reductions raise numpy's ValueError.

import { NumpyError } from '../../diagnostics';
import type { Value } from '../../values';
import { registerOp } from '../registry';
import type { OpModule } from '../types';
import { castScalar } from '../dtype';
import { emptyReductionError, maskedData, reduceArgs, reduceData, reducedShape, reducesEmpty, reductionResult } from './core';

type Pick = (buf: Float64Array, n: number) => number;

function noIdentityError(ufunc: string): NumpyError {
  return new NumpyError('reduction-where', {
    en: `reduction operation '${ufunc}' does not have an identity, so to use a where mask one has to specify 'initial'`,
    fr: `la réduction '${ufunc}' n'a pas d'élément neutre : avec un masque where, il faut donner initial= (par ex. initial=-np.inf)`,
  }, { pyType: 'ValueError' });
}

/** The index of the first extreme; a nan is the extreme (numpy's argmax/argmin stop at the first nan). */
function argPick(better: (x: number, best: number) => boolean): Pick {
  return (buf, n) => {
    let bi = 0;
    let best = buf[0];
    if (Number.isNaN(best)) return 0;
    for (let i = 1; i < n; i++) {
      const x = buf[i];
      if (Number.isNaN(x)) return i;
      if (better(x, best)) {
        best = x;
        bi = i;
      }
    }
    return bi;
  };
}

const argmaxPick = argPick((x, b) => x > b);
const argminPick = argPick((x, b) => x < b);

function define(names: string[], ufunc: 'maximum' | 'minimum', doc: string, latex: OpModule['latex']): void {
  const params = ['axis', 'out', 'keepdims'];
  const pick = ufunc === 'maximum' ? argmaxPick : argminPick;
  registerOp({
    names, doc, latex,
    shape(call) {
      const r = reduceArgs(call, params, true);
      const dt = r.a?.dtype ?? null;
      if (call.kwargs.has('where') && r.initial === undefined) throw noIdentityError(ufunc);
      if (!r.a || r.a.shape === null || r.axes === undefined || r.keepdims === undefined) return { kind: 'array', shape: null, dtype: dt };
      if (r.initial === undefined && reducesEmpty(r.a.shape, r.axes)) throw emptyReductionError(ufunc);
      return reductionResult(reducedShape(r.a.shape, r.axes, r.keepdims), dt);
    },
    evaluate(call, abstract) {
      const r = reduceArgs(call, params, true);
      if (abstract.kind !== 'array' || !r.a?.data || r.a.shape === null || r.axes === undefined || r.where === null || r.initial === null) return abstract;
      const init = r.initial;
      // initial= takes part in every lane, so masked-out elements can simply become initial
      const src = r.where && init !== undefined ? maskedData(r.a.data, r.where, init) : r.a.data;
      const data = reduceData(src, r.a.shape as number[], r.axes, (buf, n) => {
        const x = n === 0 ? init! : buf[pick(buf, n)];
        if (init === undefined || Number.isNaN(x)) return x;
        return ufunc === 'maximum' ? (init > x ? init : x) : init < x ? init : x;
      });
      if (r.a.dtype) for (let i = 0; i < data.length; i++) data[i] = castScalar(data[i], r.a.dtype);
      return { ...abstract, data };
    },
  });
}

define(['np.max', 'np.amax', 'ndarray.max'], 'maximum',
  'Largest element over the given axis (all by default); nan if any element is nan; an empty reduction raises ValueError. Not to be confused with np.maximum (elementwise, two arrays).',
  ([a, axis]) => (axis === undefined ? `\\max_{i} ${a}_{i}` : `\\max_{${axis}} ${a}`));
define(['np.min', 'np.amin', 'ndarray.min'], 'minimum',
  'Smallest element over the given axis (all by default); nan if any element is nan; an empty reduction raises ValueError.',
  ([a, axis]) => (axis === undefined ? `\\min_{i} ${a}_{i}` : `\\min_{${axis}} ${a}`));

function defineArg(names: string[], which: 'argmax' | 'argmin', doc: string, latex: OpModule['latex']): void {
  const params = ['axis', 'out'];
  const pick = which === 'argmax' ? argmaxPick : argminPick;
  const reduce = (call: Parameters<OpModule['shape']>[0]) => {
    const r = reduceArgs(call, params);
    if (r.axes && r.axes.length !== 1) {
      throw new NumpyError('type-error', { en: `'tuple' object cannot be interpreted as an integer`, fr: `un objet 'tuple' ne peut pas être interprété comme un entier` }, { pyType: 'TypeError' });
    }
    return r;
  };
  registerOp({
    names, doc, latex,
    shape(call): Value {
      const r = reduce(call);
      if (!r.a || r.a.shape === null || r.axes === undefined || r.keepdims === undefined) return { kind: 'array', shape: null, dtype: 'int64' };
      if (reducesEmpty(r.a.shape, r.axes)) {
        throw new NumpyError('empty-reduction', { en: `attempt to get ${which} of an empty sequence`, fr: `${which} d'une séquence vide` }, { pyType: 'ValueError' });
      }
      return reductionResult(reducedShape(r.a.shape, r.axes, r.keepdims), 'int64');
    },
    evaluate(call, abstract) {
      const r = reduce(call);
      if (abstract.kind !== 'array' || !r.a?.data || r.a.shape === null || r.axes === undefined) return abstract;
      // axis=None: numpy flattens, so the answer is a flat (row-major) index
      const data = reduceData(r.a.data, r.a.shape as number[], r.axes, pick);
      return { ...abstract, data };
    },
  });
}

defineArg(['np.argmax', 'ndarray.argmax'], 'argmax',
  'Index of the largest element along an axis (the first one on ties; the first nan if any). Without axis the index is into the flattened array — use np.unravel_index to get coordinates. argmax of logits is the predicted token.',
  ([a, axis]) => (axis === undefined ? `\\arg\\max_{i} ${a}_{i}` : `\\arg\\max_{${axis}} ${a}`));
defineArg(['np.argmin', 'ndarray.argmin'], 'argmin',
  'Index of the smallest element along an axis (the first one on ties; the first nan if any); without axis, a flat index.',
  ([a, axis]) => (axis === undefined ? `\\arg\\min_{i} ${a}_{i}` : `\\arg\\min_{${axis}} ${a}`));
