// np.linalg.inv, np.linalg.solve and np.linalg.det on (stacks of) square matrices, by LU with
// partial pivoting; numpy's LinAlgError "Singular matrix" exactly when a pivot is zero.

import { broadcastIndexer, broadcastMany } from '../../shapes/broadcast';
import { Dim, type Shape } from '../../shapes/dim';
import type { ArrayValue, Value } from '../../values';
import { resultType } from '../dtype';
import { arrayOrUnknown, compact, dataOf, fail, result, shapeOf, size } from '../nd/common';
import { registerOp } from '../registry';
import type { OpCall, OpModule } from '../types';
import { eachMatrix, finish, linalgDtype, singular, square } from './common';
import { determinant, invert, solve } from './lu';

const inv: OpModule = {
  names: ['np.linalg.inv'],
  doc: 'Matrix inverse A⁻¹ (A A⁻¹ = I) of a square matrix, or of each matrix of a stack. Raises LinAlgError for a singular matrix.',
  latex: ([a]) => `${a}^{-1}`,
  shape(call: OpCall): Value {
    const a = arrayOrUnknown(call.args[0] ?? call.kwargs.get('a'));
    if (a.shape !== null) square(a.shape);
    return result(a.shape, linalgDtype(a.dtype));
  },
  evaluate(call: OpCall): Value {
    const a = arrayOrUnknown(call.args[0] ?? call.kwargs.get('a'));
    const s = shapeOf(a);
    const n = s[s.length - 1];
    const out = new Float64Array(size(s));
    eachMatrix(dataOf(a), s, (m, i) => {
      const r = invert(m, n);
      if (!r) throw singular();
      out.set(r, i * n * n);
    });
    const dt = linalgDtype(a.dtype);
    return result(s, dt, finish(out, dt));
  },
};

/** solve's two gufuncs: b a vector when it has one axis fewer than a, else a matrix of right-hand sides. */
function solvePlan(a: ArrayValue, b: ArrayValue) {
  if (a.shape === null || b.shape === null) return null;
  square(a.shape);
  const vec = b.shape.length === a.shape.length - 1;
  const m = a.shape[a.shape.length - 1];
  if (b.shape.length < 1 || (!vec && b.shape.length < 2)) {
    throw fail('linalg-dims', `${b.shape.length}-dimensional array given. Array must be at least two-dimensional`, 'b doit avoir au moins une dimension', 'LinAlgError');
  }
  const bm = vec ? b.shape[b.shape.length - 1] : b.shape[b.shape.length - 2];
  if (Dim.certainlyDiffer(bm, m)) {
    const sig = vec ? 'solve1: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m)->(m)'
      : 'solve: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m,n)->(m,n)';
    throw fail('linalg-solve-shape', `${sig} (size ${Dim.format(bm)} is different from ${Dim.format(m)})`,
      `np.linalg.solve : b a ${Dim.format(bm)} lignes mais A est ${Dim.format(m)}×${Dim.format(m)}`);
  }
  const aBatch = a.shape.slice(0, -2);
  const bBatch = vec ? b.shape.slice(0, -1) : b.shape.slice(0, -2);
  let batch: Shape;
  try {
    batch = broadcastMany([aBatch, bBatch]);
  } catch {
    throw fail('broadcast-mismatch', `operands could not be broadcast together with shapes ${compact(a.shape)} ${compact(b.shape)}`,
      `les axes de lot de ${compact(a.shape)} et ${compact(b.shape)} ne sont pas compatibles`);
  }
  const core = vec ? [m] : [m, b.shape[b.shape.length - 1]];
  return { vec, batch, aBatch, bBatch, shape: [...batch, ...core] };
}

function solveDtype(a: ArrayValue, b: ArrayValue) {
  if (a.dtype === null || b.dtype === null) return null;
  return linalgDtype(resultType([{ dtype: a.dtype, scalar: false }, { dtype: b.dtype, scalar: false }]));
}

const solveOp: OpModule = {
  names: ['np.linalg.solve'],
  doc: 'Solve the linear system A x = b for x (without forming A⁻¹). b is a vector when it has one axis fewer than A, else a matrix of right-hand sides.',
  latex: ([a, b]) => `${a}^{-1} ${b}`,
  shape(call: OpCall): Value {
    const a = arrayOrUnknown(call.args[0] ?? call.kwargs.get('a'));
    const b = arrayOrUnknown(call.args[1] ?? call.kwargs.get('b'));
    const p = solvePlan(a, b);
    return result(p ? p.shape : null, solveDtype(a, b));
  },
  evaluate(call: OpCall): Value {
    const a = arrayOrUnknown(call.args[0] ?? call.kwargs.get('a'));
    const b = arrayOrUnknown(call.args[1] ?? call.kwargs.get('b'));
    const p = solvePlan(a, b)!;
    const as = shapeOf(a);
    const bs = shapeOf(b);
    const m = as[as.length - 1];
    const k = p.vec ? 1 : bs[bs.length - 1];
    const batch = p.batch as number[];
    const nb = size(batch);
    const ia = broadcastIndexer(p.aBatch as number[], batch);
    const ib = broadcastIndexer(p.bBatch as number[], batch);
    const ad = dataOf(a);
    const bd = dataOf(b);
    const out = new Float64Array(nb * m * k);
    for (let t = 0; t < nb; t++) {
      const ta = ia ? ia[t] : t;
      const tb = ib ? ib[t] : t;
      const x = solve(ad.subarray(ta * m * m, (ta + 1) * m * m), m, bd.subarray(tb * m * k, (tb + 1) * m * k), k);
      if (!x) throw singular();
      out.set(x, t * m * k);
    }
    const dt = solveDtype(a, b);
    return result(p.shape, dt, finish(out, dt));
  },
};

const det: OpModule = {
  names: ['np.linalg.det'],
  doc: 'Determinant of a square matrix (or of each matrix of a stack), from its LU factorisation; 0 for a singular matrix.',
  latex: ([a]) => `\\det ${a}`,
  shape(call: OpCall): Value {
    const a = arrayOrUnknown(call.args[0] ?? call.kwargs.get('a'));
    if (a.shape === null) return result(null, linalgDtype(a.dtype));
    square(a.shape);
    return result(a.shape.slice(0, -2), linalgDtype(a.dtype));
  },
  evaluate(call: OpCall): Value {
    const a = arrayOrUnknown(call.args[0] ?? call.kwargs.get('a'));
    const s = shapeOf(a);
    const n = s[s.length - 1];
    const out = new Float64Array(size(s.slice(0, -2)));
    eachMatrix(dataOf(a), s, (m, i) => {
      out[i] = determinant(m, n);
    });
    const dt = linalgDtype(a.dtype);
    const r = result(s.slice(0, -2), dt, finish(out, dt));
    if (s.length === 2) r.scalar = true;
    return r;
  },
};

registerOp(inv);
registerOp(solveOp);
registerOp(det);
