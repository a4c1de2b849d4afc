// Property and element access with JavaScript's rules, for the TypeScript front end: `.length`,
// array/string/number methods (bound built-ins 'js.Array.map', 'js.String.split', …), object
// literals as property bags, mathjs Matrix methods ('math.Matrix.toArray'), and `xs[i]` where an
// index out of range is `undefined` (never an error) and `xs[n] = v` grows the array.

import { findBuiltin } from '../builtins/host';
import type { Value } from '../values';
import type { Interp } from './context';
import { mergeValue } from './merge';
import { jsStr, num, toJsString, toNumber } from './tsValues';

const UNDEFINED: Value = { kind: 'none' };

/** Static members of the JS globals modelled as built-ins (Number.EPSILON, …). */
const STATIC_CONSTANTS: Record<string, Record<string, number>> = {
  'js.Number': {
    EPSILON: Number.EPSILON, MAX_SAFE_INTEGER: Number.MAX_SAFE_INTEGER, MIN_SAFE_INTEGER: Number.MIN_SAFE_INTEGER,
    MAX_VALUE: Number.MAX_VALUE, MIN_VALUE: Number.MIN_VALUE, POSITIVE_INFINITY: Infinity, NEGATIVE_INFINITY: -Infinity, NaN: NaN,
  },
};

/** mathjs Matrix members the tracer models (each an op 'math.Matrix.<name>'). */
const MATRIX_METHODS = new Set(['toArray', 'valueOf', 'size', 'map', 'forEach', 'get', 'clone', 'subset', 'reshape', 'resize', 'toJSON', 'storage', 'datatype', 'density']);

/** A built-in named `prefix + sep + name` bound to `self` ('js.Array#map' for methods, 'js.Array.from' for statics). */
function method(prefix: string, name: string, self: Value, sep = '#'): Value | undefined {
  const key = `${prefix}${sep}${name}`;
  return findBuiltin(key) ? { kind: 'builtin', name: key, self } : undefined;
}

/** `obj.name` in TypeScript, or undefined to let the shared (class/module) logic answer. */
export function tsGetAttr(obj: Value, name: string): Value | undefined {
  switch (obj.kind) {
    case 'list':
    case 'tuple':
      if (name === 'length') return num(obj.items ? obj.items.length : undefined);
      return method('js.Array', name, obj) ?? { kind: 'unknown', why: { en: `Array.prototype.${name} is not modelled`, fr: `Array.prototype.${name} n'est pas modélisé` } };
    case 'str':
      if (name === 'length') return num(obj.value === undefined ? undefined : obj.value.length);
      return method('js.String', name, obj) ?? { kind: 'unknown' };
    case 'float':
    case 'int':
    case 'bool':
      return method('js.Number', name, obj) ?? { kind: 'unknown' };
    case 'dict': {
      if (!obj.map) return { kind: 'unknown' };
      const e = obj.map.get(`s:${name}`);
      if (e) return e.value;
      return method('js.Object', name, obj) ?? UNDEFINED;
    }
    case 'array':
      if (MATRIX_METHODS.has(name)) return { kind: 'builtin', name: `math.Matrix.${name}`, self: obj };
      return UNDEFINED;
    case 'builtin': {
      const c = STATIC_CONSTANTS[obj.name]?.[name];
      if (c !== undefined) return num(c);
      if (obj.name.startsWith('js.') && !obj.self) return method(obj.name, name, obj, '.') ?? { kind: 'unknown' };
      return undefined;
    }
    case 'none':
      // `undefined.x` throws in JavaScript, but optional chaining (`a?.x`) reaches here too
      return { kind: 'unknown' };
    case 'function':
      if (name === 'name') return jsStr(obj.name);
      return { kind: 'unknown' };
    default:
      return undefined;
  }
}

/** `obj.name = v` in TypeScript; false to let the shared logic handle it (instances, classes). */
export function tsSetAttr(it: Interp, obj: Value, name: string, v: Value): boolean {
  if (obj.kind === 'dict') {
    it.heap.touch(obj);
    if (obj.map) obj.map.set(`s:${name}`, { key: jsStr(name), value: v });
    return true;
  }
  if (obj.kind === 'list' && name === 'length') {
    const n = toNumber(v);
    it.heap.touch(obj);
    if (obj.items && n !== undefined && Number.isInteger(n) && n >= 0) {
      if (n < obj.items.length) obj.items.length = n;
      else while (obj.items.length < n) obj.items.push(UNDEFINED);
    } else obj.items = null;
    return true;
  }
  return obj.kind !== 'instance' && obj.kind !== 'class';
}

