// np.dot (its N-D rule), ndarray.dot, np.inner and np.outer against numpy goldens, plus the
// tutor's explanation of a dot mismatch (numpy's message quoted, `.T` fix offered).
import * as assert from 'node:assert/strict';
import type { NumpyError } from '../../../src/core/diagnostics';
import type { ArrayValue } from '../../../src/core/values';
import { makeCall, run, runGoldens } from './b_golden';

describe('ops: np.dot / np.inner / np.outer against numpy', () => {
  runGoldens('matmul', {
    skip: (c) => ['op.matmul', 'np.matmul'].includes(c.name),
    containsCodes: ['matmul-mismatch'],
  });
});

describe('ops: dot mismatch explained', () => {
  it('np.dot(Q, K) with two (4, 2) suggests K.T', () => {
    const a: ArrayValue = { kind: 'array', shape: [4, 2], dtype: 'float64' };
    const call = makeCall('np.dot', [a, a], {}, undefined, ['Q', 'K']);
    assert.throws(() => run(call, false), (e: NumpyError) => {
      assert.match(e.text.en, /^np\.dot\(Q, K\): \(4, 2\) · \(4, 2\) — inner sizes 2 and 4 differ; did you mean K\.T\?/);
      assert.equal(e.options.fixes?.[0].edits[0].newText, 'K.T');
      return true;
    });
  });
  it('np.dot of N-D stacks is not matmul: (2,3,4)·(5,4,6) → (2,3,5,6)', () => {
    const r = run(makeCall('np.dot', [{ kind: 'array', shape: [2, 3, 4], dtype: 'float32' }, { kind: 'array', shape: [5, 4, 6], dtype: 'float64' }]), false) as ArrayValue;
    assert.deepEqual(r.shape, [2, 3, 5, 6]);
    assert.equal(r.dtype, 'float64');
  });
});
