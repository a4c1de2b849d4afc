// Uniform and normal floating-point draws of numpy's legacy RandomState (np.random.rand, randn,
// random_sample and aliases, standard_normal, normal, uniform) and of Generator (random,
// standard_normal, normal, uniform): the same call shapes, each engine's own algorithms.

import type { DType, Value } from '../../values';
import { legacyGauss, standardNormal, type LegacyCore, type PCG64, type RngState } from '../../random';
import { dtypeArg } from '../args';
import { registerOp } from '../registry';
import type { OpCall, OpModule } from '../types';
import {
  countOf, deliver, delivered, drawWith, floatResult, rngOf, sizeArg, sizeFromValue, symDim, valueError, whyUnknown,
  type Size,
} from './common';
import { outputSize, paramArg, paramAt, type Param } from './params';
import { Dim } from '../../shapes/dim';

type Engine = LegacyCore | PCG64;

/** one uniform double in [0, 1) from either engine */
const uniform01 = (st: RngState, e: Engine): number =>
  st.algo === 'mt19937' ? (e as LegacyCore).mt.nextDouble() : (e as PCG64).nextDouble();

/** one standard normal: legacy polar Box–Muller, or Generator's ziggurat */
const gauss = (st: RngState, e: Engine): number =>
  st.algo === 'mt19937' ? legacyGauss(e as LegacyCore) : standardNormal(e as PCG64);

/** `rand(d0, d1, …)` / `randn(d0, d1, …)`: dims as separate positional ints. */
function dimsSize(call: OpCall): Size | undefined {
  if (call.args.length === 0) return { none: true };
  const dims: Dim[] = [];
  for (let i = 0; i < call.args.length; i++) {
    const s = sizeFromValue(call.args[i], call.argTexts[i]);
    if (!s || s.none || s.shape.length !== 1) {
      const d = symDim(call.argTexts[i]);
      if (!d) return undefined;
      dims.push(d);
    } else dims.push(s.shape[0]);
  }
  return { none: false, shape: dims };
}

function fill(call: OpCall, size: Size | undefined, one: (st: RngState, e: Engine) => number, dtype: DType = 'float64'): Value {
  const st = rngOf(call);
  if (!size) {
    drawWith(call, st, undefined, () => undefined);
    return { kind: 'array', shape: null, dtype, why: whyUnknown(st) };
  }
  const n = countOf(size);
  const data = drawWith(call, st, n, (e, s) => {
    const out = new Float64Array(n as number);
    for (let i = 0; i < out.length; i++) out[i] = one(s, e);
    return out;
  });
  const r = floatResult(size, whyUnknown(st), data, dtype);
  return deliver(call, r.abstract, r.full);
}

function op(names: string[], doc: string, latex: (o: readonly string[]) => string, shape: (c: OpCall) => Value): OpModule {
  return { names, doc, latex, shape, evaluate: delivered };
}

const sizeTex = (o: readonly string[]): string => (o.length ? `^{${o.join('\\times ')}}` : '');

registerOp(op(
  ['np.random.rand', 'RandomState.rand'],
  'Uniform draws in [0, 1) from the legacy Mersenne Twister; rand(d0, d1, …) gives an array of that shape, rand() one Python float. After np.random.seed(s) the values are exactly numpy\'s.',
  (o) => `\\mathcal{U}[0,1)${sizeTex(o)}`,
  (c) => fill(c, dimsSize(c), uniform01),
));

registerOp(op(
  ['np.random.random', 'np.random.random_sample', 'np.random.ranf', 'np.random.sample', 'RandomState.random', 'RandomState.random_sample'],
  'Uniform draws in [0, 1) from the legacy Mersenne Twister, shaped by size (None: one Python float).',
  () => '\\mathcal{U}[0,1)',
  (c) => fill(c, sizeArg(c, 0), uniform01),
));

registerOp(op(
  ['Generator.random'],
  'Uniform draws in [0, 1) from a Generator (PCG64): 53 random bits per float64, 24 per float32.',
  () => '\\mathcal{U}[0,1)',
  (c) => {
    const dt = dtypeArg(c, 1, 'dtype') ?? 'float64';
    if (dt !== 'float64' && dt !== 'float32') {
      throw valueError('bad-dtype', `Unsupported dtype ${dt} for random`, `dtype ${dt} non pris en charge par random`, 'TypeError');
    }
    const one = dt === 'float64'
      ? uniform01
      : (_s: RngState, e: Engine) => ((e as PCG64).nextUint32() >>> 8) / 16777216;
    return fill(c, sizeArg(c, 0), one, dt);
  },
));

