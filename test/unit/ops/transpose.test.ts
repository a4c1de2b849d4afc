// ndarray.T, np.transpose / ndarray.transpose, swapaxes, moveaxis against numpy goldens, and
// symbolic shapes flowing through a permutation.
import * as assert from 'node:assert/strict';
import { Dim } from '../../../src/core/shapes/dim';
import type { ArrayValue } from '../../../src/core/values';
import { makeCall, run, runGoldens } from './b_golden';

describe('ops: transpose family against numpy', () => {
  runGoldens('transpose');
});

describe('ops: transpose with symbols', () => {
  it('K.T of (n, d_k) is (d_k, n)', () => {
    const K: ArrayValue = { kind: 'array', shape: [Dim.sym('n'), Dim.sym('d_k')], dtype: 'float64' };
    const r = run(makeCall('ndarray.T', [], {}, K), false) as ArrayValue;
    assert.deepEqual(r.shape, [Dim.sym('d_k'), Dim.sym('n')]);
  });
  it('transpose(1, 0, 2) of (n, h, d_k) puts heads first', () => {
    const x: ArrayValue = { kind: 'array', shape: [Dim.sym('n'), 2, 3], dtype: 'float64' };
    const r = run(makeCall('ndarray.transpose', [{ kind: 'int', value: 1 }, { kind: 'int', value: 0 }, { kind: 'int', value: 2 }], {}, x), false) as ArrayValue;
    assert.deepEqual(r.shape, [2, Dim.sym('n'), 3]);
  });
});
