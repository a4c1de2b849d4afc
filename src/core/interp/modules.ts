// Modules the tracer knows: numpy (and its random / linalg submodules), Python's math, scipy's
// softmax, mathjs and JavaScript's Math for TypeScript. `np.zeros`, `numpy.zeros` and
// `from numpy import zeros` all resolve to the registry key 'np.zeros'.

import { PyError } from '../builtins/errors';
import { JS_MATH_CONSTANTS, MATH_CONSTANTS } from '../builtins/math';
import type { Value } from '../values';

const NUMPY_SUBMODULES = new Set(['random', 'linalg', 'fft', 'ma', 'testing', 'polynomial', 'lib', 'char', 'emath']);
const NUMPY_CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E, inf: Infinity, Inf: Infinity, infty: Infinity, PINF: Infinity, NINF: -Infinity, nan: NaN, NaN: NaN, NAN: NaN, euler_gamma: 0.5772156649015329 };
const PY_MATH_NAMES = new Set([
  'acos', 'acosh', 'asin', 'asinh', 'atan', 'atan2', 'atanh', 'cbrt', 'ceil', 'comb', 'copysign', 'cos', 'cosh', 'degrees', 'dist',
  'erf', 'erfc', 'exp', 'exp2', 'expm1', 'fabs', 'factorial', 'floor', 'fmod', 'frexp', 'fsum', 'gamma', 'gcd', 'hypot', 'isclose',
  'isfinite', 'isinf', 'isnan', 'isqrt', 'lcm', 'ldexp', 'lgamma', 'log', 'log10', 'log1p', 'log2', 'modf', 'nextafter', 'perm',
  'pow', 'prod', 'radians', 'remainder', 'sin', 'sinh', 'sqrt', 'sumprod', 'tan', 'tanh', 'trunc', 'ulp',
]);

/** The canonical module name for `import X` (numpy is 'numpy' whatever it is bound to). */
export function moduleValue(name: string): Value {
  return { kind: 'module', name };
}

/** `mod.name` for a module the tracer knows (or a placeholder for one it does not). */
const cache = new Map<string, Value>();

/** `mod.name` (values are immutable, so one object per name is shared). */
export function moduleAttr(mod: string, name: string): Value {
  const key = `${mod}\u0000${name}`;
  let v = cache.get(key);
  if (!v) {
    v = resolveModuleAttr(mod, name);
    cache.set(key, v);
  }
  return v;
}

function resolveModuleAttr(mod: string, name: string): Value {
  if (mod === 'numpy') {
    if (NUMPY_SUBMODULES.has(name)) return { kind: 'module', name: `numpy.${name}` };
    if (name in NUMPY_CONSTANTS) return { kind: 'float', value: NUMPY_CONSTANTS[name] };
    if (name === 'newaxis') return { kind: 'none' };
    return { kind: 'builtin', name: `np.${name}` };
  }
  if (mod.startsWith('numpy.')) return { kind: 'builtin', name: `np.${mod.slice(6)}.${name}` };
  if (mod === 'math') {
    if (name in MATH_CONSTANTS) return { kind: 'float', value: MATH_CONSTANTS[name] };
    if (!PY_MATH_NAMES.has(name)) {
      throw new PyError('AttributeError', { en: `module 'math' has no attribute '${name}'`, fr: `le module 'math' n'a pas d'attribut '${name}'` });
    }
    return { kind: 'builtin', name: `math.${name}` };
  }
  if (mod === 'mathjs') {
    if (name === 'pi' || name === 'PI') return { kind: 'float', value: Math.PI };
    if (name === 'e' || name === 'E') return { kind: 'float', value: Math.E };
    return { kind: 'builtin', name: `math.${name}` };
  }
  if (mod === 'Math') {
    if (name in JS_MATH_CONSTANTS) return { kind: 'float', value: JS_MATH_CONSTANTS[name] };
    return { kind: 'builtin', name: `Math.${name}` };
  }
  if (mod === 'scipy' && name === 'special') return { kind: 'module', name: 'scipy.special' };
  if (mod === 'scipy.special' || mod === 'console') return { kind: 'builtin', name: `${mod}.${name}` };
  // a module the tracer does not model: its attributes are further placeholders
  return { kind: 'module', name: `${mod}.${name}` };
}

/** Whether calls into this (placeholder) module name are numpy/mathjs ops from the registry. */
export function isOpName(name: string): boolean {
  return /^(np|ndarray|Generator|RandomState|math|scipy)\./.test(name);
}
