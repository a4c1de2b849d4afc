// shapeFromValue / symDimOf with symbolic ints (IntValue.sym, what `n = X.shape[0]` gives): a
// symbol becomes that symbolic dim, numbers stay numbers, and numpy's errors (negative dim,
// float dim) are still raised; an int known neither as a number nor as a symbol stays unknown.
import * as assert from 'node:assert/strict';
import { shapeFromValue, symDimOf } from '../../../src/core/ops/args';
import { NumpyError } from '../../../src/core/diagnostics';
import { Dim } from '../../../src/core/shapes/dim';
import type { Value } from '../../../src/core/values';

const int = (value: number): Value => ({ kind: 'int', value });
const sym = (name: string): Value => ({ kind: 'int', sym: name });
const tuple = (...items: Value[]): Value => ({ kind: 'tuple', items });

describe('ops: shapes from symbolic ints (round 2)', () => {
  it('a symbolic int gives its symbol, alone or inside a tuple/list', () => {
    assert.deepEqual(shapeFromValue(sym('n')), [Dim.sym('n')]);
    assert.deepEqual(shapeFromValue(tuple(sym('n'), int(4))), [Dim.sym('n'), 4]);
    assert.deepEqual(shapeFromValue({ kind: 'list', items: [int(2), sym('d_model//h')] }), [2, Dim.sym('d_model//h')]);
  });

  it('known sizes are unchanged: ints, bools, 0-d int arrays', () => {
    assert.deepEqual(shapeFromValue(tuple(int(3), { kind: 'bool', value: true }, { kind: 'array', shape: [], dtype: 'int64', data: Float64Array.of(2) })), [3, 1, 2]);
  });

  it('unknown is not a symbol: an int with neither value nor symbol, or an unknown tuple', () => {
    assert.equal(shapeFromValue(tuple(sym('n'), { kind: 'int' })), undefined);
    assert.equal(shapeFromValue({ kind: 'tuple', items: null }), undefined);
    assert.equal(symDimOf({ kind: 'int' }), undefined);
    assert.equal(symDimOf(int(3)), undefined);
    assert.deepEqual(symDimOf(sym('T')), Dim.sym('T'));
  });

  it('numpy\'s errors still fire beside a symbol: negative and float dims', () => {
    assert.throws(() => shapeFromValue(tuple(sym('n'), int(-1))), (e: unknown) => e instanceof NumpyError && e.options.pyType === 'ValueError' && /negative dimensions/.test(e.text.en));
    assert.throws(() => shapeFromValue(tuple(sym('n'), { kind: 'float', value: 2 })), (e: unknown) => e instanceof NumpyError && e.options.pyType === 'TypeError' && /'float' object cannot be interpreted as an integer/.test(e.text.en));
  });
});
