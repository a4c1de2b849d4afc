// The hover's numpy repr against numpy 1.24's own repr() of the same arrays (numpy-repr.expected.json,
// made by numpy-repr.gen.py with /usr/bin/python3).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DType } from '../../../src/core/values';
import { reprValue } from '../../../src/vscode/format/numpyRepr';

interface Case { name: string; shape: number[]; dtype: DType; data: (number | string | boolean)[]; scalar: boolean; repr: string; opts?: { precision?: number; suppress?: boolean } }

const cases: Case[] = JSON.parse(fs.readFileSync(path.join(__dirname, 'numpy-repr.expected.json'), 'utf8'));
const num = (x: number | string | boolean): number =>
  typeof x === 'boolean' ? Number(x) : typeof x === 'number' ? x : x === 'NaN' ? NaN : x === 'Infinity' ? Infinity : -Infinity;

describe('numpy repr of traced values', () => {
  for (const c of cases) {
    it(`${c.name} prints as numpy does`, () => {
      const data = Float64Array.from(c.data.map(num));
      const text = reprValue({ kind: 'array', shape: c.shape, dtype: c.dtype, data, scalar: c.scalar || undefined }, c.opts);
      assert.equal(text, c.repr);
    });
  }
  it('prints Python scalars as Python does', () => {
    assert.equal(reprValue({ kind: 'float', value: 0.1 + 0.2 }), '0.30000000000000004');
    assert.equal(reprValue({ kind: 'float', value: 1e-5 }), '1e-05');
    assert.equal(reprValue({ kind: 'float', value: 2 }), '2.0');
    assert.equal(reprValue({ kind: 'int', value: -3 }), '-3');
    assert.equal(reprValue({ kind: 'bool', value: true }), 'True');
  });
  it('has nothing to print for an undetermined value', () => {
    assert.equal(reprValue({ kind: 'array', shape: [4, 2], dtype: 'float64' }), undefined);
    assert.equal(reprValue({ kind: 'float' }), undefined);
  });
});
