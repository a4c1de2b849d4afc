// numpy broadcasting: the shape rule (concrete and symbolic dims) and the index maps evaluators use
// to read broadcast operands without materialising them. "Unknown is not wrong": only a mismatch
// between two known sizes (neither 1) is an error, raised with numpy's own message.

import { NumpyError } from '../diagnostics';
import { Dim, Shape } from './dim';
import { gather, stridedOffsets } from './strided';

/** numpy's compact shape text in broadcast errors: (4,2) (3,) () — no spaces, unlike repr. */
export function compactShape(s: Shape): string {
  if (s.length === 1) return `(${Dim.format(s[0])},)`;
  return `(${s.map(Dim.format).join(',')})`;
}

export function broadcastError(shapes: readonly Shape[]): NumpyError {
  const list = shapes.map(compactShape).join(' ');
  return new NumpyError(
    'broadcast-mismatch',
    {
      en: `operands could not be broadcast together with shapes ${list} `,
      fr: `impossible de diffuser (broadcast) les opérandes ensemble : formes ${list}`,
    },
    { pyType: 'ValueError' },
  );
}

/**
 * One output dim from two aligned input dims, or undefined when they certainly clash.
 * 1 vs x → x; equal → it; known n vs symbol → n (the symbol must be 1 or n at run time);
 * two different symbols → the first (we cannot tell which, and never call it wrong).
 */
function joinDim(a: Dim, b: Dim): Dim | undefined {
  if (a === 1) return b;
  if (b === 1) return a;
  if (typeof a === 'number' && typeof b === 'number') return a === b ? a : undefined;
  if (typeof a === 'number') return a;
  if (typeof b === 'number') return b;
  return a;
}

/** The broadcast shape of several operands; throws numpy's ValueError on a certain mismatch. */
export function broadcastMany(shapes: readonly Shape[]): Shape {
  let rank = 0;
  for (const s of shapes) rank = Math.max(rank, s.length);
  const out: Dim[] = new Array(rank).fill(1);
  for (const s of shapes) {
    const off = rank - s.length;
    for (let i = 0; i < s.length; i++) {
      const d = joinDim(out[off + i], s[i]);
      if (d === undefined) throw broadcastError(shapes);
      out[off + i] = d;
    }
  }
  return out;
}

export function broadcastShapes(a: Shape, b: Shape): Shape {
  return broadcastMany([a, b]);
}

/** Like broadcastMany, but any unknown (null) shape makes the result unknown (never an error). */
export function broadcastOrNull(shapes: readonly (Shape | null)[]): Shape | null {
  if (shapes.some((s) => s === null)) return null;
  return broadcastMany(shapes as Shape[]);
}

/**
 * Strides (in elements) to read an operand of concrete shape `inShape` as if broadcast to
 * `outShape`: 0 along broadcast (size-1 or missing) axes, so the same element is re-read.
 */
export function broadcastStrides(inShape: readonly number[], outShape: readonly number[]): number[] {
  const st = new Array<number>(outShape.length).fill(0);
  const off = outShape.length - inShape.length;
  let acc = 1;
  for (let i = inShape.length - 1; i >= 0; i--) {
    st[off + i] = inShape[i] === 1 ? 0 : acc;
    acc *= inShape[i];
  }
  return st;
}

/**
 * For each element of `outShape` (row-major), the flat index of the element of the operand of
 * shape `inShape` that broadcasting reads (a strided walk with stride 0 on stretched axes).
 * Returns null when no mapping is needed (same size and shape); a size-1 operand maps to all zeros.
 */
export function broadcastIndexer(inShape: readonly number[], outShape: readonly number[]): Int32Array | null {
  const n = outShape.reduce((p, d) => p * d, 1);
  const inSize = inShape.reduce((p, d) => p * d, 1);
  if (inSize === n && inShape.length <= outShape.length && sameTail(inShape, outShape)) return null;
  if (inSize === 1 || n === 0) return new Int32Array(n);
  return stridedOffsets(outShape, broadcastStrides(inShape, outShape));
}

function sameTail(inShape: readonly number[], outShape: readonly number[]): boolean {
  const off = outShape.length - inShape.length;
  for (let i = 0; i < inShape.length; i++) if (inShape[i] !== outShape[off + i]) return false;
  return true;
}

/** Materialise `data` (shape inShape) broadcast to outShape (np.broadcast_to(...).copy()). */
export function broadcastData(data: Float64Array, inShape: readonly number[], outShape: readonly number[]): Float64Array {
  const idx = broadcastIndexer(inShape, outShape);
  return idx === null ? data.slice() : gather(data, idx);
}
