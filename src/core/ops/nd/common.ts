// Helpers shared by the linear-algebra, shape and indexing ops (part B): reading array operands,
// building results and errors, axis permutations of row-major data. Small and allocation-light:
// every kernel works on Float64Array with precomputed strides.

import { NumpyError } from '../../diagnostics';
import { Dim, Shape } from '../../shapes/dim';
import { gather, stridedOffsets } from '../../shapes/strided';
import type { ArrayValue, DType, Value } from '../../values';
import { toArray } from '../convert';
import type { OpCall, OpModule } from '../types';

export type PyType = 'ValueError' | 'IndexError' | 'TypeError' | 'AxisError' | 'LinAlgError';

export function fail(code: string, en: string, fr: string, pyType: PyType = 'ValueError'): NumpyError {
  return new NumpyError(code, { en, fr }, { pyType });
}

/** An operand as an array (np.asarray semantics for lists, tuples and Python scalars); null when not array-like. */
export function asArray(v: Value | undefined): ArrayValue | null {
  if (v === undefined) return null;
  if (v.kind === 'array') return v;
  if (v.kind === 'int' || v.kind === 'float' || v.kind === 'bool' || v.kind === 'list' || v.kind === 'tuple' || v.kind === 'range') {
    return toArray(v);
  }
  return null;
}

/** The operand's array, or an unknown-shaped one when the value is not array-like (unknown in → unknown out). */
export function arrayOrUnknown(v: Value | undefined): ArrayValue {
  return asArray(v) ?? { kind: 'array', shape: null, dtype: null };
}

export function result(shape: Shape | null, dtype: DType | null, data?: Float64Array): ArrayValue {
  return data === undefined ? { kind: 'array', shape, dtype } : { kind: 'array', shape, dtype, data };
}

/** What an op's plan of a call says about its result: the shape (null: unknown) and the dtype. */
export interface ShapePlan {
  shape: Shape | null;
  /** the operand whose dtype the result keeps when the plan gives no `dtype` */
  a?: ArrayValue;
  /** the result's dtype when it is not the operand's (null: unknown) */
  dtype?: DType | null;
}

const planDtype = (p: ShapePlan): DType | null => (p.dtype !== undefined ? p.dtype : p.a?.dtype ?? null);

/**
 * An op whose shape rule and evaluator start from the same plan of the call (operands, the
 * result's shape and dtype, whatever its kernel needs): shape() is the plan's shape and dtype,
 * evaluate() adds the data `fill` computes for that shape, which is then concrete. With `scalar`,
 * a 0-d result is a numpy scalar (np.float64(…), as reductions return), not a 0-d array.
 */
export function plannedOp<P extends ShapePlan>(spec: {
  names: readonly string[];
  doc: string;
  latex: (operands: readonly string[]) => string;
  plan: (call: OpCall) => P;
  fill: (p: P, shape: number[]) => Float64Array;
  scalar?: boolean;
}): OpModule {
  return {
    names: spec.names,
    doc: spec.doc,
    latex: spec.latex,
    shape(call: OpCall): Value {
      const p = spec.plan(call);
      return result(p.shape, planDtype(p));
    },
    evaluate(call: OpCall): Value {
      const p = spec.plan(call);
      const shape = p.shape as number[];
      const r = result(shape, planDtype(p), spec.fill(p, shape));
      if (spec.scalar && shape.length === 0) r.scalar = true;
      return r;
    },
  };
}

/** The concrete dims of a shape, or undefined when one is symbolic. */
export function concrete(s: Shape | null): number[] | undefined {
  if (s === null || !Shape.isConcrete(s)) return undefined;
  return s as number[];
}

export function size(s: readonly number[]): number {
  let n = 1;
  for (const d of s) n *= d;
  return n;
}

/** The data of an evaluated operand; evaluate() is only called when every array operand has it. */
export function dataOf(a: ArrayValue): Float64Array {
  if (!a.data) throw new Error('op evaluated on an array without data');
  return a.data;
}

/** The shape of an operand that shape() has already validated as known. */
export function shapeOf(a: ArrayValue): number[] {
  const s = concrete(a.shape);
  if (!s) throw new Error('op evaluated on an array without a concrete shape');
  return s;
}

/** Row-major copy of `data` (shape `shape`) with its axes reordered: out axis i = in axis perm[i]. */
export function permuteData(data: Float64Array, shape: readonly number[], perm: readonly number[]): Float64Array {
  const inStr = Shape.strides(shape);
  return gather(data, stridedOffsets(perm.map((p) => shape[p]), perm.map((p) => inStr[p])));
}

/**
 * A row-major buffer of shape `outShape` whose element at index (i₀, i₁, …) is the element of
 * `data` (shape `inShape`, same rank) at (map(0, i₀), map(1, i₁), …): flips, rolls and tiles are
 * one per-axis index map each.
 */
export function remapData(
  data: Float64Array, inShape: readonly number[], outShape: readonly number[], map: (axis: number, i: number) => number,
): Float64Array {
  const rank = outShape.length;
  const out = new Float64Array(size(outShape));
  const st = Shape.strides(inShape);
  const idx = new Array<number>(rank).fill(0);
  for (let i = 0; i < out.length; i++) {
    let src = 0;
    for (let ax = 0; ax < rank; ax++) src += map(ax, idx[ax]) * st[ax];
    out[i] = data[src];
    for (let ax = rank - 1; ax >= 0; ax--) {
      if (++idx[ax] < outShape[ax]) break;
      idx[ax] = 0;
    }
  }
  return out;
}

/** Python's repr-like text of a shape in numpy messages that use the compact form (4,2). */
export function compact(s: Shape): string {
  if (s.length === 1) return `(${Dim.format(s[0])},)`;
  return `(${s.map(Dim.format).join(',')})`;
}

/** A dim read from a Python int argument (value, symbol, or undefined when unknown). */
export function dimOf(v: Value): Dim | undefined {
  if (v.kind === 'int') return v.value !== undefined ? v.value : v.sym !== undefined ? Dim.sym(v.sym) : undefined;
  if (v.kind === 'bool') return v.value === undefined ? undefined : v.value ? 1 : 0;
  if (v.kind === 'array' && v.shape !== null && v.shape.length === 0 && v.dtype !== null && !v.dtype.startsWith('float')) {
    return v.data ? v.data[0] : undefined;
  }
  return undefined;
}
