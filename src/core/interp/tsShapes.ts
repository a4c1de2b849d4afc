// What a TypeScript binding shows as shape and dtype: a JS number is a 0-d float64, a rectangular
// nested `number[][]` has its nested lengths as shape (as the TS oracle measures it), a mathjs
// Matrix its size(); anything else (strings, objects, ragged arrays) has no shape.

import type { Shape } from '../shapes/dim';
import type { DType, Value } from '../values';

const MAX_DEPTH = 8;

/** Nested lengths of a rectangular array of numbers/booleans; null when ragged, unknown or not numeric. */
function nestedShape(v: Value, depth: number): number[] | null {
  if (v.kind === 'float' || v.kind === 'int' || v.kind === 'bool') return [];
  if (v.kind !== 'list' || !v.items || depth > MAX_DEPTH) return null;
  if (v.items.length === 0) return [0];
  const inner = nestedShape(v.items[0], depth + 1);
  if (!inner) return null;
  for (let i = 1; i < v.items.length; i++) {
    const s = nestedShape(v.items[i], depth + 1);
    if (!s || s.length !== inner.length || s.some((d, k) => d !== inner[k])) return null;
  }
  return [v.items.length, ...inner];
}

/** The dtype node reports: that of the first leaf (booleans 'bool', numbers and empty arrays 'float64'). */
function leafDtype(v: Value): DType {
  let x: Value | undefined = v;
  while (x && x.kind === 'list') x = x.items?.[0];
  return x?.kind === 'bool' ? 'bool' : 'float64';
}

export function jsShapeOf(v: Value): { shape: Shape | null; dtype: DType | null } {
  switch (v.kind) {
    case 'array':
      return { shape: v.shape, dtype: v.dtype ?? 'float64' };
    case 'float':
    case 'int':
      return { shape: [], dtype: 'float64' };
    case 'bool':
      return { shape: [], dtype: 'bool' };
    case 'list': {
      const shape = nestedShape(v, 0);
      return shape ? { shape, dtype: leafDtype(v) } : { shape: null, dtype: null };
    }
    default:
      return { shape: null, dtype: null };
  }
}
