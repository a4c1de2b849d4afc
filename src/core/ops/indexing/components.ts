// Reading a subscript the way numpy does: the index value (int, slice, None, Ellipsis, list, int or
// bool array, or a tuple of them) becomes a list of components, with numpy's IndexErrors for
// indices it rejects. Python lists are arrays (numpy ≥ 1.23), 0-d integer arrays are integers.

import type { ArrayValue, Value } from '../../values';
import { toArray } from '../convert';
import { fail } from '../nd/common';

/** One component of an index. `undefined` numbers are not determined by the program. */
export type Comp =
  | { k: 'int'; v?: number }
  /** null: the bound was None; undefined: not determined */
  | { k: 'slice'; start?: number | null; stop?: number | null; step?: number | null }
  | { k: 'new' }
  | { k: 'ell' }
  | { k: 'arr'; a: ArrayValue }
  | { k: 'bool'; a: ArrayValue };

export const indexTypeError = () =>
  fail(
    'index-type',
    'only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices',
    'seuls les entiers, les tranches (`:`), `...`, numpy.newaxis (`None`) et les tableaux d\'entiers ou de booléens sont des indices valides',
    'IndexError',
  );

function sliceBound(v: Value): number | null | undefined {
  if (v.kind === 'none') return null;
  if (v.kind === 'int') return v.value;
  if (v.kind === 'bool') return v.value === undefined ? undefined : v.value ? 1 : 0;
  if (v.kind === 'array' && v.shape?.length === 0 && v.dtype !== null && !v.dtype.startsWith('float')) return v.data?.[0];
  if (v.kind === 'unknown') return undefined;
  throw fail('index-type', 'slice indices must be integers or None or have an __index__ method',
    'les bornes d\'une tranche doivent être des entiers ou None', 'TypeError');
}

function fromArray(a: ArrayValue): Comp {
  if (a.dtype === 'bool') return { k: 'bool', a };
  if (a.dtype !== null && a.dtype.startsWith('float')) throw indexTypeError();
  // a 0-d integer array indexes like a Python int
  if (a.shape !== null && a.shape.length === 0) return { k: 'int', v: a.data?.[0] };
  return { k: 'arr', a };
}

function component(v: Value): Comp | undefined {
  switch (v.kind) {
    case 'int':
      return { k: 'int', v: v.value };
    case 'bool':
      return { k: 'bool', a: { kind: 'array', shape: [], dtype: 'bool', ...(v.value === undefined ? {} : { data: Float64Array.of(v.value ? 1 : 0) }) } };
    case 'none':
      return { k: 'new' };
    case 'ellipsis':
      return { k: 'ell' };
    case 'slice':
      return { k: 'slice', start: sliceBound(v.start), stop: sliceBound(v.stop), step: sliceBound(v.step) };
    case 'array':
      return fromArray(v);
    case 'list': {
      if (v.items === null) return { k: 'arr', a: { kind: 'array', shape: null, dtype: null } };
      // numpy makes an empty list an integer index array
      if (v.items.length === 0) return { k: 'arr', a: { kind: 'array', shape: [0], dtype: 'int64', data: new Float64Array(0) } };
      return fromArray(toArray(v));
    }
    case 'range':
      return fromArray(toArray(v));
    case 'unknown':
      return undefined;
    default:
      throw indexTypeError();
  }
}

/** The components of an index, or undefined when the index itself is not known (e.g. a tuple of unknown length). */
export function components(index: Value): Comp[] | undefined {
  const items = index.kind === 'tuple' ? index.items : [index];
  if (items === null) return undefined;
  const out: Comp[] = [];
  for (const it of items) {
    const c = component(it);
    if (!c) return undefined;
    out.push(c);
  }
  return out;
}

/** Python's slice.indices(n): the normalised start and step and the number of elements. */
export function sliceIndices(start: number | null, stop: number | null, step: number | null, n: number): { start: number; step: number; len: number } {
  const st = step ?? 1;
  if (st === 0) throw fail('index-type', 'slice step cannot be zero', "le pas d'une tranche ne peut pas être zéro");
  const lower = st > 0 ? 0 : -1;
  const upper = st > 0 ? n : n - 1;
  const norm = (x: number | null, dflt: number) => (x === null ? dflt : x < 0 ? Math.max(x + n, lower) : Math.min(x, upper));
  const s = norm(start, st > 0 ? lower : upper);
  const e = norm(stop, st > 0 ? upper : lower);
  const len = st > 0 ? (s < e ? Math.ceil((e - s) / st) : 0) : e < s ? Math.ceil((s - e) / -st) : 0;
  return { start: s, step: st, len };
}
