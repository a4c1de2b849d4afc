// The shared core of numpy reductions (sum, mean, max, argmax, std, any, …): reduced shapes with
// axis/keepdims, index layouts that gather each output's elements without copying the array,
// numpy's pairwise summation, and the argument binding of np.f(a, …) vs ndarray.f(…).

import { NumpyError } from '../../diagnostics';
import type { Dim, Shape } from '../../shapes/dim';
import type { ArrayValue, DType, Value } from '../../values';
import { arg, axisArg, boolArg, dtypeArg, numberOf } from '../args';
import { broadcastData, broadcastMany } from '../../shapes/broadcast';
import { Shape as S } from '../../shapes/dim';
import { whereOperand } from '../ufuncOut';
import { stridedOffsets } from '../../shapes/strided';
import { toArray } from '../convert';
import type { OpCall } from '../types';

/** The array a reduction works on: the method's receiver, or np.f's first argument. */
export function subjectOf(call: OpCall): ArrayValue | null {
  const v: Value | undefined = call.self ?? arg(call, 0, 'a');
  if (!v || !['array', 'int', 'float', 'bool', 'list', 'tuple', 'range'].includes(v.kind)) return null;
  return toArray(v);
}

/** Positional index of parameter `p` in numpy's signature `params` (after `a` for np.f). */
export function paramIndex(call: OpCall, params: readonly string[], p: string): number {
  const i = params.indexOf(p);
  return i < 0 ? -1 : i + (call.self ? 0 : 1);
}

export interface ReduceArgs {
  a: ArrayValue | null;
  /** where= as 0/1 per element of `a` (broadcast); undefined when absent, null when not determined */
  where?: Float64Array | null;
  /** initial= when given */
  initial?: number | null;
  /** normalised axes; null = all; undefined = unknown (or the rank is unknown) */
  axes: number[] | null | undefined;
  keepdims: boolean | undefined;
  dtype: DType | null | undefined;
}

/**
 * `masks`: the caller applies where= and initial= itself (sum, prod, mean, max, min); any other
 * reduction keeps the shape but drops the value, since it would otherwise ignore them.
 */
export function reduceArgs(call: OpCall, params: readonly string[], masks = false): ReduceArgs {
  let a = subjectOf(call);
  if (!masks && a?.data && (call.kwargs.has('where') || call.kwargs.has('initial'))) a = { kind: 'array', shape: a.shape, dtype: a.dtype };
  const nd = a?.shape ? a.shape.length : undefined;
  const axes = axisArg(call, paramIndex(call, params, 'axis'), 'axis', nd, null);
  const keepdims = boolArg(call, paramIndex(call, params, 'keepdims'), 'keepdims', false);
  const dtype = params.includes('dtype') ? dtypeArg(call, paramIndex(call, params, 'dtype'), 'dtype') : null;
  const r: ReduceArgs = { a, axes: nd === undefined && axes !== null ? undefined : axes, keepdims, dtype };
  if (call.kwargs.has('where')) r.where = whereMask(call, a);
  const init = call.kwargs.get('initial');
  if (init !== undefined && init.kind !== 'none') r.initial = numberOf(init) ?? null;
  return r;
}

/** The shape after reducing `axes` (null: all) with or without keepdims. */
export function reducedShape(shape: Shape, axes: readonly number[] | null, keepdims: boolean): Shape {
  const red = new Set(axes ?? shape.map((_, i) => i));
  const out: Dim[] = [];
  shape.forEach((d, i) => {
    if (!red.has(i)) out.push(d);
    else if (keepdims) out.push(1);
  });
  return out;
}

/**
 * Offsets for a reduction over `axes` of a row-major array: `outer[o]` is the offset of output
 * element o's first input, `inner[j]` the offset of its j-th reduced element (in row-major order
 * of the reduced axes), so element (o, j) is data[outer[o] + inner[j]].
 */
export function reduceLayout(shape: readonly number[], axes: readonly number[] | null): { outer: Int32Array; inner: Int32Array } {
  const strides = S.strides(shape);
  const kept: [number[], number[]] = [[], []];
  const reduced: [number[], number[]] = [[], []];
  for (let i = 0; i < shape.length; i++) {
    const to = axes === null || axes.includes(i) ? reduced : kept;
    to[0].push(shape[i]);
    to[1].push(strides[i]);
  }
  return { outer: stridedOffsets(kept[0], kept[1]), inner: stridedOffsets(reduced[0], reduced[1]) };
}

/** Does the reduction run along the contiguous last axis (where numpy sums pairwise)? */
export function innerContiguous(ndim: number, axes: readonly number[] | null): boolean {
  return axes === null || axes.includes(ndim - 1);
}

type Round = (x: number) => number;
const ident: Round = (x) => x;

