// np.matmul / `@`: numpy goldens (values, dtypes, 1-D promotion, batch broadcasting, errors), the
// tutor's mismatch message with its `.T` QuickFix, symbolic and unknown shapes, and speed.
import * as assert from 'node:assert/strict';
import { NumpyError } from '../../../src/core/diagnostics';
import { Dim } from '../../../src/core/shapes/dim';
import type { ArrayValue } from '../../../src/core/values';
import { makeCall, run, runGoldens } from './b_golden';

const arr = (shape: (number | string)[], data?: number[]): ArrayValue => ({
  kind: 'array',
  shape: shape.map((d) => (typeof d === 'string' ? Dim.sym(d) : d)),
  dtype: 'float64',
  ...(data ? { data: Float64Array.from(data) } : {}),
});

describe('ops: matmul (@, np.matmul) against numpy', () => {
  runGoldens('matmul', {
    skip: (c) => !['op.matmul', 'np.matmul'].includes(c.name),
    tutorCodes: ['matmul-mismatch'],
  });
});

describe('ops: matmul tutor message', () => {
  it('explains Q @ K and offers K.T', () => {
    const call = makeCall('op.matmul', [arr([4, 2]), arr([4, 2])], {}, undefined, ['Q', 'K']);
    assert.throws(() => run(call, false), (e: NumpyError) => {
      assert.equal(e.code, 'matmul-mismatch');
      assert.equal(e.text.en, 'Q @ K: (4, 2) @ (4, 2) — inner sizes 2 and 4 differ; did you mean K.T?');
      assert.match(e.text.fr, /vouliez-vous dire K\.T/);
      assert.equal(e.options.fixes?.[0].edits[0].newText, 'K.T');
      assert.deepEqual(e.options.fixes?.[0].edits[0].loc, call.argLocs[1]);
      return true;
    });
  });
  it('suggests transposing the left operand when only that fits', () => {
    const call = makeCall('op.matmul', [arr([3, 2]), arr([3, 5])], {}, undefined, ['X @ W', 'V']);
    assert.throws(() => run(call, false), (e: NumpyError) => {
      assert.match(e.text.en, /did you mean \(X @ W\)\.T\?$/);
      assert.equal(e.options.fixes?.[0].edits[0].newText, '(X @ W).T');
      return true;
    });
  });
  it('drops a .T that made the product wrong instead of adding another (a @ v.T → a @ v)', () => {
    const call = makeCall('op.matmul', [arr([3, 3]), arr([2, 3])], {}, undefined, ['a', 'v.T']);
    assert.throws(() => run(call, false), (e: NumpyError) => {
      assert.match(e.text.en, /did you mean v\?$/);
      assert.equal(e.options.fixes?.[0].edits[0].newText, 'v');
      return true;
    });
  });
  it('uses swapaxes for stacks of matrices and gives no fix when nothing fits', () => {
    const stack = makeCall('op.matmul', [arr([2, 4, 3]), arr([2, 4, 3])], {}, undefined, ['Qh', 'Kh']);
    assert.throws(() => run(stack, false), /did you mean Kh\.swapaxes\(-1, -2\)\?/);
    const none = makeCall('op.matmul', [arr([4, 2]), arr([3, 5])], {}, undefined, ['A', 'B']);
    assert.throws(() => run(none, false), (e: NumpyError) => e.options.fixes?.length === 0 && /inner sizes 2 and 3 differ:/.test(e.text.en));
  });
});

describe('ops: matmul symbolic and unknown shapes', () => {
  it('keeps symbols: (n, d_k) @ (d_k, n) → (n, n)', () => {
    const r = run(makeCall('op.matmul', [arr(['n', 'd_k']), arr(['d_k', 'n'])]), false) as ArrayValue;
    assert.deepEqual(r.shape, [Dim.sym('n'), Dim.sym('n')]);
  });
  it('never reports a mismatch involving a symbol', () => {
    const r = run(makeCall('op.matmul', [arr(['n', 'd']), arr([4, 3])]), false) as ArrayValue;
    assert.deepEqual(r.shape, [Dim.sym('n'), 3]);
  });
  it('unknown rank in → unknown out, dtype still known', () => {
    const r = run(makeCall('op.matmul', [{ kind: 'array', shape: null, dtype: 'float64' }, arr([2, 3])]), false) as ArrayValue;
    assert.equal(r.shape, null);
    assert.equal(r.dtype, 'float64');
  });
});

describe('ops: matmul speed', () => {
  it('multiplies 256×64 by 64×256 quickly (i-k-j kernel)', () => {
    const a = arr([256, 64], Array.from({ length: 256 * 64 }, (_, i) => Math.sin(i)));
    const b = arr([64, 256], Array.from({ length: 256 * 64 }, (_, i) => Math.cos(i)));
    const t0 = performance.now();
    const r = run(makeCall('op.matmul', [a, b])) as ArrayValue;
    const ms = performance.now() - t0;
    let want = 0;
    for (let k = 0; k < 64; k++) want += a.data![5 * 64 + k] * b.data![k * 256 + 7];
    assert.ok(Math.abs(r.data![5 * 256 + 7] - want) < 1e-12);
    assert.ok(ms < 200, `took ${ms} ms`);
  });
});
