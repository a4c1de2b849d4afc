// Shape manipulation against numpy goldens (reshape, ravel/flatten, expand_dims, squeeze,
// concatenate/stack/hstack/vstack/column_stack, split/array_split, repeat, tile, triu/tril,
// broadcast_to), then symbolic shapes and the head-split explanation.
import * as assert from 'node:assert/strict';
import type { NumpyError } from '../../../src/core/diagnostics';
import { Dim } from '../../../src/core/shapes/dim';
import type { ArrayValue, ListValue, Value } from '../../../src/core/values';
import { makeCall, run, runGoldens } from './b_golden';

const sym = Dim.sym;
const int = (value: number): Value => ({ kind: 'int', value });
const symInt = (s: string): Value => ({ kind: 'int', sym: s });
const unknownInt: Value = { kind: 'int' };

describe('ops: shape manipulation against numpy', () => {
  runGoldens('shape', { containsCodes: ['head-split'] });
});

describe('ops: reshape with symbolic dims', () => {
  const X: ArrayValue = { kind: 'array', shape: [sym('B'), sym('T'), sym('d_model')], dtype: 'float64' };
  it('(B, T, h, d_model // h) from the source text of unknown ints', () => {
    const tup: Value = { kind: 'tuple', items: [symInt('B'), symInt('T'), int(2), unknownInt] };
    const r = run(makeCall('ndarray.reshape', [tup], {}, X, ['(B, T, 2, d_model // 2)']), false) as ArrayValue;
    assert.deepEqual(r.shape, [sym('B'), sym('T'), 2, sym('d_model//2')]);
  });
  it('infers -1 by cancelling common factors: (B, T, h, -1) → d_model//h', () => {
    const r = run(makeCall('ndarray.reshape', [symInt('B'), symInt('T'), symInt('h'), int(-1)], {}, X, ['B', 'T', 'h', '-1']), false) as ArrayValue;
    assert.deepEqual(r.shape, [sym('B'), sym('T'), sym('h'), sym('d_model//h')]);
  });
  it('reports a certain mismatch even with a symbolic batch: (B, 6) → (B, 4, 1)', () => {
    const Y: ArrayValue = { kind: 'array', shape: [sym('B'), 6], dtype: 'float64' };
    const call = makeCall('ndarray.reshape', [symInt('B'), int(4), int(1)], {}, Y, ['B', 'h', 'd_model // h']);
    assert.throws(() => run(call, false), (e: NumpyError) => {
      assert.equal(e.code, 'head-split');
      assert.match(e.text.en, /^cannot reshape array of size B\*6 into shape \(B,4,1\) — d_model = 6 is not divisible by h = 4/);
      assert.match(e.text.fr, /n'est pas divisible par h = 4/);
      return true;
    });
  });
  it('a head split without // is still recognised: (7, 6) → (7, 4, 2)', () => {
    const Z: ArrayValue = { kind: 'array', shape: [7, 6], dtype: 'float64' };
    const call = makeCall('ndarray.reshape', [int(7), int(4), int(2)], {}, Z, ['n', 'n_heads', '2']);
    assert.throws(() => run(call, false), (e: NumpyError) => e.code === 'head-split' && /d_model \(the last axis\) = 6 is not divisible by n_heads = 4/.test(e.text.en));
  });
  it('a plain size error stays reshape-size', () => {
    const Z: ArrayValue = { kind: 'array', shape: [8], dtype: 'int64' };
    assert.throws(() => run(makeCall('np.reshape', [Z, { kind: 'tuple', items: [int(3), int(3)] }]), false), (e: NumpyError) => e.code === 'reshape-size');
  });
  it('never a false error when a size is symbolic', () => {
    const r = run(makeCall('ndarray.reshape', [int(4), int(-1)], {}, { kind: 'array', shape: [sym('n'), 6], dtype: 'float64' }), false) as ArrayValue;
    assert.equal(r.shape?.length, 2);
    assert.equal(r.shape?.[0], 4);
  });
});

describe('ops: shape ops with symbols and unknowns', () => {
  it('concatenate adds the joined dims symbolically', () => {
    const a: ArrayValue = { kind: 'array', shape: [sym('n'), 3], dtype: 'float64' };
    const r = run(makeCall('np.concatenate', [{ kind: 'list', items: [a, a] }], { axis: int(-1) }), false) as ArrayValue;
    assert.deepEqual(r.shape, [sym('n'), 6]);
  });
  it('split of a symbolic axis into h sections', () => {
    const a: ArrayValue = { kind: 'array', shape: [sym('n'), sym('d_model')], dtype: 'float64' };
    const r = run(makeCall('np.split', [a, int(2)], { axis: int(1) }), false) as ListValue;
    assert.equal(r.items?.length, 2);
    assert.deepEqual((r.items![0] as ArrayValue).shape, [sym('n'), sym('d_model//2')]);
  });
  it('unknown rank in → unknown out', () => {
    const a: ArrayValue = { kind: 'array', shape: null, dtype: 'float32' };
    for (const [name, args] of [['np.squeeze', [a]], ['np.tile', [a, int(2)]], ['np.triu', [a]], ['np.expand_dims', [a, int(0)]]] as const) {
      const r = run(makeCall(name, [...args]), false) as ArrayValue;
      assert.equal(r.shape, null, name);
      assert.equal(r.dtype, 'float32', name);
    }
  });
});
