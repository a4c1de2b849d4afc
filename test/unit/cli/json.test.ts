// The contract's JSON form of values, checked against what numpy's tolist() gives for the same
// arrays (goldens/value_json.json, written by gen_goldens.py with /usr/bin/python3).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_JSON_ELEMENTS, valueToJson } from '../../../src/cli/json';
import type { DType, JsonValue, Value } from '../../../src/core/values';
import { Dim } from '../../../src/core/shapes/dim';

interface Case { name: string; shape: number[]; dtype: DType; data: (number | string)[] | null; expected: JsonValue | null }
const goldens = JSON.parse(fs.readFileSync(path.join(__dirname, 'goldens', 'value_json.json'), 'utf8')) as { cases: Case[] };

const num = (x: number | string) => (x === 'NaN' ? NaN : x === 'Infinity' ? Infinity : x === '-Infinity' ? -Infinity : Number(x));

describe('cli: values as JSON (numpy goldens)', () => {
  for (const c of goldens.cases) {
    it(c.name, () => {
      const size = c.shape.reduce((a, b) => a * b, 1);
      const data = c.data ? Float64Array.from(c.data.map(num)) : new Float64Array(size).fill(1);
      const v: Value = { kind: 'array', shape: c.shape, dtype: c.dtype, data };
      const got = valueToJson(v);
      if (c.expected === null) {
        assert.ok(size > MAX_JSON_ELEMENTS);
        assert.equal(got, undefined);
      } else {
        assert.deepEqual(got, c.expected);
      }
    });
  }
  it('gives nothing for values that are not determined', () => {
    assert.equal(valueToJson({ kind: 'array', shape: [4, 2], dtype: 'float64' }), undefined);
    assert.equal(valueToJson({ kind: 'array', shape: [Dim.sym('n'), 2], dtype: 'float64', data: new Float64Array(8) }), undefined);
    assert.equal(valueToJson({ kind: 'float' }), undefined);
    assert.equal(valueToJson({ kind: 'str', value: 'Le chat' }), undefined);
    assert.equal(valueToJson({ kind: 'list', items: [{ kind: 'int', value: 1 }, { kind: 'int' }] }), undefined);
  });
  it('writes Python scalars and lists of numbers as numpy would turn them into arrays', () => {
    assert.equal(valueToJson({ kind: 'int', value: 4 }), 4);
    assert.equal(valueToJson({ kind: 'float', value: -Infinity }), '-Infinity');
    assert.equal(valueToJson({ kind: 'bool', value: false }), false);
    assert.deepEqual(valueToJson({ kind: 'list', items: [{ kind: 'float', value: 0.5 }, { kind: 'bool', value: true }] }), [0.5, true]);
  });
});
