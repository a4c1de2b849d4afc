// Python's `math` module (and JavaScript's `Math` for the TypeScript front end): float results,
// ints from ceil/floor/factorial, and the "math domain error" / "math range error" raises.

import type { Value } from '../values';
import { PyError, typeError } from './errors';
import { bool, defineBuiltin, float, int, scalarOf, type Host } from './host';
import { pyTypeName } from './pynum';

export const MATH_CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E, tau: 2 * Math.PI, inf: Infinity, nan: NaN };

const domain = (): PyError => new PyError('ValueError', { en: 'math domain error', fr: 'erreur de domaine mathématique (math domain error)' });
const range = (): PyError => new PyError('OverflowError', { en: 'math range error', fr: 'résultat hors limites (math range error)' });

function arg(v: Value | undefined, fn: string): number | undefined {
  if (!v) throw typeError(`${fn}() missing required argument`, `argument manquant pour ${fn}()`);
  if (v.kind === 'array' && v.data && v.data.length !== 1) throw typeError('only length-1 arrays can be converted to Python scalars', 'seuls les tableaux de taille 1 peuvent être convertis en scalaires Python');
  if (v.kind === 'str' || v.kind === 'list' || v.kind === 'none' || v.kind === 'tuple') {
    throw typeError(`must be real number, not ${pyTypeName(v)}`, `un nombre réel est attendu, pas ${pyTypeName(v)}`);
  }
  return scalarOf(v);
}

