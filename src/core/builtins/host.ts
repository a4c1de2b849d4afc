// What a built-in function needs from the interpreter (calling back into user functions for
// `map`/`sorted(key=…)`, iterating, truthiness, numpy ops) and the table of built-ins by name.

import type { BinOp } from '../ir';
import type { Language } from '../types';
import type { Value } from '../values';

export interface Host {
  readonly language: Language;
  call(fn: Value, args: Value[], kwargs?: Map<string, Value>): Value;
  /** the items, or null when the iterable's length is not known */
  iterate(v: Value): Value[] | null;
  /** what one element of an iterable of unknown length is */
  elemOf(v: Value): Value;
  truth(v: Value): boolean | undefined;
  binary(op: BinOp, a: Value, b: Value): Value;
  /** a numpy op from the registry (unknown with a reason when missing) */
  op(name: string, args: Value[], kwargs?: Map<string, Value>, self?: Value): Value;
  /** call before mutating a list / dict / set in place */
  touch(obj: object): void;
  getAttr(obj: Value, name: string): Value;
  setAttr(obj: Value, name: string, v: Value): void;
  fresh(): string;
}

type BuiltinFn = (h: Host, self: Value | undefined, args: Value[], kwargs: Map<string, Value>) => Value;

const table = new Map<string, BuiltinFn>();

export function defineBuiltin(name: string, fn: BuiltinFn): void {
  table.set(name, fn);
}

export function findBuiltin(name: string): BuiltinFn | undefined {
  return table.get(name);
}

export const str = (value?: string): Value => ({ kind: 'str', value });
export const int = (value?: number): Value => ({ kind: 'int', value });
export const float = (value?: number): Value => ({ kind: 'float', value });
export const bool = (value?: boolean): Value => ({ kind: 'bool', value });
export const list = (items: Value[] | null, elem?: Value): Value => (elem ? { kind: 'list', items, elem } : { kind: 'list', items });
export const tuple = (items: Value[] | null, elem?: Value): Value => (elem ? { kind: 'tuple', items, elem } : { kind: 'tuple', items });
export const NONE: Value = { kind: 'none' };

/** A Python number from a numpy scalar / 0-d or size-1 array with data, else undefined. */
export function scalarOf(v: Value): number | undefined {
  if (v.kind === 'int' || v.kind === 'float') return v.value;
  if (v.kind === 'bool') return v.value === undefined ? undefined : v.value ? 1 : 0;
  if (v.kind === 'array' && v.data && v.data.length === 1) return v.data[0];
  return undefined;
}
