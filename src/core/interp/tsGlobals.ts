// The global names of a TypeScript program that the file itself does not declare: Math, console,
// Array, Object, Number, JSON, parseInt… A name nobody declared is unknown (it may come from a
// module the tracer does not read), never Python's built-ins (`len`, `range`, `sum`).

import '../builtins/ts/index';
import type { Value } from '../values';

const GLOBALS: Record<string, Value> = {
  Math: { kind: 'module', name: 'Math' },
  console: { kind: 'module', name: 'console' },
  undefined: { kind: 'none' },
  Infinity: { kind: 'float', value: Infinity },
  NaN: { kind: 'float', value: NaN },
  globalThis: { kind: 'unknown' },
  // thrown errors: matched by any `catch`, reported as an uncaught exception otherwise
  Error: { kind: 'builtin', name: 'Exception' },
  TypeError: { kind: 'builtin', name: 'TypeError' },
  RangeError: { kind: 'builtin', name: 'ValueError' },
};

for (const name of [
  'Array', 'Object', 'Number', 'String', 'Boolean', 'JSON', 'parseInt', 'parseFloat', 'isNaN', 'isFinite',
  'Float64Array', 'Float32Array', 'Int32Array', 'Uint32Array',
]) {
  GLOBALS[name] = { kind: 'builtin', name: `js.${name}` };
}

const WHY_UNDECLARED = (name: string): Value => ({
  kind: 'unknown',
  why: { en: `${name} is not declared in this file`, fr: `${name} n'est pas déclaré dans ce fichier` },
});

/** The value of a global name in a TypeScript program. */
export function tsGlobal(name: string): Value {
  return GLOBALS[name] ?? WHY_UNDECLARED(name);
}