/** erf to double precision: a positive series near 0, a continued fraction for erfc beyond. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax > 6) return Math.sign(x);
  if (ax < 3) {
    // erf(x) = 2/√π e^{-x²} Σ 2ⁿ x^{2n+1} / (1·3·…·(2n+1)): all terms positive, no cancellation
    let term = ax;
    let sum = ax;
    for (let n = 1; n < 200; n++) {
      term *= (2 * ax * ax) / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return Math.sign(x) * (2 / Math.sqrt(Math.PI)) * Math.exp(-ax * ax) * sum;
  }
  return Math.sign(x) * (1 - erfcLarge(ax));
}

/** erfc(x) for x ≥ 3 by Lentz's continued fraction. */
function erfcLarge(x: number): number {
  // erfc(x) = e^{-x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …)))))
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 300; n++) {
    const a = n / 2;
    d = x + a * d;
    d = d === 0 ? tiny : d;
    c = x + a / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
function gamma(x: number): number {
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
  if (Number.isInteger(x) && x <= 171) {
    let r = 1;
    for (let i = 2; i < x; i++) r *= i;
    return r;
  }
  const y = x - 1;
  let a = LANCZOS[0];
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (y + i);
  return Math.sqrt(2 * Math.PI) * Math.pow(t, y + 0.5) * Math.exp(-t) * a;
}

/** Shewchuk's exactly rounded sum (what math.fsum returns). */
function fsum(xs: number[]): number {
  const partials: number[] = [];
  for (let x of xs) {
    let i = 0;
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }
  return partials.reduce((a, b) => a + b, 0);
}

function unary(name: string, f: (x: number) => number, check?: (x: number) => boolean, intResult = false): void {
  const fn = (_h: Host, _s: Value | undefined, args: Value[]): Value => {
    const x = arg(args[0], name);
    if (x === undefined) return intResult ? int() : float();
    if (check && !check(x)) throw domain();
    const r = f(x);
    if (!Number.isFinite(r) && Number.isFinite(x) && !intResult) throw range();
    if (intResult && !Number.isFinite(r)) throw new PyError(Number.isNaN(x) ? 'ValueError' : 'OverflowError', { en: 'cannot convert float infinity to integer', fr: 'impossible de convertir en entier' });
    return intResult ? int(r) : float(r);
  };
  defineBuiltin(`math.${name}`, fn);
}

unary('sqrt', Math.sqrt, (x) => x >= 0 || Number.isNaN(x));
unary('exp', Math.exp);
unary('expm1', Math.expm1);
unary('log2', Math.log2, (x) => x > 0 || Number.isNaN(x));
unary('log10', Math.log10, (x) => x > 0 || Number.isNaN(x));
unary('log1p', Math.log1p, (x) => x > -1 || Number.isNaN(x));
unary('sin', Math.sin, (x) => Number.isFinite(x) || Number.isNaN(x));
unary('cos', Math.cos, (x) => Number.isFinite(x) || Number.isNaN(x));
unary('tan', Math.tan, (x) => Number.isFinite(x) || Number.isNaN(x));
unary('asin', Math.asin, (x) => Math.abs(x) <= 1 || Number.isNaN(x));
unary('acos', Math.acos, (x) => Math.abs(x) <= 1 || Number.isNaN(x));
unary('atan', Math.atan);
unary('sinh', Math.sinh);
unary('cosh', Math.cosh);
unary('tanh', Math.tanh);
unary('asinh', Math.asinh);
unary('acosh', Math.acosh, (x) => x >= 1 || Number.isNaN(x));
unary('atanh', Math.atanh, (x) => Math.abs(x) < 1 || Number.isNaN(x));
unary('fabs', Math.abs);
unary('degrees', (x) => (x * 180) / Math.PI);
unary('radians', (x) => (x * Math.PI) / 180);
unary('erf', erf);
unary('erfc', (x) => (x >= 3 ? erfcLarge(x) : 1 - erf(x)));
unary('gamma', gamma, (x) => !(Number.isInteger(x) && x <= 0));
unary('lgamma', (x) => Math.log(Math.abs(gamma(x))), (x) => !(Number.isInteger(x) && x <= 0));
unary('ceil', Math.ceil, undefined, true);
unary('floor', Math.floor, undefined, true);
unary('trunc', Math.trunc, undefined, true);

defineBuiltin('math.log', (_h, _s, [a, b]) => {
  const x = arg(a, 'log');
  const base = b ? arg(b, 'log') : Math.E;
  if (x === undefined || base === undefined) return float();
  if (x <= 0 || base <= 0) throw domain();
  if (base === 1) throw new PyError('ZeroDivisionError', { en: 'float division by zero', fr: 'division par zéro' });
  return float(b ? Math.log(x) / Math.log(base) : Math.log(x));
});
defineBuiltin('math.pow', (_h, _s, [a, b]) => {
  const x = arg(a, 'pow');
  const y = arg(b, 'pow');
  if (x === undefined || y === undefined) return float();
  if ((x === 0 && y < 0) || (x < 0 && !Number.isInteger(y))) throw domain();
  const r = Math.pow(x, y);
  if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) throw range();
  return float(r);
});
defineBuiltin('math.atan2', (_h, _s, [a, b]) => {
  const y = arg(a, 'atan2');
  const x = arg(b, 'atan2');
  return float(x === undefined || y === undefined ? undefined : Math.atan2(y, x));
});
defineBuiltin('math.hypot', (_h, _s, args) => {
  const xs = args.map((v) => arg(v, 'hypot'));
  return float(xs.some((x) => x === undefined) ? undefined : Math.hypot(...(xs as number[])));
});
defineBuiltin('math.isclose', (_h, _s, [a, b], kw) => {
  const x = arg(a, 'isclose');
  const y = arg(b, 'isclose');
  const rel = kw.has('rel_tol') ? arg(kw.get('rel_tol'), 'isclose') : 1e-9;
  const abs = kw.has('abs_tol') ? arg(kw.get('abs_tol'), 'isclose') : 0;
  if (x === undefined || y === undefined || rel === undefined || abs === undefined) return bool();
  if (x === y) return bool(true);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return bool(false);
  const d = Math.abs(x - y);
  return bool(d <= Math.abs(rel * y) || d <= Math.abs(rel * x) || d <= abs);
});
for (const [name, f] of [['isfinite', Number.isFinite], ['isnan', Number.isNaN], ['isinf', (x: number) => x === Infinity || x === -Infinity]] as const) {
  defineBuiltin(`math.${name}`, (_h, _s, [a]) => {
    const x = arg(a, name);
    return bool(x === undefined ? undefined : f(x));
  });
}
defineBuiltin('math.factorial', (_h, _s, [a]) => {
  if (a.kind === 'float') throw typeError("'float' object cannot be interpreted as an integer", "un objet 'float' ne peut pas être interprété comme un entier");
  const x = arg(a, 'factorial');
  if (x === undefined) return int();
  if (x < 0) throw new PyError('ValueError', { en: 'factorial() not defined for negative values', fr: 'factorial() non définie pour les négatifs' });
  let r = 1;
  for (let i = 2; i <= x; i++) r *= i;
  return int(r);
});
defineBuiltin('math.gcd', (_h, _s, args) => {
  const xs = args.map((v) => arg(v, 'gcd'));
  if (xs.some((x) => x === undefined)) return int();
  const g = (a: number, b: number): number => (b === 0 ? Math.abs(a) : g(b, a % b));
  return int((xs as number[]).reduce(g, 0));
});
defineBuiltin('math.comb', (_h, _s, [a, b]) => {
  const n = arg(a, 'comb');
  const k = arg(b, 'comb');
  if (n === undefined || k === undefined) return int();
  if (k > n) return int(0);
  let r = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) r = (r * (n - i + 1)) / i;
  return int(Math.round(r));
});
defineBuiltin('math.prod', (h, _s, [it], kw) => {
  const items = h.iterate(it);
  let acc: Value = kw.get('start') ?? int(1);
  if (!items) return { kind: 'unknown' };
  for (const x of items) acc = h.binary('*', acc, x);
  return acc;
});
defineBuiltin('math.fsum', (h, _s, [it]) => {
  const items = h.iterate(it);
  if (!items) return float();
  const xs = items.map((x) => arg(x, 'fsum'));
  return float(xs.some((x) => x === undefined) ? undefined : fsum(xs as number[]));
});
defineBuiltin('math.copysign', (_h, _s, [a, b]) => {
  const x = arg(a, 'copysign');
  const y = arg(b, 'copysign');
  return float(x === undefined || y === undefined ? undefined : Math.abs(x) * (y < 0 || Object.is(y, -0) ? -1 : 1));
});

// JavaScript's Math object, for the TypeScript front end (numbers are all floats there).
export const JS_MATH_CONSTANTS: Record<string, number> = { PI: Math.PI, E: Math.E, LN2: Math.LN2, LN10: Math.LN10, SQRT2: Math.SQRT2, LOG2E: Math.LOG2E, LOG10E: Math.LOG10E, SQRT1_2: Math.SQRT1_2 };
for (const name of ['sqrt', 'exp', 'log', 'log2', 'log10', 'sin', 'cos', 'tan', 'tanh', 'abs', 'floor', 'ceil', 'round', 'trunc', 'sign', 'atan', 'asin', 'acos', 'cbrt', 'expm1', 'log1p', 'sinh', 'cosh'] as const) {
  defineBuiltin(`Math.${name}`, (_h, _s, [a]) => {
    const x = a ? scalarOf(a) : undefined;
    return float(x === undefined ? undefined : (Math[name] as (v: number) => number)(x));
  });
}
for (const name of ['max', 'min', 'pow', 'atan2', 'hypot'] as const) {
  defineBuiltin(`Math.${name}`, (_h, _s, args) => {
    const xs = args.map(scalarOf);
    return float(xs.some((x) => x === undefined) ? undefined : (Math[name] as (...v: number[]) => number)(...(xs as number[])));
  });
}
defineBuiltin('Math.random', () => float());
