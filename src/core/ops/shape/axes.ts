// Axis arguments as the shape ops read them: ints (with numpy's AxisError, optionally prefixed by
// the parameter name as np.swapaxes/np.moveaxis do), sequences of ints, and permutations.

import type { Value } from '../../values';
import { fail } from '../nd/common';

/** numpy's AxisError text; `prefix` is the parameter name numpy puts in front ("axis2: axis 2 is …"). */
export function axisOutOfRange(axis: number, ndim: number, prefix?: string): Error {
  const p = prefix ? `${prefix}: ` : '';
  return fail(
    'axis-out-of-range',
    `${p}axis ${axis} is out of bounds for array of dimension ${ndim}`,
    `${p}l'axe ${axis} est hors limites pour un tableau de dimension ${ndim}`,
    'AxisError',
  );
}

export function normAxis(axis: number, ndim: number, prefix?: string): number {
  if (axis < -ndim || axis >= ndim) throw axisOutOfRange(axis, ndim, prefix);
  return axis < 0 ? axis + ndim : axis;
}

function intOf(v: Value): number | undefined {
  if (v.kind === 'int') return v.value;
  if (v.kind === 'bool') return v.value === undefined ? undefined : v.value ? 1 : 0;
  if (v.kind === 'array' && v.shape?.length === 0 && v.dtype !== null && !v.dtype.startsWith('float')) return v.data?.[0];
  if (v.kind === 'float' || v.kind === 'array') {
    throw fail('type-error', `'float' object cannot be interpreted as an integer`, `un objet 'float' ne peut pas être interprété comme un entier`, 'TypeError');
  }
  return undefined;
}

/** Ints of an int-or-sequence argument; undefined when any is unknown. */
export function intList(v: Value): number[] | undefined {
  let items: Value[];
  if (v.kind === 'tuple' || v.kind === 'list') {
    if (v.items === null) return undefined;
    items = v.items;
  } else if (v.kind === 'array' && v.shape?.length === 1) {
    if (!v.data) return undefined;
    return Array.from(v.data);
  } else {
    items = [v];
  }
  const out: number[] = [];
  for (const it of items) {
    const n = intOf(it);
    if (n === undefined) return undefined;
    out.push(n);
  }
  return out;
}

/** A single int argument, undefined when unknown. */
export function intValue(v: Value | undefined): number | undefined {
  return v === undefined ? undefined : intOf(v);
}
