// Helpers of the TypeScript tests: a traced JS array (a list of numbers) as the ArrayValue the
// shared golden comparator understands, and a closeness check on JSON values.
import { jsShapeOf } from '../../../src/core/interp/tsShapes';
import type { Value } from '../../../src/core/values';

/** A rectangular list of known numbers/booleans becomes an array with data; anything else is left as is. */
export function comparableValue(v: Value | undefined): Value | undefined {
  if (!v || v.kind !== 'list') return v;
  const { shape, dtype } = jsShapeOf(v);
  if (!shape || !shape.every((d) => typeof d === 'number')) return undefined;
  const out: number[] = [];
  const walk = (x: Value): boolean => {
    if (x.kind === 'list') return !!x.items && x.items.every(walk);
    if (x.kind === 'float' || x.kind === 'int') {
      if (x.value === undefined) return false;
      out.push(x.value);
      return true;
    }
    if (x.kind === 'bool') {
      if (x.value === undefined) return false;
      out.push(x.value ? 1 : 0);
      return true;
    }
    return false;
  };
  if (!walk(v)) return undefined;
  return { kind: 'array', shape, dtype, data: Float64Array.from(out) };
}

/** Same structure, numbers within `rel` (absolute 1e-15 near zero), strings/booleans equal. */
export function valuesClose(a: unknown, b: unknown, rel: number): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => valuesClose(x, b[i], rel));
  }
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= Math.max(1e-15, rel * Math.abs(b));
  return a === b;
}
