// The ufuncs' shortcut for Python scalar operands (x * 2, 1 - p) must give exactly what the general
// np.asarray model (toArray) gives: same dtype, shape, data and fields, for known and unknown values.
import * as assert from 'node:assert/strict';
import { scalarArray } from '../../../src/core/ops/elementwise';
import { toArray } from '../../../src/core/ops/convert';
import type { BoolValue, FloatValue, IntValue } from '../../../src/core/values';

describe('ufunc operands: Python scalars as 0-d arrays', () => {
  const cases: (IntValue | FloatValue | BoolValue)[] = [
    { kind: 'int', value: 2 },
    { kind: 'int', value: -7 },
    { kind: 'int', value: 2 ** 53 + 2 },
    { kind: 'int' },
    { kind: 'int', sym: 'n' },
    { kind: 'float', value: 0.1 },
    { kind: 'float', value: -0 },
    { kind: 'float', value: NaN },
    { kind: 'float', value: Infinity },
    { kind: 'float' },
    { kind: 'bool', value: true },
    { kind: 'bool', value: false },
    { kind: 'bool' },
  ];
  for (const v of cases) {
    it(`${JSON.stringify(v)} equals np.asarray's model`, () => {
      const fast = scalarArray(v);
      const general = toArray(v);
      assert.deepEqual(Object.keys(fast).sort(), Object.keys(general).sort());
      assert.equal(fast.dtype, general.dtype);
      assert.deepEqual(fast.shape, general.shape);
      assert.equal(fast.data === undefined, general.data === undefined);
      if (fast.data && general.data) assert.ok(Object.is(fast.data[0], general.data[0]) && fast.data.length === 1 && general.data.length === 1);
    });
  }
});