function joinAll(it: Interp, items: Value[]): Value {
  if (items.length === 0) return UNDEFINED;
  let acc = items[0];
  for (let i = 1; i < Math.min(items.length, 64); i++) acc = mergeValue(acc, items[i], it.freshSym);
  return acc;
}

/** An array index: the integer, 'unknown', or 'key' when the index is a property name instead. */
function arrayIndex(idx: Value): number | 'unknown' | 'key' {
  if (idx.kind === 'float' || idx.kind === 'int') {
    if (idx.value === undefined) return 'unknown';
    return Number.isInteger(idx.value) && idx.value >= 0 ? idx.value : 'key';
  }
  if (idx.kind === 'str') {
    if (idx.value === undefined) return 'unknown';
    const n = Number(idx.value);
    return idx.value !== '' && Number.isInteger(n) && n >= 0 && String(n) === idx.value ? n : 'key';
  }
  return idx.kind === 'unknown' ? 'unknown' : 'key';
}

/** `obj[idx]` in TypeScript, or undefined to fall back on the shared logic. */
export function tsGetIndex(it: Interp, obj: Value, idx: Value): Value | undefined {
  switch (obj.kind) {
    case 'list':
    case 'tuple': {
      const i = arrayIndex(idx);
      if (i === 'key') {
        const k = toJsString(idx);
        return k === 'length' ? num(obj.items?.length) : UNDEFINED;
      }
      if (!obj.items) return obj.elem ?? { kind: 'unknown' };
      if (i === 'unknown') return joinAll(it, obj.items);
      return i < obj.items.length ? obj.items[i] : UNDEFINED;
    }
    case 'str': {
      const i = arrayIndex(idx);
      if (obj.value === undefined || i === 'unknown') return jsStr();
      if (i === 'key') return toJsString(idx) === 'length' ? num(obj.value.length) : UNDEFINED;
      return i < obj.value.length ? jsStr(obj.value[i]) : UNDEFINED;
    }
    case 'dict': {
      const k = toJsString(idx);
      if (!obj.map) return { kind: 'unknown' };
      if (k === undefined) return joinAll(it, [...obj.map.values()].map((e) => e.value));
      return obj.map.get(`s:${k}`)?.value ?? UNDEFINED;
    }
    case 'instance': {
      const k = toJsString(idx);
      if (k === undefined) return { kind: 'unknown' };
      return obj.attrs.get(k) ?? undefined;
    }
    case 'array':
      // a mathjs Matrix has no numeric properties: M[i] is undefined (use M.get([i, j]) or subset)
      return UNDEFINED;
    case 'none':
      return { kind: 'unknown' };
    default:
      return undefined;
  }
}

/** `obj[idx] = v` in TypeScript; false to fall back on the shared logic. */
export function tsSetIndex(it: Interp, obj: Value, idx: Value, v: Value): boolean {
  switch (obj.kind) {
    case 'list': {
      const i = arrayIndex(idx);
      if (i === 'key') return true;
      it.heap.touch(obj);
      if (!obj.items) {
        obj.elem = obj.elem ? mergeValue(obj.elem, v, it.freshSym) : v;
        return true;
      }
      if (i === 'unknown') {
        obj.elem = mergeValue(obj.items[0] ?? v, v, it.freshSym);
        obj.items = null;
        return true;
      }
      while (obj.items.length < i) obj.items.push(UNDEFINED);
      obj.items[i] = v;
      return true;
    }
    case 'dict': {
      const k = toJsString(idx);
      it.heap.touch(obj);
      if (!obj.map) return true;
      if (k === undefined) obj.map = null;
      else obj.map.set(`s:${k}`, { key: jsStr(k), value: v });
      return true;
    }
    case 'instance': {
      const k = toJsString(idx);
      if (k !== undefined) it.heap.set(obj.attrs, k, v);
      return true;
    }
    case 'array':
    case 'str':
    case 'none':
    case 'unknown':
      // writes the tracer cannot see (or that JavaScript ignores) change nothing it models
      return true;
    default:
      return false;
  }
}
