// The interpreter's own records behind FunctionValue.impl and ClassValue.impl: a user function
// with its closure and evaluated defaults, a method bound to its receiver, a class with its MRO.

import type { ClassValue, FunctionValue, Value } from '../values';
import type { FuncDef } from './context';
import type { Scope } from './scope';

export interface UserFunc {
  t: 'user';
  def: FuncDef;
  closure: Scope;
  /** evaluated default values by parameter name (evaluated once, at definition, as in Python) */
  defaults: Map<string, Value>;
  deco?: 'staticmethod' | 'classmethod' | 'property';
  /** the class whose body defined it (for zero-argument super()) */
  owner?: ClassValue;
}
export interface BoundFunc {
  t: 'bound';
  fn: FunctionValue;
  self: Value;
}
export type FuncImpl = UserFunc | BoundFunc;

export interface ClassImpl {
  bases: ClassValue[];
  /** names of built-in bases (Exception, object, nn.Module …) */
  builtinBases: string[];
  attrs: Map<string, Value>;
  /** true when a base is something the tracer cannot see into (unknown attributes are then not errors) */
  opaqueBase: boolean;
}

export const funcImpl = (f: FunctionValue): FuncImpl => f.impl as FuncImpl;
export const classImpl = (c: ClassValue): ClassImpl => c.impl as ClassImpl;

/** C3 is overkill for student code: depth-first, left to right, without duplicates. */
export function mro(c: ClassValue): ClassValue[] {
  const out: ClassValue[] = [];
  const visit = (k: ClassValue, depth: number): void => {
    if (depth > 50 || out.includes(k)) return;
    out.push(k);
    for (const b of classImpl(k).bases) visit(b, depth + 1);
  };
  visit(c, 0);
  return out;
}

export function classLookup(c: ClassValue, name: string): { value: Value; owner: ClassValue } | undefined {
  for (const k of mro(c)) {
    const v = classImpl(k).attrs.get(name);
    if (v !== undefined) return { value: v, owner: k };
  }
  return undefined;
}
