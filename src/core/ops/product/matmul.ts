// `A @ B` and np.matmul: numpy's gufunc (n?,k),(k,m?)->(n?,m?) — 1-D operands promoted then their
// axis removed, stacks of matrices broadcast over the leading axes. A certain inner mismatch is
// reported as a tutor's message with a `.T` QuickFix when transposing an operand would fit.

import { NumpyError } from '../../diagnostics';
import { broadcastIndexer, broadcastMany } from '../../shapes/broadcast';
import { Dim, Shape } from '../../shapes/dim';
import type { ArrayValue, DType, Value } from '../../values';
import { castData, resultType } from '../dtype';
import { registerOp } from '../registry';
import type { OpCall, OpModule } from '../types';
import { arrayOrUnknown, compact, concrete, dataOf, fail, result, shapeOf, size } from '../nd/common';
import { atomic, mismatchText } from './hint';
import { kernelFor } from './kernel';

const SIG = '(n?,k),(k,m?)->(n?,m?)';

/** The dtype of a product of two arrays (no value-based casting: both are at least 1-D). */
export function productDtype(a: ArrayValue, b: ArrayValue): DType | null {
  if (a.dtype === null || b.dtype === null) return null;
  return resultType([{ dtype: a.dtype, scalar: false }, { dtype: b.dtype, scalar: false }]);
}

function label(call: OpCall): string {
  const ta = atomic(call.argTexts[0]?.trim() || 'A');
  const tb = atomic(call.argTexts[1]?.trim() || 'B');
  return call.name === 'op.matmul' ? `${ta} @ ${tb}` : `np.matmul(${call.argTexts[0] ?? 'A'}, ${call.argTexts[1] ?? 'B'})`;
}

/** numpy's message for stacks whose leading (batch) axes do not broadcast. */
function batchError(a: Shape, b: Shape, out: Dim[]): NumpyError {
  const remap = (s: Shape) =>
    `${compact(s)}->(${[...s.slice(0, -2).map(Dim.format), 'newaxis', 'newaxis'].join(',')})`;
  const en = `operands could not be broadcast together with remapped shapes [original->remapped]: ${remap(a)} ${remap(b)}  and requested shape ${compact(out)}`;
  return new NumpyError('broadcast-mismatch', {
    en,
    fr: `impossible de diffuser (broadcast) les axes de lot de ${compact(a)} et ${compact(b)} : ${compact(a.slice(0, -2))} et ${compact(b.slice(0, -2))} sont incompatibles`,
  }, { pyType: 'ValueError' });
}

interface Plan {
  shape: Dim[];
  batch: Shape;
  aBatch: Shape;
  bBatch: Shape;
  n: Dim;
  k: Dim;
  m: Dim;
  aVec: boolean;
  bVec: boolean;
}

/** The shape rule, shared with np.dot/inner when they reduce to a matmul. */
export function matmulPlan(call: OpCall, a: Shape, b: Shape): Plan {
  for (const [i, s] of [a, b].entries()) {
    if (s.length === 0) {
      throw fail(
        'matmul-scalar',
        `matmul: Input operand ${i} does not have enough dimensions (has 0, gufunc core with signature ${SIG} requires 1)`,
        `matmul : l'opérande ${i} est un scalaire (0 dimension) ; @ demande au moins un vecteur — utilisez * pour multiplier par un scalaire`,
      );
    }
  }
  const aVec = a.length === 1;
  const bVec = b.length === 1;
  const ka = a[a.length - 1];
  const kb = bVec ? b[0] : b[b.length - 2];
  const n: Dim = aVec ? 1 : a[a.length - 2];
  const m: Dim = bVec ? 1 : b[b.length - 1];
  if (Dim.certainlyDiffer(ka, kb)) {
    const { text, fixes } = mismatchText(call, {
      label: label(call), sym: '@', a, b, ka, kb, aInner: ka, bInner: kb,
    });
    throw new NumpyError('matmul-mismatch', text, { fixes, pyType: 'ValueError' });
  }
  const aBatch = aVec ? [] : a.slice(0, -2);
  const bBatch = bVec ? [] : b.slice(0, -2);
  const core: Dim[] = [...(aVec ? [] : [n]), ...(bVec ? [] : [m])];
  let batch: Shape;
  try {
    batch = broadcastMany([aBatch, bBatch]);
  } catch {
    throw batchError(a, b, core);
  }
  return { shape: [...batch, ...core], batch, aBatch, bBatch, n, k: Dim.isKnown(ka) ? ka : kb, m, aVec, bVec };
}

/** Evaluate a planned matmul on concrete data. */
export function matmulData(a: ArrayValue, b: ArrayValue, plan: Plan, dtype: DType): ArrayValue {
  const as = shapeOf(a);
  const bs = shapeOf(b);
  const n = plan.aVec ? 1 : as[as.length - 2];
  const k = as[as.length - 1];
  const m = plan.bVec ? 1 : bs[bs.length - 1];
  const batch = concrete(plan.batch)!;
  const nb = size(batch);
  const out = new Float64Array(nb * n * m);
  const ia = broadcastIndexer(concrete(plan.aBatch)!, batch);
  const ib = broadcastIndexer(concrete(plan.bBatch)!, batch);
  const ad = dataOf(a);
  const bd = dataOf(b);
  const kernel = kernelFor(dtype, ad, bd, k);
  for (let t = 0; t < nb; t++) {
    const ta = ia ? ia[t] : t;
    const tb = ib ? ib[t] : t;
    kernel(ad, ta * n * k, bd, tb * k * m, out, t * n * m, n, k, m);
  }
  return result(plan.shape, dtype, castData(out, dtype));
}

function operands(call: OpCall): [ArrayValue, ArrayValue] {
  return [arrayOrUnknown(call.args[0] ?? call.kwargs.get('x1')), arrayOrUnknown(call.args[1] ?? call.kwargs.get('x2'))];
}

const matmul: OpModule = {
  names: ['op.matmul', 'np.matmul'],
  doc:
    'Matrix product. For 2-D arrays (n, k) @ (k, m) → (n, m): each entry is the dot product of a row of the left ' +
    'operand with a column of the right one, so the inner sizes k must agree. A 1-D operand is treated as a row ' +
    '(left) or column (right) vector and that axis is removed from the result; arrays with more than two axes are ' +
    'stacks of matrices whose leading axes broadcast. Scalars are not allowed (use *).',
  latex: ([a, b]) => `${a}\\,${b}`,
  shape(call: OpCall): Value {
    const [a, b] = operands(call);
    const dtype = productDtype(a, b);
    if (a.shape === null || b.shape === null) {
      // the rank is unknown, but a 0-d operand still fails
      if (a.shape?.length === 0 || b.shape?.length === 0) matmulPlan(call, a.shape ?? [1], b.shape ?? [1]);
      return result(null, dtype);
    }
    return result(matmulPlan(call, a.shape, b.shape).shape, dtype);
  },
  evaluate(call: OpCall): Value {
    const [a, b] = operands(call);
    const plan = matmulPlan(call, a.shape!, b.shape!);
    const dtype = productDtype(a, b) ?? 'float64';
    const r = matmulData(a, b, plan, dtype);
    if (plan.shape.length === 0) r.scalar = true;
    return r;
  },
};

registerOp(matmul);
export default matmul;
