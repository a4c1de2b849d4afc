// The abstract values the interpreter computes. An array always has a shape (possibly symbolic,
// or null when even its rank is unknown) and, when the program determines it, its data.
// Scalars of Python (int/float/bool) are kept apart from numpy arrays because numpy's casting
// treats them as "weak" (value-based) operands.

import { Dim, type Shape } from './shapes/dim';

export type DType =
  | 'bool'
  | 'int8' | 'int16' | 'int32' | 'int64'
  | 'uint8' | 'uint16' | 'uint32' | 'uint64'
  | 'float16' | 'float32' | 'float64';

/** Text in both languages of the product. */
export interface L10nText {
  en: string;
  fr: string;
}

export interface ArrayValue {
  kind: 'array';
  /** null when even the rank is unknown */
  shape: Shape | null;
  /** null when unknown */
  dtype: DType | null;
  /** row-major elements (bool as 0/1) when determined; absent otherwise. Never longer than the size bound. */
  data?: Float64Array;
  /** a numpy scalar (np.float64(…), the result of a full reduction), printed without brackets */
  scalar?: boolean;
  /** why the shape or the value is unknown, for the "info: shape unknown because …" hint */
  why?: L10nText;
}

/** `sym`: an int only known symbolically, as a dim ('n', 'd_model//h'), e.g. from `n, d = X.shape` */
export interface IntValue { kind: 'int'; value?: number; sym?: string }
export interface FloatValue { kind: 'float'; value?: number }
export interface BoolValue { kind: 'bool'; value?: boolean }
export interface StrValue { kind: 'str'; value?: string }
export interface NoneValue { kind: 'none' }
export interface EllipsisValue { kind: 'ellipsis' }
/** items null: a list/tuple of unknown length; `elem` then describes every element when known */
export interface ListValue { kind: 'list'; items: Value[] | null; elem?: Value }
export interface TupleValue { kind: 'tuple'; items: Value[] | null; elem?: Value }
/** keys hashed by `Value.key`; map null: unknown contents */
export interface DictValue { kind: 'dict'; map: Map<string, { key: Value; value: Value }> | null }
export interface SetValue { kind: 'set'; map: Map<string, Value> | null }
export interface RangeValue { kind: 'range'; start?: number; stop?: number; step?: number }
export interface SliceValue { kind: 'slice'; start: Value; stop: Value; step: Value }
export interface ModuleValue { kind: 'module'; name: string }
/** a built-in function, or a method bound to `self` ('ndarray.reshape', 'list.append', 'np.zeros', 'len') */
export interface BuiltinValue { kind: 'builtin'; name: string; self?: Value }
/** a user function or lambda; `impl` is the interpreter's own record (definition, closure) */
export interface FunctionValue { kind: 'function'; name: string; impl: unknown }
export interface ClassValue { kind: 'class'; name: string; impl: unknown }
export interface InstanceValue { kind: 'instance'; cls: ClassValue; attrs: Map<string, Value> }
/** a random generator object: legacy RandomState or Generator(PCG64); state owned by src/core/random */
export interface RngValue { kind: 'rng'; generator: 'RandomState' | 'Generator'; state: unknown }
export interface UnknownValue { kind: 'unknown'; why?: L10nText }

export type Value =
  | ArrayValue | IntValue | FloatValue | BoolValue | StrValue | NoneValue | EllipsisValue
  | ListValue | TupleValue | DictValue | SetValue | RangeValue | SliceValue
  | ModuleValue | BuiltinValue | FunctionValue | ClassValue | InstanceValue | RngValue | UnknownValue;

/** JSON form of a value in the CLI contract: nested arrays, booleans, non-finite numbers as strings. */
export type JsonValue = number | boolean | string | null | JsonValue[] | { [k: string]: JsonValue };

export namespace Value {
  export const unknown = (why?: L10nText): UnknownValue => ({ kind: 'unknown', why });
  export const none: NoneValue = { kind: 'none' };
  export function int(value?: number): IntValue {
    return { kind: 'int', value };
  }
  export function float(value?: number): FloatValue {
    return { kind: 'float', value };
  }
  export function array(shape: Shape | null, dtype: DType | null, data?: Float64Array): ArrayValue {
    return data === undefined ? { kind: 'array', shape, dtype } : { kind: 'array', shape, dtype, data };
  }
  /** A Python int used as a dim (shape tuples, reshape arguments): number, symbol, or undefined. */
  export function toDim(v: Value): Dim | undefined {
    if (v.kind === 'int') return v.value !== undefined ? v.value : v.sym !== undefined ? Dim.sym(v.sym) : undefined;
    if (v.kind === 'bool') return v.value === undefined ? undefined : v.value ? 1 : 0;
    return undefined;
  }
  /** The Python int for a dim (what `X.shape[0]` gives). */
  export function fromDim(d: Dim): IntValue {
    return typeof d === 'number' ? { kind: 'int', value: d } : { kind: 'int', sym: d.name };
  }
  export function isNumeric(v: Value): v is ArrayValue | IntValue | FloatValue | BoolValue {
    return v.kind === 'array' || v.kind === 'int' || v.kind === 'float' || v.kind === 'bool';
  }
  /** A hashable key for dict/set lookups, or undefined when the value is not known well enough. */
  export function key(v: Value): string | undefined {
    switch (v.kind) {
      case 'int':
      case 'float':
        return v.value === undefined ? undefined : `n:${v.value}`;
      case 'bool':
        return v.value === undefined ? undefined : `n:${v.value ? 1 : 0}`;
      case 'str':
        return v.value === undefined ? undefined : `s:${v.value}`;
      case 'none':
        return 'none';
      case 'tuple': {
        if (!v.items) return undefined;
        const parts = v.items.map(key);
        return parts.some((p) => p === undefined) ? undefined : `t:(${parts.join(',')})`;
      }
      default:
        return undefined;
    }
  }
}

/** Format a float as the contract's JSON: finite numbers as is, non-finite as strings. */
export function jsonNumber(x: number): number | string {
  if (Number.isFinite(x)) return x;
  return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
}
