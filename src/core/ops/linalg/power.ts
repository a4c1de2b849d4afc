// np.linalg.matrix_power (Aⁿ by numpy's binary powering, A⁻¹ first for n < 0, the identity for
// n = 0; integer matrices stay integer) and np.linalg.matrix_rank (singular values above
// S.max() · max(m, n) · eps, numpy's default tolerance).

import type { ArrayValue, Value } from '../../values';
import { arrayOrUnknown, dataOf, fail, result, shapeOf, size } from '../nd/common';
import { registerOp } from '../registry';
import type { OpCall, OpModule } from '../types';
import { gemm } from '../product/kernel';
import { intValue } from '../shape/axes';
import { castData, isInt } from '../dtype';
import { eachMatrix, linalgDtype, singular, square } from './common';
import { svd } from './jacobi';
import { invert } from './lu';

function powerPlan(call: OpCall) {
  const a = arrayOrUnknown(call.args[0] ?? call.kwargs.get('a'));
  const n = intValue(call.args[1] ?? call.kwargs.get('n'));
  if (call.args[1]?.kind === 'float') throw fail('type-error', 'exponent must be an integer', "l'exposant doit être un entier", 'TypeError');
  if (a.shape !== null) square(a.shape);
  // a negative power inverts first, so the result is float
  const dtype = a.dtype === null || n === undefined ? (a.dtype && isInt(a.dtype) ? null : a.dtype) : n < 0 ? linalgDtype(a.dtype) : a.dtype;
  return { a, n, dtype };
}

function mul(x: Float64Array, y: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  gemm(x, 0, y, 0, out, 0, m, m, m);
  return out;
}

const matrixPower: OpModule = {
  names: ['np.linalg.matrix_power'],
  doc: 'Aⁿ = A·A·…·A for a square matrix (or each matrix of a stack) and an integer n; A⁰ = I and A⁻ⁿ = (A⁻¹)ⁿ.',
  latex: ([a, n]) => `${a}^{${n ?? 'n'}}`,
  shape(call: OpCall): Value {
    const p = powerPlan(call);
    return result(p.a.shape, p.dtype);
  },
  evaluate(call: OpCall): Value {
    const p = powerPlan(call);
    const s = shapeOf(p.a);
    const m = s[s.length - 1];
    const out = new Float64Array(size(s));
    eachMatrix(dataOf(p.a), s, (mat, i) => {
      let base: Float64Array = mat;
      let n = p.n!;
      if (n < 0) {
        const inv = invert(mat, m);
        if (!inv) throw singular();
        base = inv;
        n = -n;
      }
      let res: Float64Array;
      if (n === 0) {
        res = new Float64Array(m * m);
        for (let q = 0; q < m; q++) res[q * m + q] = 1;
      } else if (n === 1) res = base.slice();
      else if (n === 2) res = mul(base, base, m);
      else if (n === 3) res = mul(mul(base, base, m), base, m);
      else {
        // numpy's binary decomposition: z = A, A², A⁴, …; multiply the result by z for each set bit
        let z: Float64Array | null = null;
        let acc: Float64Array | null = null;
        while (n > 0) {
          z = z === null ? base : mul(z, z, m);
          const bit = n % 2;
          n = Math.floor(n / 2);
          if (bit) acc = acc === null ? z : mul(acc, z, m);
        }
        res = acc!;
      }
      out.set(res, i * m * m);
    });
    return result(s, p.dtype, p.dtype ? castData(out, p.dtype) : out);
  },
};

const EPS = 2.220446049250313e-16;

const matrixRank: OpModule = {
  names: ['np.linalg.matrix_rank'],
  doc: 'The rank: how many singular values exceed S.max() · max(m, n) · ε (numerically independent rows/columns). A LoRA update B·A of inner size r has rank ≤ r.',
  latex: ([a]) => `\\operatorname{rank}(${a})`,
  shape(call: OpCall): Value {
    const a = arrayOrUnknown(call.args[0] ?? call.kwargs.get('A'));
    if (a.shape !== null && a.shape.length < 2) return { kind: 'int' };
    return result(a.shape === null ? null : a.shape.slice(0, -2), 'int64');
  },
  evaluate(call: OpCall): Value {
    const a = arrayOrUnknown(call.args[0] ?? call.kwargs.get('A')) as ArrayValue;
    const s = shapeOf(a);
    const d = dataOf(a);
    if (s.length < 2) return { kind: 'int', value: d.some((x) => x !== 0) ? 1 : 0 };
    const r = s[s.length - 2];
    const c = s[s.length - 1];
    const out = new Float64Array(size(s.slice(0, -2)));
    eachMatrix(d, s, (mat, i) => {
      const sv = svd(mat, r, c, false).s;
      const tol = (sv.length ? sv[0] : 0) * Math.max(r, c) * EPS;
      out[i] = sv.filter((x) => x > tol).length;
    });
    const res = result(s.slice(0, -2), 'int64', out);
    if (s.length === 2) res.scalar = true;
    return res;
  },
};

registerOp(matrixPower);
registerOp(matrixRank);
