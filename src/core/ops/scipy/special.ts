// scipy.special's functions students reach for: softmax and log_softmax (axis=None by default:
// over ALL elements, unlike the usual row-wise softmax), expit (the logistic sigmoid), logit, erf
// and erfc. Same algorithm as scipy 1.10 (shift by the max, exp, pairwise sum) so values match.

import { erf } from '../../builtins/math';
import type { ArrayValue, DType, Value } from '../../values';
import { axisArg } from '../args';
import { toArray } from '../convert';
import { castScalar, isFloat } from '../dtype';
import { defineUfunc, type Kernel1 } from '../elementwise';
import { concrete, result } from '../nd/common';
import { innerContiguous, numpySum, reduceLayout } from '../reduce/core';
import { registerOp } from '../registry';
import type { OpCall } from '../types';
import { LOOPS } from '../ufuncTypes';

function softmaxArgs(call: OpCall) {
  const v = call.args[0] ?? call.kwargs.get('x');
  const a = v && ['array', 'int', 'float', 'bool', 'list', 'tuple'].includes(v.kind) ? toArray(v) : null;
  const nd = a?.shape ? a.shape.length : undefined;
  const axes = axisArg(call, 1, 'axis', nd, null);
  // scipy computes in float64 unless the input already is a float type
  const dt: DType | null = a?.dtype ? (isFloat(a.dtype) ? a.dtype : 'float64') : null;
  return { a, axes, dt };
}

/** max-shifted exp along `axes` (null: all), normalised (softmax) or log-normalised (log_softmax). */
function softmaxData(a: ArrayValue, axes: number[] | null, dt: DType, log: boolean): Float64Array {
  const s = a.shape as number[];
  const src = a.data!.map((x) => castScalar(x, dt));
  const r = dt === 'float64' ? undefined : (x: number) => castScalar(x, dt);
  const rd = r ?? ((x: number) => x);
  const { outer, inner } = reduceLayout(s, axes);
  const contiguous = innerContiguous(s.length, axes);
  const out = new Float64Array(src.length);
  const buf = new Float64Array(inner.length);
  for (let o = 0; o < outer.length; o++) {
    let m = -Infinity;
    for (let j = 0; j < inner.length; j++) {
      const x = src[outer[o] + inner[j]];
      if (x > m || Number.isNaN(x)) m = x;
    }
    // scipy: a non-finite max is replaced by 0 before shifting
    if (!Number.isFinite(m)) m = 0;
    for (let j = 0; j < inner.length; j++) {
      const t = rd(src[outer[o] + inner[j]] - m);
      out[outer[o] + inner[j]] = t;
      buf[j] = rd(Math.exp(t));
    }
    const sum = numpySum(buf, inner.length, contiguous, r);
    const ls = rd(Math.log(sum));
    for (let j = 0; j < inner.length; j++) {
      const at = outer[o] + inner[j];
      out[at] = log ? rd(out[at] - ls) : rd(buf[j] / sum);
    }
  }
  return out;
}

for (const log of [false, true]) {
  const name = log ? 'log_softmax' : 'softmax';
  registerOp({
    names: [`scipy.special.${name}`],
    doc: log
      ? 'scipy.special.log_softmax(x, axis=None): log of the softmax, x − max − log Σ exp(x − max), computed stably. axis=None normalises over ALL elements: pass axis=-1 for one distribution per row.'
      : 'scipy.special.softmax(x, axis=None): exp(x − max) / Σ exp(x − max). Careful: with the default axis=None the whole array is ONE distribution (every element sums to 1 together); attention weights need axis=-1 (each row sums to 1).',
    latex: ([x, axis]) => (log ? `\\log \\operatorname{softmax}_{${axis ?? ''}}\\left(${x}\\right)` : `\\operatorname{softmax}_{${axis ?? ''}}\\left(${x}\\right)`),
    shape(call): Value {
      const { a, dt } = softmaxArgs(call);
      return result(a ? a.shape : null, dt);
    },
    evaluate(call, abstract) {
      const { a, axes, dt } = softmaxArgs(call);
      if (!a?.data || !concrete(a.shape) || axes === undefined || !dt) return abstract;
      return { ...(abstract as ArrayValue), data: softmaxData(a, axes, dt, log) };
    },
  });
}

/** erfc without the cancellation of 1 − erf(x) for large x: a continued fraction (Lentz) from 2 on. */
function erfc(x: number): number {
  if (Number.isNaN(x) || x < 2) return 1 - erf(x);
  if (x > 27.3) return 0;
  // erfc(x) = e^{-x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …))))
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    d = 1 / (x + (n / 2) * d);
    c = x + n / 2 / c;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

const unary: [string, string, (a: string) => string, Kernel1][] = [
  ['expit', 'The logistic sigmoid 1 / (1 + e^(−x)), elementwise, in (0, 1); the inverse of logit.', (a) => `\\sigma\\left(${a}\\right)`, (x) => 1 / (1 + Math.exp(-x))],
  ['logit', 'log(p / (1 − p)), elementwise: the inverse of expit; ±inf at 1 and 0, nan outside [0, 1].', (a) => `\\ln\\frac{${a}}{1 - ${a}}`, (p) => Math.log(p / (1 - p))],
  ['erf', 'The error function 2/√π ∫₀ˣ e^(−t²) dt, elementwise (exact GELU is x·(1 + erf(x/√2))/2).', (a) => `\\operatorname{erf}\\left(${a}\\right)`, erf],
  ['erfc', 'The complementary error function 1 − erf(x), elementwise.', (a) => `\\operatorname{erfc}\\left(${a}\\right)`, erfc],
];

for (const [fn, doc, latex, k] of unary) {
  defineUfunc({
    ufunc: fn, names: [`scipy.special.${fn}`], params: ['x'], loops: LOOPS.float1, resolver: 'linear',
    doc: `scipy.special.${fn}: ${doc}`, latex: ([a]) => latex(a), kernel: () => k,
  });
}
