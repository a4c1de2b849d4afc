// np.linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None): num evenly spaced
// samples computed exactly as numpy does (i·step + start, the last one set to stop), with the
// step returned too when retstep=True.

import { NumpyError } from '../../diagnostics';
import { broadcastIndexer, broadcastOrNull } from '../../shapes/broadcast';
import type { ArrayValue, DType, Value } from '../../values';
import { arg, boolArg, dtypeArg, intArg } from '../args';
import { numpyScalar, toArray } from '../convert';
import { castScalar, isInt, resultType } from '../dtype';
import { registerOp } from '../registry';
import type { OpCall } from '../types';

function bind(call: OpCall) {
  const conv = (v: Value | undefined) => (v && ['array', 'int', 'float', 'bool', 'list', 'tuple'].includes(v.kind) ? toArray(v) : null);
  const start = conv(arg(call, 0, 'start'));
  const stop = conv(arg(call, 1, 'stop'));
  const num = intArg(call, 2, 'num', 50);
  if (num !== undefined && num < 0) {
    throw new NumpyError('linspace-num', { en: `Number of samples, ${num}, must be non-negative.`, fr: `Le nombre d'échantillons, ${num}, doit être positif ou nul.` }, { pyType: 'ValueError' });
  }
  const endpoint = boolArg(call, 3, 'endpoint', true);
  const retstep = boolArg(call, 4, 'retstep', false);
  const given = dtypeArg(call, 5, 'dtype');
  // numpy: start * 1.0 and stop * 1.0, then result_type with float(num)
  const asFloat = (a: ArrayValue | null) => (a && a.dtype ? { dtype: (a.dtype.startsWith('float') ? a.dtype : 'float64') as DType, scalar: a.shape?.length === 0 } : null);
  const fs = asFloat(start);
  const fe = asFloat(stop);
  const work: DType | null = fs && fe ? resultType([fs, fe, { dtype: 'float64', scalar: true, value: num ?? 50 }]) : null;
  const dtype = given === undefined ? null : given ?? work;
  return { start, stop, num, endpoint, retstep, work, dtype };
}

function abstractOf(call: OpCall): Value {
  const b = bind(call);
  const inner = b.start && b.stop ? broadcastOrNull([b.start.shape, b.stop.shape]) : null;
  const samples: ArrayValue = { kind: 'array', shape: b.num === undefined || inner === null ? null : [b.num, ...inner], dtype: b.dtype };
  if (b.retstep === false) return samples;
  // numpy's step is a numpy float, or the Python float nan when there is no interval (div ≤ 0)
  const noStep = b.num !== undefined && b.endpoint !== undefined && (b.endpoint ? b.num - 1 : b.num) <= 0;
  const step: Value = noStep ? { kind: 'float', value: NaN } : inner !== null && inner.length === 0 ? { kind: 'array', shape: [], dtype: b.work, scalar: true } : { kind: 'array', shape: inner, dtype: b.work };
  if (b.retstep === undefined) return { kind: 'unknown' };
  return { kind: 'tuple', items: [samples, step] };
}

registerOp({
  names: ['np.linspace'],
  doc: 'num evenly spaced samples from start to stop, stop included by default (endpoint=False excludes it); retstep=True also returns the spacing. Prefer it to np.arange with a float step.',
  latex: ([a, b, n]) => `\\left(${a} + i \\frac{${b} - ${a}}{${n ?? '50'} - 1}\\right)_{i=0}^{${n ?? '50'}-1}`,
  shape: abstractOf,
  evaluate(call, abstract) {
    const b = bind(call);
    if (!b.start?.data || !b.stop?.data || b.num === undefined || b.endpoint === undefined || b.work === null || b.dtype === null) return abstract;
    const samples = abstract.kind === 'tuple' ? abstract.items![0] : abstract;
    if (samples.kind !== 'array' || samples.shape === null) return abstract;
    const inner = samples.shape.slice(1) as number[];
    const m = inner.reduce((p, d) => p * d, 1);
    const is = broadcastIndexer(b.start.shape as number[], inner);
    const ie = broadcastIndexer(b.stop.shape as number[], inner);
    const w = b.work;
    const num = b.num;
    const div = b.endpoint ? num - 1 : num;
    const data = new Float64Array(num * m);
    const steps = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      const s = castScalar(b.start.data[is ? is[j] : j], w);
      const e = castScalar(b.stop.data[ie ? ie[j] : j], w);
      const delta = castScalar(e - s, w);
      const step = div > 0 ? castScalar(delta / div, w) : NaN;
      steps[j] = step;
      for (let i = 0; i < num; i++) {
        let y: number;
        if (div > 0) y = step === 0 ? castScalar(castScalar(i / div, w) * delta, w) : castScalar(i * step, w);
        else y = castScalar(i * delta, w);
        y = castScalar(y + s, w);
        if (b.endpoint && num > 1 && i === num - 1) y = e;
        data[i * m + j] = castScalar(isInt(b.dtype) ? Math.floor(y) : y, b.dtype);
      }
    }
    const out: ArrayValue = { ...samples, data };
    if (abstract.kind !== 'tuple') return out;
    const stepV: Value = div <= 0 ? { kind: 'float', value: NaN } : m === 1 && inner.length === 0 ? numpyScalar(w, steps[0]) : { kind: 'array', shape: inner, dtype: w, data: steps };
    return { kind: 'tuple', items: [out, stepV] };
  },
});
