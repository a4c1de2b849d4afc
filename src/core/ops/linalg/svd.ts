// np.linalg.svd: A = U·diag(S)·Vh for a matrix or a stack, with full_matrices and compute_uv.
// Shapes exactly as numpy's; values from one-sided Jacobi (./jacobi.ts). Singular values match
// numpy; singular vectors are unique only up to sign (and rotation within repeated singular
// values), so U and Vh may differ from LAPACK's while U·diag(S)·Vh reproduces A.

import { Dim } from '../../shapes/dim';
import type { TupleValue, Value } from '../../values';
import { arrayOrUnknown, dataOf, result, shapeOf, size } from '../nd/common';
import { registerOp } from '../registry';
import type { OpCall, OpModule } from '../types';
import { boolArg } from '../args';
import { atLeast2d, eachMatrix, finish, linalgDtype } from './common';
import { svd } from './jacobi';

function options(call: OpCall) {
  return {
    full: boolArg(call, 1, 'full_matrices', true) ?? true,
    uv: boolArg(call, 2, 'compute_uv', true) ?? true,
  };
}

const svdOp: OpModule = {
  names: ['np.linalg.svd'],
  doc:
    'Singular value decomposition A = U · diag(S) · Vh, S in decreasing order. With full_matrices=False U is (m, k) and ' +
    'Vh is (k, n), k = min(m, n); compute_uv=False returns S only. Singular vectors are defined up to sign. ' +
    'The NLP course uses it to reduce a co-occurrence matrix to dense word vectors.',
  latex: ([a]) => `\\operatorname{svd}(${a})`,
  shape(call: OpCall): Value {
    const a = arrayOrUnknown(call.args[0] ?? call.kwargs.get('a'));
    const dt = linalgDtype(a.dtype);
    const { full, uv } = options(call);
    if (a.shape === null) return uv ? { kind: 'tuple', items: [result(null, dt), result(null, dt), result(null, dt)] } : result(null, dt);
    atLeast2d(a.shape);
    const batch = a.shape.slice(0, -2);
    const m = a.shape[a.shape.length - 2];
    const n = a.shape[a.shape.length - 1];
    const k: Dim = typeof m === 'number' && typeof n === 'number' ? Math.min(m, n) : Dim.equal(m, n) ? m : Dim.sym(`min(${Dim.format(m)},${Dim.format(n)})`);
    const s = result([...batch, k], dt);
    if (!uv) return s;
    return { kind: 'tuple', items: [result([...batch, m, full ? m : k], dt), s, result([...batch, full ? n : k, n], dt)] };
  },
  evaluate(call: OpCall): Value {
    const a = arrayOrUnknown(call.args[0] ?? call.kwargs.get('a'));
    const dt = linalgDtype(a.dtype);
    const { full, uv } = options(call);
    const sh = shapeOf(a);
    const m = sh[sh.length - 2];
    const n = sh[sh.length - 1];
    const k = Math.min(m, n);
    const batch = sh.slice(0, -2);
    const nb = size(batch);
    const uc = full ? m : k;
    const vr = full ? n : k;
    const U = new Float64Array(nb * m * uc);
    const S = new Float64Array(nb * k);
    const V = new Float64Array(nb * vr * n);
    eachMatrix(dataOf(a), sh, (mat, i) => {
      const r = svd(mat, m, n, full);
      S.set(r.s.subarray(0, k), i * k);
      // svd() gives the thin factor for the wide/tall side it did not complete: copy what fits
      copyBlock(r.u, m, r.u.length / Math.max(m, 1), U, i * m * uc, m, uc);
      copyBlock(r.vh, r.vh.length / Math.max(n, 1), n, V, i * vr * n, vr, n);
    });
    const sv = result([...batch, k], dt, finish(S, dt));
    if (!uv) return sv;
    const items: Value[] = [result([...batch, m, uc], dt, finish(U, dt)), sv, result([...batch, vr, n], dt, finish(V, dt))];
    return { kind: 'tuple', items } satisfies TupleValue;
  },
};

/** Copy the top-left rows×cols block of a (srcRows×srcCols) row-major matrix into dst at off. */
function copyBlock(src: Float64Array, srcRows: number, srcCols: number, dst: Float64Array, off: number, rows: number, cols: number): void {
  for (let i = 0; i < Math.min(rows, srcRows); i++) {
    for (let j = 0; j < Math.min(cols, srcCols); j++) dst[off + i * cols + j] = src[i * srcCols + j];
  }
}

registerOp(svdOp);
