// JavaScript's strict equality (`===`, indexOf) and SameValueZero (includes) on the
// interpreter's values: numbers by value, objects and arrays by identity; undefined when unknown.

import type { Value } from '../../values';
import { toNumber } from '../../interp/tsValues';

const isNumber = (v: Value): boolean => v.kind === 'float' || v.kind === 'int';

export function strictEquals(a: Value, b: Value, sameValueZero = false): boolean | undefined {
  if (a.kind === 'unknown' || b.kind === 'unknown') return undefined;
  if (isNumber(a) && isNumber(b)) {
    const x = toNumber(a);
    const y = toNumber(b);
    if (x === undefined || y === undefined) return undefined;
    return x === y || (sameValueZero && Number.isNaN(x) && Number.isNaN(y));
  }
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'bool':
    case 'str': {
      const x = a.value;
      const y = (b as typeof a).value;
      return x === undefined || y === undefined ? undefined : x === y;
    }
    case 'none':
      return true;
    case 'builtin':
      return a.name === (b as typeof a).name && a.self === (b as typeof a).self;
    default:
      // objects, arrays, functions: the same object or not
      return a === b;
  }
}
