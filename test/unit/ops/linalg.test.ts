// np.linalg.norm / svd / inv / solve / det and np.trace against numpy goldens. SVD: singular
// values compared with numpy's; U and Vh (unique only up to sign) checked by orthonormality and
// by reconstructing A = U[:, :k]·diag(S)·Vh[:k].
import * as assert from 'node:assert/strict';
import type { ArrayValue, TupleValue } from '../../../src/core/values';
import { assertMatches, callOf, close, decode, loadGoldens, makeCall, run, runGoldens } from './b_golden';

describe('ops: np.linalg against numpy', () => {
  runGoldens('linalg', { skip: (c) => c.check === 'svd' });
});

function mat(a: ArrayValue, batch: number): { rows: number; cols: number; at: (i: number, j: number) => number } {
  const s = a.shape as number[];
  const rows = s[s.length - 2];
  const cols = s[s.length - 1];
  return { rows, cols, at: (i, j) => a.data![batch * rows * cols + i * cols + j] };
}

function checkOrthonormalRows(m: ReturnType<typeof mat>, count: number, byColumns: boolean, where: string): void {
  for (let p = 0; p < count; p++) {
    for (let q = 0; q < count; q++) {
      let d = 0;
      const len = byColumns ? m.rows : m.cols;
      for (let i = 0; i < len; i++) d += byColumns ? m.at(i, p) * m.at(i, q) : m.at(p, i) * m.at(q, i);
      assert.ok(Math.abs(d - (p === q ? 1 : 0)) < 1e-12, `${where}: <${p},${q}> = ${d}`);
    }
  }
}

describe('ops: np.linalg.svd (values vs numpy, vectors by reconstruction)', () => {
  for (const c of loadGoldens('linalg').filter((g) => g.check === 'svd')) {
    it(c.note, () => {
      const A = decode(c.args[0]) as ArrayValue;
      const r = run(callOf(c)) as TupleValue;
      const expected = c.result!.items;
      const [U, S, Vh] = r.items as ArrayValue[];
      assert.deepEqual(U.shape, expected[0].shape, 'U shape');
      assert.deepEqual(Vh.shape, expected[2].shape, 'Vh shape');
      assertMatches(S, expected[1], 'S', 1e-12);
      const s = A.shape as number[];
      const batches = s.slice(0, -2).reduce((p, d) => p * d, 1);
      const k = Math.min(s[s.length - 2], s[s.length - 1]);
      for (let b = 0; b < batches; b++) {
        const u = mat(U, b);
        const v = mat(Vh, b);
        const a = mat(A, b);
        checkOrthonormalRows(u, u.cols, true, 'U columns');
        checkOrthonormalRows(v, v.rows, false, 'Vh rows');
        for (let i = 0; i < a.rows; i++) {
          for (let j = 0; j < a.cols; j++) {
            let x = 0;
            for (let t = 0; t < k; t++) x += u.at(i, t) * S.data![b * k + t] * v.at(t, j);
            assert.ok(close(x, a.at(i, j), 1e-12, 1e-12), `A[${i},${j}]: ${x} vs ${a.at(i, j)}`);
          }
        }
      }
    });
  }
});

describe('ops: linalg accuracy beyond the goldens', () => {
  it('inv of a 60×60 well-conditioned matrix: A·A⁻¹ = I', () => {
    const n = 60;
    const data = Float64Array.from({ length: n * n }, (_, q) => Math.sin(q * 1.3) + (q % (n + 1) === 0 ? n : 0));
    const A: ArrayValue = { kind: 'array', shape: [n, n], dtype: 'float64', data };
    const inv = run(makeCall('np.linalg.inv', [A])) as ArrayValue;
    const I = run(makeCall('op.matmul', [A, inv])) as ArrayValue;
    I.data!.forEach((x, q) => assert.ok(Math.abs(x - (Math.floor(q / n) === q % n ? 1 : 0)) < 1e-12, `I[${q}] = ${x}`));
  });
  it('svd of a rank-deficient 5×4 matrix completes U with orthonormal columns', () => {
    const data = Float64Array.from({ length: 20 }, (_, q) => (Math.floor(q / 4) + 1) * ((q % 4) + 1));
    const r = run(makeCall('np.linalg.svd', [{ kind: 'array', shape: [5, 4], dtype: 'float64', data }])) as TupleValue;
    const U = r.items![0] as ArrayValue;
    checkOrthonormalRows(mat(U, 0), 5, true, 'U');
    const S = (r.items![1] as ArrayValue).data!;
    assert.ok(S[1] < 1e-12 && S[0] > 1, `rank 1: ${Array.from(S)}`);
  });
});
