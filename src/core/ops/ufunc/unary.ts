// Unary math ufuncs (exp, log, sqrt, trig, abs, sign, floor/ceil/trunc, square, …): numpy's loops
// (np.exp(int8) is float16, np.floor(int) is float64 in 1.24), IEEE results, and numpy's
// RuntimeWarnings (log(0): divide by zero, log(-1) and sqrt(-1): invalid, exp(1000): overflow).

import { defineUfunc, intLoop, type FpFlag, type Kernel1 } from '../elementwise';
import { LOOPS, type Loop, type Resolver } from '../ufuncTypes';

interface Def {
  ufunc: string;
  aliases?: string[];
  doc: string;
  latex: (a: string) => string;
  /** the kernel, or `mk` when it depends on the loop (int vs float semantics) */
  k?: Kernel1;
  mk?: (loop: Loop) => Kernel1;
  loops?: readonly Loop[];
  resolver?: Resolver;
  flag?: FpFlag;
  methods?: string[];
}

/** C's rint: round half to even. */
export function rint(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Math.round(x);
  // Math.round sends ties up; ties go to the even neighbour instead
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r === 0 && x < 0 ? -0 : r;
}

const defs: Def[] = [
  { ufunc: 'exp', doc: 'Elementwise e^x; overflows to inf past x ≈ 709.78 (RuntimeWarning). Subtract the row max before exp in a softmax.', latex: (a) => `e^{${a}}`, k: Math.exp, flag: 'overflow' },
  { ufunc: 'expm1', doc: 'Elementwise e^x − 1, accurate for small x.', latex: (a) => `e^{${a}} - 1`, k: Math.expm1, flag: 'overflow' },
  { ufunc: 'log', doc: 'Elementwise natural logarithm; log(0) is −inf (divide-by-zero warning), log of a negative number is nan (invalid-value warning).', latex: (a) => `\\ln\\left(${a}\\right)`, k: Math.log, flag: 'divide' },
  { ufunc: 'log2', doc: 'Elementwise base-2 logarithm (bits); log2(0) is −inf with a warning.', latex: (a) => `\\log_2\\left(${a}\\right)`, k: Math.log2, flag: 'divide' },
  { ufunc: 'log10', doc: 'Elementwise base-10 logarithm; log10(0) is −inf with a warning.', latex: (a) => `\\log_{10}\\left(${a}\\right)`, k: Math.log10, flag: 'divide' },
  { ufunc: 'log1p', doc: 'Elementwise ln(1 + x), accurate for small x; log1p(−1) is −inf with a warning.', latex: (a) => `\\ln\\left(1 + ${a}\\right)`, k: Math.log1p, flag: 'divide' },
  { ufunc: 'sqrt', doc: 'Elementwise non-negative square root; sqrt of a negative number is nan with an invalid-value warning.', latex: (a) => `\\sqrt{${a}}`, k: Math.sqrt, flag: 'invalid' },
  { ufunc: 'cbrt', doc: 'Elementwise cube root (defined for negative numbers).', latex: (a) => `\\sqrt[3]{${a}}`, k: Math.cbrt },
  { ufunc: 'sin', doc: 'Elementwise sine of angles in radians (used by the sinusoidal positional encoding).', latex: (a) => `\\sin\\left(${a}\\right)`, k: Math.sin, flag: 'invalid' },
  { ufunc: 'cos', doc: 'Elementwise cosine of angles in radians (used by the sinusoidal positional encoding).', latex: (a) => `\\cos\\left(${a}\\right)`, k: Math.cos, flag: 'invalid' },
  { ufunc: 'tan', doc: 'Elementwise tangent of angles in radians.', latex: (a) => `\\tan\\left(${a}\\right)`, k: Math.tan, flag: 'invalid' },
  { ufunc: 'arcsin', doc: 'Elementwise inverse sine; nan outside [−1, 1].', latex: (a) => `\\arcsin\\left(${a}\\right)`, k: Math.asin, flag: 'invalid' },
  { ufunc: 'arccos', doc: 'Elementwise inverse cosine; nan outside [−1, 1].', latex: (a) => `\\arccos\\left(${a}\\right)`, k: Math.acos, flag: 'invalid' },
  { ufunc: 'arctan', doc: 'Elementwise inverse tangent, in (−π/2, π/2).', latex: (a) => `\\arctan\\left(${a}\\right)`, k: Math.atan },
  { ufunc: 'sinh', doc: 'Elementwise hyperbolic sine.', latex: (a) => `\\sinh\\left(${a}\\right)`, k: Math.sinh, flag: 'overflow' },
  { ufunc: 'cosh', doc: 'Elementwise hyperbolic cosine.', latex: (a) => `\\cosh\\left(${a}\\right)`, k: Math.cosh, flag: 'overflow' },
  { ufunc: 'tanh', doc: 'Elementwise hyperbolic tangent, in (−1, 1) (the activation, and the GELU tanh approximation).', latex: (a) => `\\tanh\\left(${a}\\right)`, k: Math.tanh },
  { ufunc: 'floor', doc: 'Elementwise floor (largest integer ≤ x), as a float: numpy 1.24 returns float64 even for int arrays.', latex: (a) => `\\lfloor ${a} \\rfloor`, k: Math.floor },
  { ufunc: 'ceil', doc: 'Elementwise ceiling (smallest integer ≥ x), as a float.', latex: (a) => `\\lceil ${a} \\rceil`, k: Math.ceil },
  { ufunc: 'trunc', aliases: ['np.fix'], doc: 'Elementwise truncation toward zero, as a float.', latex: (a) => `\\operatorname{trunc}\\left(${a}\\right)`, k: Math.trunc },
  { ufunc: 'rint', doc: 'Elementwise rounding to the nearest integer, ties to even (2.5 → 2.0), as a float.', latex: (a) => `\\operatorname{rint}\\left(${a}\\right)`, k: rint },
  {
    ufunc: 'square', loops: LOOPS.num1, doc: 'Elementwise x²; keeps integer dtypes (bool becomes int8).', latex: (a) => `{${a}}^{2}`,
    mk: () => (x: number) => x * x, flag: 'overflow',
  },
  {
    ufunc: 'absolute', aliases: ['np.abs'], loops: LOOPS.all1, doc: 'Elementwise absolute value |x|, keeping the dtype (the most negative integer wraps to itself, as in C).',
    latex: (a) => `\\left|${a}\\right|`, mk: () => Math.abs,
  },
  {
    ufunc: 'sign', loops: LOOPS.num1, resolver: 'uniform', doc: 'Elementwise sign: −1, 0 or 1 in the input dtype (nan stays nan); not defined for bool arrays.',
    latex: (a) => `\\operatorname{sign}\\left(${a}\\right)`,
    mk: (loop: Loop) => (intLoop(loop) ? (x: number) => (x > 0 ? 1 : x < 0 ? -1 : 0) : (x: number) => (x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : x)),
  },
];

