// np.eye (N×M with ones on the k-th diagonal) and np.identity (the n×n identity matrix):
// shape, dtype and, when N, M and k are known, the values.

import type { Dim, Shape } from '../../shapes/dim';
import type { ArrayValue, DType, Value } from '../../values';
import { arg, dtypeArg, intArg, symbolicShapeArg } from '../args';
import { castScalar } from '../dtype';
import { registerOp } from '../registry';
import type { OpCall } from '../types';

interface Plan { n?: Dim; m?: Dim; k?: number; dtype: DType | null }

function dimArg(call: OpCall, index: number, name: string): Dim | undefined {
  const s = symbolicShapeArg(call, index, name);
  return s && s.length === 1 ? s[0] : undefined;
}

function planOf(call: OpCall): Plan {
  const identity = call.name === 'np.identity';
  const n = dimArg(call, 0, identity ? 'n' : 'N');
  const mV = identity ? undefined : arg(call, 1, 'M');
  const m = mV === undefined || mV.kind === 'none' ? n : dimArg(call, 1, 'M');
  const k = identity ? 0 : intArg(call, 2, 'k', 0);
  const dt = dtypeArg(call, identity ? 1 : 3, 'dtype');
  return { n, m, k, dtype: dt === undefined ? null : dt ?? 'float64' };
}

function shapeOf(p: Plan): ArrayValue {
  const shape: Shape | null = p.n !== undefined && p.m !== undefined ? [p.n, p.m] : null;
  return { kind: 'array', shape, dtype: p.dtype };
}

function evaluate(call: OpCall, abstract: Value): Value {
  const p = planOf(call);
  if (abstract.kind !== 'array' || typeof p.n !== 'number' || typeof p.m !== 'number' || p.k === undefined || p.dtype === null) return abstract;
  const data = new Float64Array(p.n * p.m);
  const one = castScalar(1, p.dtype);
  for (let i = 0; i < p.n; i++) {
    const j = i + p.k;
    if (j >= 0 && j < p.m) data[i * p.m + j] = one;
  }
  return { ...abstract, data };
}

registerOp({
  names: ['np.eye'],
  doc: 'An N×M matrix (M defaults to N) with ones on the k-th diagonal (k=0 the main one, k>0 above, k<0 below) and zeros elsewhere.',
  latex: ([n]) => `I_{${n}}`,
  shape: (call) => shapeOf(planOf(call)),
  evaluate,
});

registerOp({
  names: ['np.identity'],
  doc: 'The n×n identity matrix (float64 unless dtype= says otherwise).',
  latex: ([n]) => `I_{${n}}`,
  shape: (call) => shapeOf(planOf(call)),
  evaluate,
});
