// permutation and shuffle: np.random.permutation / shuffle (legacy, first axis), and
// Generator.permutation / shuffle (any axis). All use numpy's Fisher–Yates with random_interval,
// so the generator state follows numpy even when the array's values are unknown.

import { NumpyError } from '../../diagnostics';
import type { ArrayValue, Value } from '../../values';
import { shuffleIndicesInterval } from '../../random';
import { arg, intArg, normalizeAxis } from '../args';
import { toArray } from '../convert';
import { registerOp } from '../registry';
import type { OpCall } from '../types';
import { deliver, delivered, drawWith, rngOf, symDim, whyUnknown } from './common';
import { bitGenOf } from './integers';

/** The order Fisher–Yates leaves arange(n) in: slot i then holds original index order[i]. */
function shuffledOrder(call: OpCall, n: number | undefined): Float64Array | undefined {
  const st = rngOf(call);
  // n - 1 draws of random_interval (each a bounded rejection loop, all followed exactly)
  return drawWith(call, st, n === undefined ? undefined : Math.max(n - 1, 0), (e) => {
    const order = new Float64Array(n as number);
    for (let i = 0; i < order.length; i++) order[i] = i;
    shuffleIndicesInterval(bitGenOf(e), order.length, (i, j) => {
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    });
    return order;
  });
}

/** data permuted along `axis`: output slice i along the axis is input slice order[i]. */
export function gatherAxis(data: Float64Array, shape: readonly number[], axis: number, order: Float64Array): Float64Array {
  const outer = shape.slice(0, axis).reduce((p, d) => p * d, 1);
  const inner = shape.slice(axis + 1).reduce((p, d) => p * d, 1);
  const n = shape[axis];
  const out = new Float64Array(data.length);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < n; i++) {
      const src = (o * n + order[i]) * inner;
      out.set(data.subarray(src, src + inner), (o * n + i) * inner);
    }
  }
  return out;
}

function axisOf(call: OpCall, ndim: number): number {
  const generator = call.self?.kind === 'rng' && call.self.generator === 'Generator';
  if (!generator) return 0;
  return normalizeAxis(intArg(call, 1, 'axis', 0) ?? 0, ndim);
}

function notSequence(en: string, fr: string, pyType: string): NumpyError {
  return new NumpyError('random-arg', { en, fr }, { pyType });
}

function permutation(call: OpCall): Value {
  const x = arg(call, 0, 'x') ?? { kind: 'unknown' };
  const why = whyUnknown(rngOf(call));
  if (x.kind === 'int' || x.kind === 'bool') {
    const n = x.kind === 'int' ? x.value : x.value === undefined ? undefined : Number(x.value);
    const order = shuffledOrder(call, n);
    const d = n ?? symDim(call.argTexts[0]);
    const abstract: ArrayValue = { kind: 'array', shape: d === undefined ? null : [d], dtype: 'int64', why };
    return deliver(call, abstract, order ? { kind: 'array', shape: [n as number], dtype: 'int64', data: order } : undefined);
  }
  if (x.kind === 'unknown') {
    shuffledOrder(call, undefined);
    return { kind: 'array', shape: null, dtype: null, why };
  }
  const a = toArray(x);
  if (a.shape && a.shape.length === 0) {
    throw notSequence('x must be an integer or at least 1-dimensional', 'x doit être un entier ou un tableau d’au moins une dimension', 'IndexError');
  }
  if (!a.shape) {
    shuffledOrder(call, undefined);
    return { kind: 'array', shape: null, dtype: a.dtype, why };
  }
  const axis = axisOf(call, a.shape.length);
  const n = a.shape[axis];
  const order = shuffledOrder(call, typeof n === 'number' ? n : undefined);
  const abstract: ArrayValue = { kind: 'array', shape: a.shape, dtype: a.dtype };
  const full = order && a.data ? { ...abstract, data: gatherAxis(a.data, a.shape as number[], axis, order) } : undefined;
  return deliver(call, abstract, full);
}

function shuffle(call: OpCall): Value {
  const x = arg(call, 0, 'x');
  if (x?.kind === 'list' && x.items) {
    const order = shuffledOrder(call, x.items.length);
    if (order) {
      const old = x.items.slice();
      for (let i = 0; i < old.length; i++) x.items[i] = old[order[i]];
    } else x.items = x.items.map(() => ({ kind: 'unknown', why: whyUnknown(rngOf(call)) }));
    return { kind: 'none' };
  }
  if (x?.kind !== 'array') {
    if (x?.kind === 'int' || x?.kind === 'float') {
      throw notSequence(`object of type '${x.kind}' has no len()`, `un objet de type '${x.kind}' n’a pas de len()`, 'TypeError');
    }
    shuffledOrder(call, undefined);
    return { kind: 'none' };
  }
  if (x.shape && x.shape.length === 0) throw notSequence('len() of unsized object', 'len() d’un objet sans taille', 'TypeError');
  const axis = x.shape ? axisOf(call, x.shape.length) : 0;
  const n = x.shape ? x.shape[axis] : undefined;
  const order = shuffledOrder(call, typeof n === 'number' ? n : undefined);
  if (order && x.data && x.shape) x.data = gatherAxis(x.data, x.shape as number[], axis, order);
  else if (x.data) {
    delete x.data; // shuffled by draws the tracer cannot follow
    x.why = whyUnknown(rngOf(call));
  }
  return { kind: 'none' };
}

registerOp({
  names: ['np.random.permutation', 'RandomState.permutation', 'Generator.permutation'],
  doc: 'A shuffled copy: permutation(n) is arange(n) in random order; for an array, its rows (Generator: slices along axis) in random order. Fisher–Yates with numpy\'s draws.',
  latex: (o) => `\\sigma(${o[0] ?? 'x'})`,
  shape: permutation,
  evaluate: delivered,
});

registerOp({
  names: ['np.random.shuffle', 'RandomState.shuffle', 'Generator.shuffle'],
  doc: 'Shuffles an array in place along its first axis (Generator: along axis), or a list; returns None. Same draws as numpy\'s Fisher–Yates.',
  latex: (o) => `${o[0] ?? 'x'} \\leftarrow \\sigma(${o[0] ?? 'x'})`,
  shape: shuffle,
  evaluate: (_c, abstract) => abstract,
});