/** numpy's pairwise summation of buf[lo, lo+n) (blocks of 8 accumulators, split above 128). */
function pairwise(buf: Float64Array, lo: number, n: number, r: Round): number {
  if (n < 8) {
    let s = 0;
    for (let i = 0; i < n; i++) s = r(s + buf[lo + i]);
    return s;
  }
  if (n <= 128) {
    const acc = [0, 0, 0, 0, 0, 0, 0, 0];
    for (let j = 0; j < 8; j++) acc[j] = buf[lo + j];
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) acc[j] = r(acc[j] + buf[lo + i + j]);
    let s = r(r(r(acc[0] + acc[1]) + r(acc[2] + acc[3])) + r(r(acc[4] + acc[5]) + r(acc[6] + acc[7])));
    for (; i < n; i++) s = r(s + buf[lo + i]);
    return s;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return r(pairwise(buf, lo, n2, r) + pairwise(buf, lo + n2, n - n2, r));
}

/** numpy's buffer size: long reductions are summed in chunks of 8192, each pairwise. */
const BUFSIZE = 8192;

/** Sum of buf[0, n) as numpy's add.reduce computes it (pairwise when contiguous, else in order). */
export function numpySum(buf: Float64Array, n: number, contiguous: boolean, r: Round = ident): number {
  if (!contiguous) {
    let s = 0;
    for (let i = 0; i < n; i++) s = r(s + buf[i]);
    return n === 0 ? 0 : s;
  }
  let s = 0;
  for (let lo = 0; lo < n; lo += BUFSIZE) s = r(s + pairwise(buf, lo, Math.min(BUFSIZE, n - lo), r));
  return s;
}

/** numpy's accumulator dtype of sum/prod/cumsum: small ints widen to int64 (uint to uint64), bool to int64. */
export function sumDtype(dt: DType): DType {
  if (dt === 'bool' || dt === 'int8' || dt === 'int16' || dt === 'int32') return 'int64';
  if (dt === 'uint8' || dt === 'uint16' || dt === 'uint32') return 'uint64';
  return dt;
}

export function emptyReductionError(ufunc: string): NumpyError {
  return new NumpyError(
    'empty-reduction',
    {
      en: `zero-size array to reduction operation ${ufunc} which has no identity`,
      fr: `réduction ${ufunc} sur un tableau vide : cette opération n'a pas d'élément neutre`,
    },
    { pyType: 'ValueError' },
  );
}

/** Does the reduction run over an axis of length 0 (numpy's "no identity" check)? */
export function reducesEmpty(shape: Shape, axes: readonly number[] | null): boolean {
  return shape.some((d, i) => d === 0 && (axes === null || axes.includes(i)));
}

/** The result value: a numpy scalar for a 0-d result, else an array. */
export function reductionResult(shape: Shape, dtype: DType | null): ArrayValue {
  const out: ArrayValue = { kind: 'array', shape, dtype };
  if (shape.length === 0) out.scalar = true;
  return out;
}

/**
 * The result of an op along one axis that keeps the operand's shape (cumsum, sort, argsort): that
 * shape, or the flattened length for axis=None; unknown when the operand, its shape or the axis is.
 */
export function alongAxisResult(a: ArrayValue | null, axis: number | null | undefined, dtype: DType | null): ArrayValue {
  if (!a || a.shape === null || axis === undefined) return { kind: 'array', shape: null, dtype };
  if (axis !== null) return { kind: 'array', shape: a.shape, dtype };
  const n = S.size(a.shape);
  return { kind: 'array', shape: n === undefined ? null : [n], dtype };
}

/** Apply `fn` to the elements of each output position (gathered into one reused buffer). */
export function reduceData(data: Float64Array, shape: readonly number[], axes: readonly number[] | null, fn: (buf: Float64Array, n: number) => number): Float64Array {
  const { outer, inner } = reduceLayout(shape, axes);
  const buf = new Float64Array(inner.length);
  const out = new Float64Array(outer.length);
  for (let o = 0; o < outer.length; o++) {
    const base = outer[o];
    for (let j = 0; j < inner.length; j++) buf[j] = data[base + inner[j]];
    out[o] = fn(buf, inner.length);
  }
  return out;
}

/** where= as 0/1 broadcast to the array's shape (numpy's mask rules: bool arrays, or lists cast to bool). */
function whereMask(call: OpCall, a: ArrayValue | null): Float64Array | null | undefined {
  const w = whereOperand(call);
  if (w === undefined) return undefined;
  if (!w?.data || !w.shape || !a?.shape || !S.isConcrete(w.shape) || !S.isConcrete(a.shape)) return null;
  broadcastMany([a.shape, w.shape]); // numpy's error when the mask does not fit
  return broadcastData(w.data, w.shape, a.shape);
}

/** The array's data with masked-out elements replaced by the reduction's identity (a copy). */
export function maskedData(data: Float64Array, where: Float64Array, identity: number): Float64Array {
  const out = data.slice();
  for (let i = 0; i < out.length; i++) if (where[i] === 0) out[i] = identity;
  return out;
}
