// Iterating a value the way `for x in v` would: lists, tuples, strings, ranges, dict keys, sets,
// and arrays row by row (each row through op.getitem, so it is a view as in numpy).

import { typeError } from '../builtins/errors';
import { pyTypeName } from '../builtins/pynum';
import { rangeItems, rangeLen } from '../builtins/pyops';
import type { Value } from '../values';
import type { Interp } from './context';
import { callOp, NO_KWARGS, type CallSite } from './dispatch';
import { mergeValue } from './merge';
import { noteView } from './views';

/** Longest iterable materialised item by item; longer ones are iterated abstractly. */
const MAX_ITEMS = 100_000;

export function iterate(it: Interp, v: Value, site: CallSite): Value[] | null {
  switch (v.kind) {
    case 'list':
    case 'tuple':
      return v.items;
    case 'str':
      return v.value === undefined ? null : [...v.value].map((c) => ({ kind: 'str', value: c }));
    case 'range': {
      const n = rangeLen(v);
      if (n === undefined || n > MAX_ITEMS) return null;
      return rangeItems(v)!.map((x) => ({ kind: 'int', value: x }));
    }
    case 'dict':
      return v.map ? [...v.map.values()].map((e) => e.key) : null;
    case 'set':
      return v.map ? [...v.map.values()] : null;
    case 'array': {
      if (!v.shape) return null;
      if (v.shape.length === 0) throw typeError('iteration over a 0-d array', "itération sur un tableau 0-d (un scalaire) impossible");
      const n = v.shape[0];
      if (typeof n !== 'number' || n > MAX_ITEMS) return null;
      const rows: Value[] = [];
      for (let i = 0; i < n; i++) {
        const idx: Value = { kind: 'int', value: i };
        const r = callOp(it, 'op.getitem', [v, idx], NO_KWARGS, undefined, site);
        noteView(v, idx, r);
        rows.push(r);
      }
      return rows;
    }
    case 'int':
    case 'float':
    case 'bool':
    case 'none':
    case 'function':
    case 'class':
      throw typeError(`'${pyTypeName(v)}' object is not iterable`, `l'objet '${pyTypeName(v)}' n'est pas itérable`);
    default:
      return null;
  }
}

/** One element of an iterable whose items are not all known. */
export function elemOf(it: Interp, v: Value, site: CallSite): Value {
  switch (v.kind) {
    case 'list':
    case 'tuple':
      if (v.items) return v.items.length ? v.items.slice(0, 64).reduce((a, b) => mergeValue(a, b, it.freshSym)) : { kind: 'unknown' };
      return v.elem ?? { kind: 'unknown' };
    case 'str':
      return { kind: 'str' };
    case 'range':
      return { kind: 'int' };
    case 'array': {
      if (!v.shape || v.shape.length === 0) return { kind: 'array', shape: null, dtype: v.dtype };
      const row = { kind: 'array' as const, shape: v.shape.slice(1), dtype: v.dtype };
      if (v.shape.length === 1) return { ...row, scalar: true };
      void site;
      return row;
    }
    case 'dict':
      return v.map && v.map.size ? [...v.map.values()].map((e) => e.key).reduce((a, b) => mergeValue(a, b, it.freshSym)) : { kind: 'unknown' };
    default:
      return { kind: 'unknown', why: v.kind === 'unknown' ? v.why : undefined };
  }
}
