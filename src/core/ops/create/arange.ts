// np.arange([start,] stop[, step], dtype=None): evenly spaced values in [start, stop), with
// numpy's length rule ceil((stop − start) / step) and its way of filling (start + i·delta, where
// delta is the difference of the first two values in the result dtype).

import { NumpyError } from '../../diagnostics';
import type { Dim } from '../../shapes/dim';
import type { ArrayValue, DType, Value } from '../../values';
import { dtypeArg, numberOf, symbolicShapeArg, symDimOf } from '../args';
import { castScalar, operandOf, promoteTypes } from '../dtype';
import { registerOp } from '../registry';
import type { OpCall } from '../types';

interface Plan {
  start?: number;
  stop?: number;
  step?: number;
  dtype: DType | null;
  /** a symbolic length when only `stop` is given and unknown (np.arange(seq_len)) */
  symLen?: Dim;
}

function planOf(call: OpCall): Plan {
  const pos = call.args.slice(0, 3);
  let startV: Value | undefined;
  let stopV: Value | undefined;
  let stepV: Value | undefined;
  if (pos.length >= 2) [startV, stopV, stepV] = pos;
  else {
    stopV = pos[0] ?? call.kwargs.get('stop');
    startV = call.kwargs.get('start');
    if (pos.length === 1 && call.kwargs.has('stop')) [startV, stopV] = [pos[0], call.kwargs.get('stop')];
  }
  stepV = stepV ?? call.kwargs.get('step');
  const vals = [startV, stopV, stepV].filter((v): v is Value => v !== undefined && v.kind !== 'none');
  const given = dtypeArg(call, 3, 'dtype');
  let dtype: DType | null = null;
  if (given) dtype = given;
  else if (given === null) {
    const ops = vals.map(operandOf);
    dtype = ops.every((o) => o !== null) ? ops.map((o) => o!.dtype).reduce((a, b) => promoteTypes(a, b)) : null;
  }
  const num = (v: Value | undefined, d: number | undefined) => (v === undefined || v.kind === 'none' ? d : numberOf(v));
  const plan: Plan = { start: num(startV, 0), stop: num(stopV, undefined), step: num(stepV, 1), dtype };
  if (plan.stop === undefined && pos.length === 1 && stepV === undefined && startV === undefined) {
    const s = symbolicShapeArg(call, 0, 'stop');
    if (s && s.length === 1 && typeof s[0] !== 'number') plan.symLen = s[0];
  } else if (plan.stop === undefined && plan.start === 0 && plan.step === 1) {
    // arange(0, n) with a symbolic n is n long; other starts or steps give no nameable length
    const s = pos.length === 2 ? symbolicShapeArg(call, 1, 'stop') : undefined;
    plan.symLen = symDimOf(stopV) ?? (s?.length === 1 && typeof s[0] !== 'number' ? s[0] : undefined);
  }
  return plan;
}

/** numpy's length of arange: ceil((stop - start) / step), at least 0; errors as numpy raises them. */
export function arangeLength(start: number, stop: number, step: number): number {
  if (step === 0) throw new NumpyError('zero-step', { en: 'division by zero', fr: 'division par zéro (pas nul)' }, { pyType: 'ZeroDivisionError' });
  const len = Math.ceil((stop - start) / step);
  if (Number.isNaN(len)) throw new NumpyError('arange-length', { en: 'arange: cannot compute length', fr: 'arange : impossible de calculer la longueur' }, { pyType: 'ValueError' });
  if (!Number.isFinite(len) && len > 0) throw new NumpyError('arange-length', { en: 'Maximum allowed size exceeded', fr: 'Taille maximale autorisée dépassée' }, { pyType: 'ValueError' });
  return Math.max(0, len);
}

function shapeOf(call: OpCall): ArrayValue {
  const p = planOf(call);
  if (p.symLen) return { kind: 'array', shape: [p.symLen], dtype: p.dtype };
  if (p.start === undefined || p.stop === undefined || p.step === undefined) return { kind: 'array', shape: null, dtype: p.dtype };
  return { kind: 'array', shape: [arangeLength(p.start, p.stop, p.step)], dtype: p.dtype };
}

registerOp({
  names: ['np.arange'],
  doc: 'Evenly spaced values in [start, stop) — stop is excluded — with the given step: np.arange(n) is 0…n−1 (positions of a sequence). Integer arguments give int64; a float step may give one element more or less than expected because of rounding (use np.linspace).',
  latex: ([a, b, c]) => (b === undefined ? `\\left(0, 1, \\ldots, ${a} - 1\\right)` : `\\left(${a}, ${a} + ${c ?? '1'}, \\ldots\\right)_{< ${b}}`),
  shape: shapeOf,
  evaluate(call, abstract) {
    const p = planOf(call);
    if (abstract.kind !== 'array' || abstract.shape === null || typeof abstract.shape[0] !== 'number' || p.dtype === null || p.start === undefined || p.step === undefined) return abstract;
    const n = abstract.shape[0];
    const dt = p.dtype;
    const data = new Float64Array(n);
    if (n > 0) data[0] = castScalar(p.start, dt);
    if (n > 1) data[1] = castScalar(p.start + p.step, dt);
    const delta = castScalar(data.length > 1 ? data[1] - data[0] : 0, dt);
    for (let i = 2; i < n; i++) data[i] = castScalar(data[0] + castScalar(i * delta, dt), dt);
    return { ...abstract, data };
  },
});
