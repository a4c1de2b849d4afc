// Bounded random integers: legacy np.random.randint / RandomState.randint (masked rejection) and
// Generator.integers (Lemire's method, optional closed interval), for every integer dtype and
// bool, with numpy's bound checks and its Python-int vs numpy-scalar result types.

import type { DType, Value } from '../../values';
import { BitBuffer, boundedDraw, type IntWidth, type LegacyCore, type PCG64, type BitGen } from '../../random';
import { arg, boolArg, dtypeArg } from '../args';
import { registerOp } from '../registry';
import type { OpCall } from '../types';
import { countOf, deliver, delivered, drawWith, rngOf, sizeArg, valueError, whyUnknown } from './common';
import { outputSize, paramOf, paramAt, type Param } from './params';

const LIMITS: Partial<Record<DType, [number, number, IntWidth]>> = {
  bool: [0, 1, 1],
  int8: [-128, 127, 8], uint8: [0, 255, 8],
  int16: [-32768, 32767, 16], uint16: [0, 65535, 16],
  int32: [-2147483648, 2147483647, 32], uint32: [0, 4294967295, 32],
  // 64-bit limits as doubles (2^63 - 1 rounds to 2^63): bounds beyond 2^53 are approximate anyway
  int64: [-(2 ** 63), 2 ** 63 - 1, 64], uint64: [0, 2 ** 64 - 1, 64],
};

/** `dtype=int` / `dtype=bool` (the Python types): numpy returns a Python int/bool for size=None. */
function pythonType(call: OpCall, generator: boolean): 'int' | 'bool' | undefined {
  const v = arg(call, 3, 'dtype');
  // RandomState.randint's default dtype is the Python int; Generator.integers' is np.int64
  if (v === undefined) return generator ? undefined : 'int';
  if (v?.kind === 'builtin' && (v.name === 'int' || v.name === 'bool')) return v.name;
  return undefined;
}

export function bitGenOf(e: LegacyCore | PCG64): BitGen {
  return 'mt' in e ? e.mt : e;
}

/** Draw `n` integers in [lo, hi] (inclusive) per element of broadcast bounds, as numpy's fills. */
function drawInts(g: BitGen, low: Param, high: Param, shape: number[], n: number, width: IntWidth, masked: boolean, closed: boolean): Float64Array {
  const out = new Float64Array(n);
  const b = new BitBuffer();
  for (let i = 0; i < n; i++) {
    const lo = paramAt(low, shape, i);
    const hi = paramAt(high, shape, i) - (closed ? 0 : 1);
    out[i] = boundedDraw(g, lo, hi, width, masked, b);
  }
  return out;
}

function truncated(p: Param): Param {
  return p.data ? { shape: p.shape, data: p.data.map(Math.trunc) } : p;
}

function checkBounds(low: Param, high: Param, dt: DType, closed: boolean): void {
  const [min, max] = LIMITS[dt] as [number, number, IntWidth];
  if (!low.data || !high.data) return;
  const shape = outputSize({ none: true }, [low, high]);
  const sh = !shape || shape.none ? [] : (shape.shape as number[]);
  const n = sh.reduce((p, d) => p * d, 1);
  for (let i = 0; i < n; i++) {
    const lo = paramAt(low, sh, i);
    const hi = paramAt(high, sh, i) - (closed ? 0 : 1);
    if (lo < min) throw valueError('random-bounds', `low is out of bounds for ${dt}`, `low est hors des bornes de ${dt}`);
    if (hi > max) throw valueError('random-bounds', `high is out of bounds for ${dt}`, `high est hors des bornes de ${dt}`);
    if (lo > hi) {
      if (!closed && lo === 0) throw valueError('random-bounds', 'high <= 0', 'high <= 0 : l’intervalle [0, high) est vide');
      const cmp = closed ? '>' : '>=';
      throw valueError('random-bounds', `low ${cmp} high`, `low ${cmp} high : l’intervalle est vide`);
    }
  }
}

function integers(call: OpCall, masked: boolean): Value {
  const generator = call.self?.kind === 'rng' && call.self.generator === 'Generator';
  let low = paramOf(arg(call, 0, 'low') ?? { kind: 'int', value: 0 });
  const highV = arg(call, 1, 'high');
  let high: Param;
  if (highV === undefined || highV.kind === 'none') {
    high = low;
    low = { shape: [], data: Float64Array.of(0) };
  } else high = paramOf(highV);
  // numpy reads float bounds with int(): truncation toward zero
  low = truncated(low);
  high = truncated(high);
  const size = sizeArg(call, 2);
  const dt = (dtypeArg(call, 3, 'dtype') ?? 'int64') as DType;
  const lim = LIMITS[dt];
  if (!lim) throw valueError('bad-dtype', `Unsupported dtype ${dt} for ${generator ? 'integers' : 'randint'}`, `dtype ${dt} non pris en charge`, 'TypeError');
  const closed = generator ? boolArg(call, 4, 'endpoint', false) === true : false;
  checkBounds(low, high, dt, closed);
  const st = rngOf(call);
  const out = size ? outputSize(size, [low, high]) : undefined;
  const why = whyUnknown(st);
  if (!out) {
    drawWith(call, st, undefined, () => undefined);
    return { kind: 'array', shape: null, dtype: dt, why };
  }
  const n = countOf(out);
  const shape = out.none ? [] : (out.shape as number[]);
  const bounded = low.data !== undefined && high.data !== undefined;
  // numpy draws nothing for an empty size; unknown bounds make the count of raw draws unknown
  const data = n === 0 ? new Float64Array(0) : drawWith(call, st, bounded ? n : undefined, (e) =>
    drawInts(bitGenOf(e), low, high, shape, n as number, lim[2], masked, closed));
  const py = out.none ? pythonType(call, generator) : undefined;
  if (py) {
    const abstract: Value = py === 'int' ? { kind: 'int' } : { kind: 'bool' };
    const full: Value | undefined = data ? (py === 'int' ? { kind: 'int', value: data[0] } : { kind: 'bool', value: data[0] !== 0 }) : undefined;
    return deliver(call, abstract, full);
  }
  const scalar = out.none ? { scalar: true } : {};
  const abstract: Value = { kind: 'array', shape, dtype: dt, why, ...scalar };
  return deliver(call, abstract, data ? { kind: 'array', shape, dtype: dt, data, ...scalar } : undefined);
}

registerOp({
  names: ['np.random.randint', 'RandomState.randint'],
  doc: 'Random integers in [low, high) (randint(n): [0, n)) from the legacy Mersenne Twister, by masked rejection: exactly numpy\'s draws after np.random.seed(s). dtype=int (default) gives a Python int for size=None.',
  latex: (o) => (o.length >= 2 ? `\\mathcal{U}\\{${o[0]},\\dots,${o[1]}-1\\}` : `\\mathcal{U}\\{0,\\dots,${o[0] ?? 'n'}-1\\}`),
  shape: (c) => integers(c, true),
  evaluate: delivered,
});

registerOp({
  names: ['Generator.integers'],
  doc: 'Random integers in [low, high) — or [low, high] with endpoint=True — from a Generator (PCG64) by Lemire\'s multiply-shift rejection; int64 by default, a numpy int64 for size=None.',
  latex: (o) => (o.length >= 2 ? `\\mathcal{U}\\{${o[0]},\\dots,${o[1]}-1\\}` : `\\mathcal{U}\\{0,\\dots,${o[0] ?? 'n'}-1\\}`),
  shape: (c) => integers(c, false),
  evaluate: delivered,
});
