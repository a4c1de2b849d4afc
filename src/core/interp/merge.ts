// Joining two abstract values (the two arms of an `if` whose condition is unknown, loop
// iterations being widened): same shape stays, differing dims become symbols, differing values
// are dropped. Plus the structural equality the bindings recorder uses.

import { isDetermined } from '../ops/convert';
import { Dim, Shape } from '../shapes/dim';
import type { ArrayValue, L10nText, Value } from '../values';

export const WHY_BRANCHES: L10nText = {
  en: 'it differs between the branches or iterations the tracer could not decide',
  fr: 'elle diffère entre des branches ou itérations que le traceur ne peut pas trancher',
};

export function mergeShape(a: Shape | null, b: Shape | null, fresh: () => string): Shape | null {
  if (a === b) return a;
  if (!a || !b || a.length !== b.length) return null;
  let same = true;
  const out: Dim[] = new Array(a.length);
  for (let i = 0; i < a.length; i++) {
    if (Dim.equal(a[i], b[i])) out[i] = a[i];
    else {
      out[i] = Dim.sym(fresh());
      same = false;
    }
  }
  return same ? a : out;
}

export function dataEqual(a: Float64Array | undefined, b: Float64Array | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== y && !(x !== x && y !== y)) return false;
  }
  return true;
}

function mergeArrays(a: ArrayValue, b: ArrayValue, fresh: () => string): ArrayValue {
  const shape = mergeShape(a.shape, b.shape, fresh);
  const dtype = a.dtype === b.dtype ? a.dtype : null;
  const out: ArrayValue = { kind: 'array', shape, dtype };
  if (a.data && b.data && shape === a.shape && dtype && dataEqual(a.data, b.data)) out.data = a.data;
  if (a.scalar && b.scalar) out.scalar = true;
  if (!shape) out.why = a.why ?? b.why ?? WHY_BRANCHES;
  return out;
}

/** The join of two values. `fresh` names a new symbol for a dim that differs. */
export function mergeValue(a: Value, b: Value, fresh: () => string): Value {
  if (a === b) return a;
  if (a.kind !== b.kind) {
    const nums = ['int', 'float', 'bool'];
    if (nums.includes(a.kind) && nums.includes(b.kind)) {
      return a.kind === 'float' || b.kind === 'float' ? { kind: 'float' } : { kind: 'int' };
    }
    if (a.kind === 'unknown') return a;
    if (b.kind === 'unknown') return b;
    return { kind: 'unknown', why: WHY_BRANCHES };
  }
  switch (a.kind) {
    case 'array':
      return mergeArrays(a, b as ArrayValue, fresh);
    case 'int': {
      const y = b as typeof a;
      if (a.value !== undefined && a.value === y.value) return a;
      if (a.sym !== undefined && a.sym === y.sym) return a;
      // two different sizes: keep it as a symbol so shapes built from it stay symbolic
      if ((a.value !== undefined || a.sym !== undefined) && (y.value !== undefined || y.sym !== undefined)) {
        return { kind: 'int', sym: fresh() };
      }
      return { kind: 'int' };
    }
    case 'float':
    case 'bool':
    case 'str':
      return (a as { value?: unknown }).value === (b as { value?: unknown }).value ? a : { kind: a.kind } as Value;
    case 'list':
    case 'tuple': {
      const y = b as typeof a;
      if (a.items && y.items && a.items.length === y.items.length) {
        return { kind: a.kind, items: a.items.map((v, i) => mergeValue(v, y.items![i], fresh)) };
      }
      const elems = [...(a.items ?? (a.elem ? [a.elem] : [])), ...(y.items ?? (y.elem ? [y.elem] : []))];
      const elem = elems.length ? elems.reduce((p, c) => mergeValue(p, c, fresh)) : undefined;
      return elem ? { kind: a.kind, items: null, elem } : { kind: a.kind, items: null };
    }
    case 'dict': {
      const y = b as typeof a;
      if (!a.map || !y.map) return { kind: 'dict', map: null };
      const map = new Map(a.map);
      for (const [k, e] of y.map) {
        const o = map.get(k);
        map.set(k, o ? { key: o.key, value: mergeValue(o.value, e.value, fresh) } : e);
      }
      return { kind: 'dict', map };
    }
    case 'none':
    case 'ellipsis':
      return a;
    case 'module':
    case 'builtin':
      return a.name === (b as typeof a).name && (a as { self?: Value }).self === (b as { self?: Value }).self ? a : { kind: 'unknown', why: WHY_BRANCHES };
    case 'function':
    case 'class':
      return a.impl === (b as typeof a).impl ? a : { kind: 'unknown', why: WHY_BRANCHES };
    case 'instance':
      return a.cls === (b as typeof a).cls ? a : { kind: 'unknown', why: WHY_BRANCHES };
    default:
      return valuesEqual(a, b) ? a : { kind: 'unknown', why: WHY_BRANCHES };
  }
}

/** Structural equality of two determined values (false when either is not fully known). */
export function valuesEqual(a: Value, b: Value): boolean {
  if (a === b) return isDetermined(a);
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'array': {
      const y = b as ArrayValue;
      return !!a.shape && !!y.shape && Shape.equal(a.shape, y.shape) && a.dtype === y.dtype && !!a.data && dataEqual(a.data, y.data);
    }
    case 'int':
    case 'float':
    case 'bool':
    case 'str':
      return (a as { value?: unknown }).value !== undefined && (a as { value?: unknown }).value === (b as { value?: unknown }).value;
    case 'none':
    case 'ellipsis':
      return true;
    case 'list':
    case 'tuple': {
      const y = b as typeof a;
      return !!a.items && !!y.items && a.items.length === y.items.length && a.items.every((v, i) => valuesEqual(v, y.items![i]));
    }
    case 'dict': {
      const y = b as typeof a;
      if (!a.map || !y.map || a.map.size !== y.map.size) return false;
      for (const [k, e] of a.map) {
        const o = y.map.get(k);
        if (!o || !valuesEqual(e.value, o.value)) return false;
      }
      return true;
    }
    case 'range':
      return a.start !== undefined && a.start === (b as typeof a).start && a.stop === (b as typeof a).stop && a.step === (b as typeof a).step;
    default:
      return false;
  }
}