for (const d of defs) {
  defineUfunc({
    ufunc: d.ufunc,
    names: [`np.${d.ufunc}`, ...(d.aliases ?? [])],
    params: ['x'],
    loops: d.loops ?? LOOPS.float1,
    resolver: d.resolver ?? 'linear',
    doc: d.doc,
    latex: ([a]) => d.latex(a),
    kernel: (loop) => (d.mk ? d.mk(loop) : d.k!),
    infFlag: d.flag,
  });
}

const preds: [string, Kernel1, string][] = [
  ['isnan', (x) => (Number.isNaN(x) ? 1 : 0), 'Elementwise test for NaN (nan == nan is False, so use this instead).'],
  ['isinf', (x) => (x === Infinity || x === -Infinity ? 1 : 0), 'Elementwise test for +inf or −inf.'],
  ['isfinite', (x) => (Number.isFinite(x) ? 1 : 0), 'Elementwise test for a finite number (neither inf nor nan).'],
];

for (const [ufunc, k, doc] of preds) {
  defineUfunc({
    ufunc, names: [`np.${ufunc}`], params: ['x'], loops: LOOPS.pred1, resolver: 'linear',
    doc: `${doc} The result is a bool array.`,
    latex: ([a]) => `\\operatorname{${ufunc}}\\left(${a}\\right)`,
    kernel: () => k,
  });
}
