// np.einsum against numpy goldens (explicit/implicit output, traces, diagonals, ellipsis,
// broadcasting, numpy's errors), symbolic label sizes, and agreement with matmul on attention.
import * as assert from 'node:assert/strict';
import { Dim } from '../../../src/core/shapes/dim';
import type { ArrayValue, Value } from '../../../src/core/values';
import { close, makeCall, run, runGoldens } from './b_golden';

const str = (value: string): Value => ({ kind: 'str', value });

describe('ops: np.einsum against numpy', () => {
  runGoldens('einsum');
});

describe('ops: np.einsum beyond the goldens', () => {
  it('keeps symbolic sizes: bhqd,bhkd->bhqk', () => {
    const q: ArrayValue = { kind: 'array', shape: [Dim.sym('B'), 2, Dim.sym('T'), 3], dtype: 'float64' };
    const r = run(makeCall('np.einsum', [str('bhqd,bhkd->bhqk'), q, q]), false) as ArrayValue;
    assert.deepEqual(r.shape, [Dim.sym('B'), 2, Dim.sym('T'), Dim.sym('T')]);
  });
  it('agrees with Q @ K.swapaxes(-1, -2) on a (2, 3, 5, 4) stack', () => {
    const mk = (seed: number): ArrayValue => ({ kind: 'array', shape: [2, 3, 5, 4], dtype: 'float64', data: Float64Array.from({ length: 120 }, (_, i) => Math.sin(i * seed)) });
    const Q = mk(0.7);
    const K = mk(1.9);
    const e = run(makeCall('np.einsum', [str('bhqd,bhkd->bhqk'), Q, K])) as ArrayValue;
    const Kt = run(makeCall('ndarray.swapaxes', [{ kind: 'int', value: -1 }, { kind: 'int', value: -2 }], {}, K)) as ArrayValue;
    const m = run(makeCall('op.matmul', [Q, Kt])) as ArrayValue;
    assert.deepEqual(e.shape, m.shape);
    e.data!.forEach((x, i) => assert.ok(close(x, m.data![i], 1e-12, 1e-14), `${i}: ${x} vs ${m.data![i]}`));
  });
});
