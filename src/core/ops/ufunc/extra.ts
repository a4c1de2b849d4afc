// More math ufuncs students meet: reciprocal (integer loops truncate 1/x), exp2, the inverse
// hyperbolics, degree/radian conversion, and the binary arctan2, hypot, logaddexp(2), heaviside.
// Same loop resolution, out=/where= and RuntimeWarnings as every other ufunc (../elementwise.ts).

import type { Value } from '../../values';
import { castScalar } from '../dtype';
import { defineUfunc, intLoop, reportFp, type FpFlag, type Kernel1, type Kernel2 } from '../elementwise';
import type { OpModule } from '../types';
import { LOOPS } from '../ufuncTypes';

const reciprocal = defineUfunc({
  ufunc: 'reciprocal', names: ['np.reciprocal'], params: ['x'], loops: LOOPS.num1, resolver: 'linear',
  doc: 'Elementwise 1/x in the input dtype: on integer arrays it truncates (np.reciprocal(2) is 0, not 0.5) — pass floats (x.astype(float) or 1.0 / x) for fractions. 1/0 gives inf for floats.',
  latex: ([a]) => `\\frac{1}{${a}}`,
  // integer loops compute 1.0 / x in double and convert back, as numpy's C loop does
  kernel: (loop) => (intLoop(loop) ? (x: number) => castScalar(1 / x, loop.out) : (x: number) => 1 / x),
  infFlag: 'divide',
});

// numpy's integer reciprocal of 0 divides by zero and then converts inf: both flags are raised
const baseEval = reciprocal.evaluate;
(reciprocal as OpModule).evaluate = (call, abstract): Value => {
  const r = baseEval(call, abstract);
  const x = call.args[0] ?? call.kwargs.get('x');
  if (r.kind === 'array' && r.dtype && r.dtype !== 'bool' && !r.dtype.startsWith('float') && x?.kind === 'array' && x.data?.some((v) => v === 0)) {
    reportFp(call, 'reciprocal', new Set<FpFlag>(['divide', 'invalid']));
  }
  return r;
};

interface Unary {
  ufunc: string;
  doc: string;
  latex: (a: string) => string;
  k: Kernel1;
  flag?: FpFlag;
}

const unary: Unary[] = [
  { ufunc: 'exp2', doc: 'Elementwise 2^x (float result); overflows to inf past x = 1024.', latex: (a) => `2^{${a}}`, k: (x) => 2 ** x, flag: 'overflow' },
  { ufunc: 'arcsinh', doc: 'Elementwise inverse hyperbolic sine.', latex: (a) => `\\operatorname{arsinh}\\left(${a}\\right)`, k: Math.asinh },
  { ufunc: 'arccosh', doc: 'Elementwise inverse hyperbolic cosine; nan below 1.', latex: (a) => `\\operatorname{arcosh}\\left(${a}\\right)`, k: Math.acosh, flag: 'invalid' },
  { ufunc: 'arctanh', doc: 'Elementwise inverse hyperbolic tangent; ±inf at ±1 (divide-by-zero warning), nan outside [−1, 1].', latex: (a) => `\\operatorname{artanh}\\left(${a}\\right)`, k: Math.atanh, flag: 'divide' },
  { ufunc: 'deg2rad', doc: 'Degrees to radians, x·π/180.', latex: (a) => `\\frac{\\pi}{180} ${a}`, k: (x) => x * (Math.PI / 180) },
  { ufunc: 'rad2deg', doc: 'Radians to degrees, x·180/π.', latex: (a) => `\\frac{180}{\\pi} ${a}`, k: (x) => x * (180 / Math.PI) },
];

const ALIASES: Record<string, string[]> = { deg2rad: ['np.radians'], rad2deg: ['np.degrees'] };

for (const u of unary) {
  defineUfunc({
    ufunc: u.ufunc, names: [`np.${u.ufunc}`, ...(ALIASES[u.ufunc] ?? [])], params: ['x'], loops: LOOPS.float1, resolver: 'linear',
    doc: u.doc, latex: ([a]) => u.latex(a), kernel: () => u.k, infFlag: u.flag,
  });
}

/** log(e^x + e^y) without overflow, as numpy's npy_logaddexp computes it. */
function logaddexp(x: number, y: number): number {
  if (x === y) return x + Math.LN2; // also handles infinities of the same sign
  const d = x - y;
  if (d > 0) return x + Math.log1p(Math.exp(-d));
  if (d <= 0) return y + Math.log1p(Math.exp(d));
  return d; // nan
}

function logaddexp2(x: number, y: number): number {
  if (x === y) return x + 1;
  const d = x - y;
  if (d > 0) return x + Math.log1p(2 ** -d) / Math.LN2;
  if (d <= 0) return y + Math.log1p(2 ** d) / Math.LN2;
  return d;
}

interface Binary {
  ufunc: string;
  doc: string;
  latex: (a: string, b: string) => string;
  k: Kernel2;
  flag?: FpFlag;
}

const binary: Binary[] = [
  { ufunc: 'arctan2', doc: 'Elementwise angle of the point (x2, x1) in radians, in [−π, π] (quadrant-aware arctan(x1/x2)).', latex: (a, b) => `\\operatorname{atan2}\\left(${a}, ${b}\\right)`, k: Math.atan2 },
  { ufunc: 'hypot', doc: 'Elementwise √(x1² + x2²) without intermediate overflow.', latex: (a, b) => `\\sqrt{${a}^{2} + ${b}^{2}}`, k: Math.hypot, flag: 'overflow' },
  { ufunc: 'logaddexp', doc: 'Elementwise log(e^x1 + e^x2), computed without overflow (the log-sum-exp of two terms).', latex: (a, b) => `\\ln\\left(e^{${a}} + e^{${b}}\\right)`, k: logaddexp },
  { ufunc: 'logaddexp2', doc: 'Elementwise log2(2^x1 + 2^x2), computed without overflow.', latex: (a, b) => `\\log_2\\left(2^{${a}} + 2^{${b}}\\right)`, k: logaddexp2 },
  {
    ufunc: 'heaviside', doc: 'Step function: 0 where x1 < 0, 1 where x1 > 0, and x2 where x1 == 0 (nan stays nan).',
    latex: (a, b) => `H\\left(${a}; ${b}\\right)`, k: (x, h) => (Number.isNaN(x) ? x : x < 0 ? 0 : x > 0 ? 1 : h),
  },
];

for (const b of binary) {
  const mod = defineUfunc({
    ufunc: b.ufunc, names: [`np.${b.ufunc}`], params: ['x1', 'x2'], loops: LOOPS.float2, resolver: 'linear',
    doc: b.doc, latex: ([x, y]) => b.latex(x, y), kernel: () => b.k, infFlag: b.flag,
  });
  if (b.ufunc.startsWith('logaddexp')) {
    // numpy's C code compares x − y with 0: an ordered comparison with a nan raises 'invalid'
    const base = mod.evaluate;
    mod.evaluate = (call, abstract) => {
      const r = base(call, abstract);
      const nanIn = [0, 1].some((i) => { const v = call.args[i] ?? call.kwargs.get(`x${i + 1}`); return v?.kind === 'array' ? v.data?.some(Number.isNaN) : v?.kind === 'float' && Number.isNaN(v.value); });
      if (r.kind === 'array' && r.data && nanIn && !call.kwargs.has('where')) reportFp(call, b.ufunc, new Set<FpFlag>(['invalid']));
      return r;
    };
  }
}
