// Distribution parameters (loc/scale, low/high) as numpy's `cont` reads them: scalars or arrays
// broadcast against each other and against `size`, with numpy's errors for shapes that do not fit.

import { Shape } from '../../shapes/dim';
import type { Value } from '../../values';
import { toArray } from '../convert';
import type { OpCall } from '../types';
import { arg } from '../args';
import { valueError, type Size } from './common';

export interface Param {
  /** null when unknown */
  shape: readonly number[] | null;
  data?: Float64Array;
}

/** A parameter argument (default when absent). */
export function paramArg(call: OpCall, index: number, name: string, dflt: number): Param {
  const v = arg(call, index, name);
  if (v === undefined || v.kind === 'none') return { shape: [], data: Float64Array.of(dflt) };
  return paramOf(v);
}

export function paramOf(v: Value): Param {
  if (v.kind === 'unknown') return { shape: null };
  const a = toArray(v);
  if (!a.shape || !Shape.isConcrete(a.shape)) return { shape: null };
  return { shape: a.shape, data: a.data };
}

/** numpy's broadcast of several shapes, or its ValueError. */
export function broadcastShapes(shapes: (readonly number[])[]): number[] {
  const nd = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(nd).fill(1);
  /** which argument set each output dim (for numpy's message) */
  const from = new Array<number>(nd).fill(0);
  shapes.forEach((s, j) => {
    for (let k = 0; k < s.length; k++) {
      const i = nd - s.length + k;
      const d = s[k];
      if (out[i] === 1) {
        out[i] = d;
        from[i] = j;
      } else if (d !== 1 && d !== out[i]) {
        const a = `arg ${from[i]} with shape ${Shape.format(shapes[from[i]])}`;
        const b = `arg ${j} with shape ${Shape.format(s)}`;
        throw valueError(
          'broadcast-mismatch',
          `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between ${a} and ${b}.`,
          `formes incompatibles : impossible de diffuser vers une même forme (${a} contre ${b}).`,
        );
      }
    }
  });
  return out;
}

/**
 * The output shape of a draw with these parameters: `size` when given (the parameters must
 * broadcast to it exactly), else their broadcast; `{ none: true }` when every parameter is a
 * scalar and size is None (numpy then returns a Python float). Undefined when unknown.
 */
export function outputSize(size: Size, params: Param[]): Size | undefined {
  if (params.some((p) => p.shape === null)) {
    if (!size.none) return size;
    return undefined;
  }
  const shapes = params.map((p) => p.shape as readonly number[]);
  const b = broadcastShapes(shapes);
  if (size.none) return b.length === 0 ? { none: true } : { none: false, shape: b };
  if (!Shape.isConcrete(size.shape)) return size;
  const s = size.shape;
  const all = broadcastShapes([s, ...shapes]);
  if (!Shape.equal(all, s)) {
    throw valueError(
      'broadcast-mismatch',
      `Output size ${Shape.format(s)} is not compatible with broadcast dimensions of inputs ${Shape.format(b)}.`,
      `La taille de sortie ${Shape.format(s)} n'est pas compatible avec la diffusion des paramètres ${Shape.format(b)}.`,
    );
  }
  return size;
}

/** Element `i` (C order) of a parameter broadcast to `out`. */
export function paramAt(p: Param, out: readonly number[], i: number): number {
  const data = p.data as Float64Array;
  if (data.length === 1) return data[0];
  const shape = p.shape as readonly number[];
  let idx = 0;
  let stride = 1;
  let rest = i;
  const off = out.length - shape.length;
  const coords = new Array<number>(out.length);
  for (let k = out.length - 1; k >= 0; k--) {
    coords[k] = rest % out[k];
    rest = Math.floor(rest / out[k]);
  }
  for (let k = shape.length - 1; k >= 0; k--) {
    if (shape[k] !== 1) idx += coords[k + off] * stride;
    stride *= shape[k];
  }
  return data[idx];
}