registerOp(op(
  ['np.random.randn', 'RandomState.randn'],
  'Standard normal draws (legacy polar Box–Muller, whose spare value is kept for the next call); randn(d0, d1, …) gives an array of that shape, randn() one Python float.',
  (o) => `\\mathcal{N}(0,1)${sizeTex(o)}`,
  (c) => fill(c, dimsSize(c), gauss),
));

registerOp(op(
  ['np.random.standard_normal', 'RandomState.standard_normal', 'Generator.standard_normal'],
  'Standard normal draws shaped by size: legacy polar Box–Muller for np.random / RandomState, the 256-layer ziggurat for Generator.',
  () => '\\mathcal{N}(0,1)',
  (c) => {
    const dt = c.self?.kind === 'rng' && c.self.generator === 'Generator' ? dtypeArg(c, 1, 'dtype') ?? 'float64' : 'float64';
    if (dt !== 'float64') {
      // float32 uses numpy's separate float ziggurat, not reproduced: shape only, state lost
      return lose(c, sizeArg(c, 0), dt);
    }
    return fill(c, sizeArg(c, 0), gauss);
  },
));

function lose(c: OpCall, size: Size | undefined, dt: DType): Value {
  const st = rngOf(c);
  drawWith(c, st, undefined, () => undefined);
  return { kind: 'array', shape: size ? (size.none ? [] : size.shape) : null, dtype: dt, why: whyUnknown(st) };
}

/** Draws `base(e) ↦ f(a_i, b_i, base)` over the broadcast of two parameters and size. */
function twoParam(c: OpCall, a: Param, b: Param, size: Size | undefined, f: (a: number, b: number, st: RngState, e: Engine) => number): Value {
  const st = rngOf(c);
  const out = size ? outputSize(size, [a, b]) : undefined;
  if (!out) return fill(c, undefined, () => NaN);
  const n = countOf(out);
  const known = a.data !== undefined && b.data !== undefined;
  const data = drawWith(c, st, n, (e, s) => {
    const shape = out.none ? [] : (out.shape as number[]);
    const res = new Float64Array(n as number);
    for (let i = 0; i < res.length; i++) {
      res[i] = known ? f(paramAt(a, shape, i), paramAt(b, shape, i), s, e) : f(0, 1, s, e);
    }
    return res;
  });
  const r = floatResult(out, whyUnknown(st), known ? data : undefined);
  return deliver(c, r.abstract, r.full);
}

/** numpy's CONS_NON_NEGATIVE: negative or -0.0 scale raises (NaN passes). */
function checkScale(p: Param): void {
  if (!p.data) return;
  for (const x of p.data) {
    if (x < 0 || Object.is(x, -0)) throw valueError('random-scale', 'scale < 0', 'scale < 0 (l’écart type doit être positif)');
  }
}

registerOp(op(
  ['np.random.normal', 'RandomState.normal', 'Generator.normal'],
  'Normal draws loc + scale·z (z standard normal; loc and scale broadcast against size). numpy raises ValueError for a negative scale.',
  (o) => `\\mathcal{N}\\left(${o[0] ?? '0'},\\,${o[1] ?? '1'}^2\\right)`,
  (c) => {
    const loc = paramArg(c, 0, 'loc', 0);
    const scale = paramArg(c, 1, 'scale', 1);
    checkScale(scale);
    return twoParam(c, loc, scale, sizeArg(c, 2), (m, s, st, e) => m + s * gauss(st, e));
  },
));

registerOp(op(
  ['np.random.uniform', 'RandomState.uniform', 'Generator.uniform'],
  'Uniform draws low + (high − low)·u with u in [0, 1) (low and high broadcast against size); numpy raises OverflowError when high − low is not finite.',
  (o) => `\\mathcal{U}\\left[${o[0] ?? '0'},\\,${o[1] ?? '1'}\\right)`,
  (c) => {
    const low = paramArg(c, 0, 'low', 0);
    const high = paramArg(c, 1, 'high', 1);
    let range: Param = { shape: null };
    if (low.shape && high.shape) {
      const out = outputSize({ none: true }, [low, high]);
      const shape = !out || out.none ? [] : (out.shape as number[]);
      if (low.data && high.data) {
        const n = shape.reduce((p, d) => p * d, 1);
        const d = new Float64Array(n);
        for (let i = 0; i < n; i++) d[i] = paramAt(high, shape, i) - paramAt(low, shape, i);
        if (d.some((x) => !Number.isFinite(x))) {
          const generator = c.self?.kind === 'rng' && c.self.generator === 'Generator';
          throw valueError('random-range', generator ? 'high - low range exceeds valid bounds' : 'Range exceeds valid bounds', 'intervalle hors des bornes valides (high − low non fini)', 'OverflowError');
        }
        range = { shape, data: d };
      } else range = { shape };
    }
    return twoParam(c, low, range, sizeArg(c, 2), (l, r, st, e) => l + r * uniform01(st, e));
  },
));
