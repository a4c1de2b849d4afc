// The engine's dense float64 tensor (shape + row-major Float64Array) and its conversions to and
// from nested arrays and the interpreter's ArrayValue. The kernels work on this type only, so
// the heavy lifting never touches nested JS arrays.

import type { ArrayValue, Value } from '../values';
import { argumentError } from './errors';

export interface Tensor {
  shape: number[];
  data: Float64Array;
}

export namespace Tensor {
  export function size(shape: readonly number[]): number {
    let n = 1;
    for (const d of shape) n *= d;
    return n;
  }
  export function zeros(shape: readonly number[]): Tensor {
    return { shape: [...shape], data: new Float64Array(size(shape)) };
  }
  export function scalar(x: number): Tensor {
    return { shape: [], data: Float64Array.of(x) };
  }
  export function of(shape: readonly number[], values: ArrayLike<number>): Tensor {
    if (values.length !== size(shape)) throw new Error(`tensor of shape ${shape} needs ${size(shape)} values`);
    return { shape: [...shape], data: Float64Array.from(values) };
  }
  /** A nested JS array (rectangular) of numbers/booleans; throws a clear error when ragged. */
  export function fromNested(x: unknown): Tensor {
    const shape: number[] = [];
    let probe: unknown = x;
    while (Array.isArray(probe)) {
      shape.push(probe.length);
      probe = probe[0];
    }
    const data = new Float64Array(size(shape));
    let k = 0;
    const walk = (v: unknown, depth: number): void => {
      if (depth === shape.length) {
        if (typeof v === 'number') data[k++] = v;
        else if (typeof v === 'boolean') data[k++] = v ? 1 : 0;
        else throw argumentError(`expected a number, got ${describe(v)}`, `nombre attendu, reçu ${describe(v)}`);
        return;
      }
      if (!Array.isArray(v) || v.length !== shape[depth]) {
        throw argumentError('the matrix is ragged: every row must have the same length', 'la matrice est irrégulière : toutes les lignes doivent avoir la même longueur');
      }
      for (const item of v) walk(item, depth + 1);
    };
    walk(x, 0);
    return { shape, data };
  }
  export function toNested(t: Tensor): unknown {
    if (t.shape.length === 0) return t.data[0];
    const build = (depth: number, offset: number): unknown[] => {
      const n = t.shape[depth];
      if (depth === t.shape.length - 1) return Array.from(t.data.subarray(offset, offset + n));
      const stride = size(t.shape.slice(depth + 1));
      return Array.from({ length: n }, (_, i) => build(depth + 1, offset + i * stride));
    };
    return build(0, 0);
  }
  /** The tensor of an interpreter value with concrete shape and data; undefined otherwise. */
  export function fromValue(v: Value | undefined): Tensor | undefined {
    if (!v) return undefined;
    if (v.kind === 'int' || v.kind === 'float') return v.value === undefined ? undefined : scalar(v.value);
    if (v.kind === 'bool') return v.value === undefined ? undefined : scalar(v.value ? 1 : 0);
    if (v.kind === 'list' || v.kind === 'tuple') {
      if (!v.items) return undefined;
      const parts = v.items.map(fromValue);
      if (parts.some((p) => !p)) return undefined;
      return stack(parts as Tensor[]);
    }
    if (v.kind !== 'array' || !v.data || !v.shape) return undefined;
    if (!v.shape.every((d) => typeof d === 'number')) return undefined;
    return { shape: v.shape as number[], data: v.data };
  }
  /** Stack equal-shaped tensors along a new leading axis (np.array of a list of arrays). */
  export function stack(parts: Tensor[]): Tensor | undefined {
    if (parts.length === 0) return { shape: [0], data: new Float64Array(0) };
    const inner = parts[0].shape;
    if (!parts.every((p) => p.shape.length === inner.length && p.shape.every((d, i) => d === inner[i]))) return undefined;
    const n = size(inner);
    const data = new Float64Array(n * parts.length);
    parts.forEach((p, i) => data.set(p.data, i * n));
    return { shape: [parts.length, ...inner], data };
  }
  export function toValue(t: Tensor, scalarResult = false): ArrayValue {
    const v: ArrayValue = { kind: 'array', shape: [...t.shape], dtype: 'float64', data: t.data };
    if (scalarResult || t.shape.length === 0) v.scalar = true;
    return v;
  }
  export function sameShape(a: readonly number[], b: readonly number[]): boolean {
    return a.length === b.length && a.every((d, i) => d === b[i]);
  }
  /** numpy's repr of a shape: (4, 2), (3,), () */
  export function formatShape(s: readonly number[]): string {
    return s.length === 1 ? `(${s[0]},)` : `(${s.join(', ')})`;
  }
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (typeof v === 'object') return Array.isArray(v) ? 'a list' : 'an object';
  return `${typeof v} ${JSON.stringify(v)}`;
}
