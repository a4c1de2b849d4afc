// The interpreter seen from the built-in functions (src/core/builtins/host.ts): calling back
// into user code for map/sorted(key=…), iterating, truthiness, operators and numpy ops.

import type { Host } from '../builtins/host';
import type { Value } from '../values';
import { getAttr, setAttr } from './attrs';
import { callValue } from './calls';
import type { Interp } from './context';
import { callOp, type CallSite } from './dispatch';
import { elemOf, iterate } from './iterate';
import { binary, truth } from './operators';

export function makeHost(it: Interp, site: () => CallSite): Host {
  const call = (fn: Value, args: Value[], kwargs?: Map<string, Value>): Value => callValue(it, fn, args, kwargs ?? new Map(), site());
  return {
    language: it.language,
    call,
    iterate: (v) => iterate(it, v, site()),
    elemOf: (v) => elemOf(it, v, site()),
    truth: (v) => truth(it, v),
    binary: (op, a, b) => binary(it, op, a, b, site()),
    op: (name, args, kwargs, self) => callOp(it, name, args, kwargs ?? new Map(), self, site()),
    touch: (obj) => it.heap.touch(obj),
    getAttr: (obj, name) => getAttr(it, obj, name, site(), (f, a) => call(f, a)),
    setAttr: (obj, name, v) => setAttr(it, obj, name, v),
    fresh: it.freshSym,
  };
}
