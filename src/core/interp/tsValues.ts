// JavaScript's conversions on the interpreter's values, for the TypeScript front end: ToNumber,
// ToInt32/ToUint32 (bitwise operators, `>>>`), ToString (template strings, `+` with a string),
// ToBoolean and `typeof`. Every number of a TypeScript program is a float64 (kind 'float').

import type { Value } from '../values';
import { funcImpl } from './model';

/** A JS number as the interpreter's value (ints never appear in TypeScript programs). */
export const num = (value?: number): Value => ({ kind: 'float', value });
export const jsStr = (value?: string): Value => ({ kind: 'str', value });
export const jsBool = (value?: boolean): Value => ({ kind: 'bool', value });

/** ToNumber(v), undefined when the value is not known (or has no number, e.g. a function: NaN). */
export function toNumber(v: Value): number | undefined {
  switch (v.kind) {
    case 'float':
    case 'int':
      return v.value;
    case 'bool':
      return v.value === undefined ? undefined : v.value ? 1 : 0;
    case 'none':
      // null → 0 and undefined → NaN: the IR merges them; `undefined` is what students meet
      return NaN;
    case 'str': {
      if (v.value === undefined) return undefined;
      return Number(v.value);
    }
    case 'list': {
      // [] → 0, [x] → ToNumber(String(x)), longer → NaN
      if (!v.items) return undefined;
      const s = toJsString(v);
      return s === undefined ? undefined : Number(s);
    }
    case 'unknown':
    case 'array':
      return undefined;
    default:
      return NaN;
  }
}

export function toInt32(x: number): number {
  return x | 0;
}

export function toUint32(x: number): number {
  return x >>> 0;
}

/** String(v) as JavaScript prints it (numbers as `1`, not Python's `1.0`). */
export function toJsString(v: Value, depth = 0): string | undefined {
  if (depth > 20) return undefined;
  switch (v.kind) {
    case 'float':
    case 'int':
      return v.value === undefined ? undefined : String(v.value);
    case 'bool':
      return v.value === undefined ? undefined : String(v.value);
    case 'str':
      return v.value;
    case 'none':
      return 'undefined';
    case 'list':
    case 'tuple': {
      if (!v.items) return undefined;
      const parts: string[] = [];
      for (const x of v.items) {
        // null/undefined elements print as empty strings in Array.prototype.join
        if (x.kind === 'none') {
          parts.push('');
          continue;
        }
        const s = toJsString(x, depth + 1);
        if (s === undefined) return undefined;
        parts.push(s);
      }
      return parts.join(',');
    }
    case 'dict':
    case 'instance':
      return '[object Object]';
    default:
      return undefined;
  }
}

/** ToBoolean: JavaScript's truthiness (an empty array or object is truthy, NaN is falsy). */
export function jsTruthy(v: Value): boolean | undefined {
  switch (v.kind) {
    case 'float':
    case 'int':
      return v.value === undefined ? undefined : v.value !== 0 && !Number.isNaN(v.value);
    case 'bool':
      return v.value;
    case 'str':
      return v.value === undefined ? undefined : v.value.length > 0;
    case 'none':
      return false;
    case 'unknown':
      return undefined;
    default:
      return true;
  }
}

/** `typeof v`. */
export function jsTypeof(v: Value): string | undefined {
  switch (v.kind) {
    case 'float':
    case 'int':
      return 'number';
    case 'bool':
      return 'boolean';
    case 'str':
      return 'string';
    case 'none':
      return 'undefined';
    case 'function':
    case 'builtin':
    case 'class':
      return 'function';
    case 'unknown':
      return undefined;
    default:
      return 'object';
  }
}

/**
 * A user function's `length` as JavaScript counts it (the parameters before the first one with a
 * default or the rest one) and whether it has a rest parameter — mathjs' multi-collection map
 * decides from these what to pass its callback. Undefined for built-ins.
 */
export function jsArity(fn: Value): { length: number; rest: boolean } | undefined {
  if (fn.kind !== 'function') return undefined;
  const impl = funcImpl(fn);
  if (impl.t !== 'user') return undefined;
  const params = impl.def.params;
  const first = params.findIndex((p) => p.default !== undefined || p.kind !== 'normal');
  return { length: first < 0 ? params.length : first, rest: params.some((p) => p.kind === 'star') };
}
