// op.getitem / op.setitem against numpy goldens (basic, advanced and boolean indexing, placement of
// advanced axes, numpy's IndexErrors; assignment with broadcasting and casting), then symbolic
// shapes, in-place mutation and the positional-encoding fill.
import * as assert from 'node:assert/strict';
import { Dim } from '../../../src/core/shapes/dim';
import type { ArrayValue, Value } from '../../../src/core/values';
import { makeCall, run, runGoldens } from './b_golden';

const int = (value: number): Value => ({ kind: 'int', value });
const none: Value = { kind: 'none' };
const slice = (start: Value, stop: Value, step: Value): Value => ({ kind: 'slice', start, stop, step });
const all = slice(none, none, none);
const tuple = (...items: Value[]): Value => ({ kind: 'tuple', items });

describe('ops: indexing against numpy', () => {
  runGoldens('index');
});

describe('ops: indexing with symbols and unknowns', () => {
  const X: ArrayValue = { kind: 'array', shape: [Dim.sym('n'), Dim.sym('d_model')], dtype: 'float64' };
  it('X[:, 0] of (n, d_model) is (n,); X[None] is (1, n, d_model); X[1:] is (n-1, d_model)', () => {
    assert.deepEqual((run(makeCall('op.getitem', [X, tuple(all, int(0))]), false) as ArrayValue).shape, [Dim.sym('n')]);
    assert.deepEqual((run(makeCall('op.getitem', [X, none]), false) as ArrayValue).shape, [1, Dim.sym('n'), Dim.sym('d_model')]);
    assert.deepEqual((run(makeCall('op.getitem', [X, slice(int(1), none, none)]), false) as ArrayValue).shape, [Dim.sym('n-1'), Dim.sym('d_model')]);
  });
  it('a mask with unknown values gives a symbolic count named after it', () => {
    const x: ArrayValue = { kind: 'array', shape: [4, 3], dtype: 'float64' };
    const mask: ArrayValue = { kind: 'array', shape: [4, 3], dtype: 'bool' };
    const r = run(makeCall('op.getitem', [x, mask], {}, undefined, ['x', 'x > 0']), false) as ArrayValue;
    assert.deepEqual(r.shape, [Dim.sym('sum(x>0)')]);
  });
  it('an int of unknown value still drops the axis, and is never out of range', () => {
    const x: ArrayValue = { kind: 'array', shape: [4, 3], dtype: 'int64' };
    assert.deepEqual((run(makeCall('op.getitem', [x, { kind: 'int' }]), false) as ArrayValue).shape, [3]);
  });
  it('a too-large index on a known axis of a symbolic shape is still reported', () => {
    const x: ArrayValue = { kind: 'array', shape: [Dim.sym('n'), 3], dtype: 'int64' };
    assert.throws(() => run(makeCall('op.getitem', [x, tuple(all, int(3))]), false), /index 3 is out of bounds for axis 1 with size 3/);
  });
});

describe('ops: setitem mutates in place', () => {
  it('PE[:, 0::2] = sin(...) and PE[:, 1::2] = cos(...) fill a (4, 6) table', () => {
    const PE: ArrayValue = { kind: 'array', shape: [4, 6], dtype: 'float64', data: new Float64Array(24) };
    const sinv: ArrayValue = { kind: 'array', shape: [4, 3], dtype: 'float64', data: Float64Array.from({ length: 12 }, (_, i) => i + 1) };
    const cosv: ArrayValue = { kind: 'array', shape: [4, 3], dtype: 'float64', data: Float64Array.from({ length: 12 }, (_, i) => -(i + 1)) };
    const data = PE.data;
    const r1 = run(makeCall('op.setitem', [PE, tuple(all, slice(int(0), none, int(2))), sinv]));
    run(makeCall('op.setitem', [PE, tuple(all, slice(int(1), none, int(2))), cosv]));
    assert.equal(r1, PE, 'returns the target itself');
    assert.equal(PE.data, data, 'same buffer, written in place');
    assert.deepEqual(Array.from(PE.data!.slice(0, 6)), [1, -1, 2, -2, 3, -3]);
    assert.deepEqual(Array.from(PE.data!.slice(18, 24)), [10, -10, 11, -11, 12, -12]);
  });
  it('shape() of an undetermined write keeps shape and dtype, without data', () => {
    const x: ArrayValue = { kind: 'array', shape: [2, 2], dtype: 'int64', data: new Float64Array(4) };
    const r = run(makeCall('op.setitem', [x, int(0), { kind: 'float' }]), false) as ArrayValue;
    assert.deepEqual(r.shape, [2, 2]);
    assert.equal(r.dtype, 'int64');
    assert.equal(r.data, undefined);
  });
});
