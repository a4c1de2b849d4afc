// Python's own semantics on plain values (ints vs floats, floor division, banker's rounding,
// str/list/dict methods, math) and Python's exceptions, each checked against what CPython
// printed for the same expression (expected.json, made by make_expected.py).
import * as assert from 'node:assert/strict';
import { loadParsers } from '../helpers';
import { binding, expected, py, reprOf } from './helpers';

describe('interp: Python semantics against CPython', () => {
  before(loadParsers);

  for (const c of expected.exprs) {
    it(`r = ${c.expr}  →  ${c.repr}`, () => {
      const t = py(`import math\nr = ${c.expr}\n`);
      const errors = t.diagnostics.filter((d) => d.severity === 'error');
      assert.deepEqual(errors.map((d) => d.message.en), []);
      const b = binding(t, 'r', 2);
      const got = reprOf(b.value);
      if (c.type === 'float' && got !== c.repr && /^math\.erf/.test(c.expr)) {
        // erf is computed by our own series / continued fraction: within a few ulps of glibc's
        assert.ok(Math.abs(Number(got) - Number(c.repr)) <= 4 * Number.EPSILON * Math.abs(Number(c.repr)), `${got} vs ${c.repr}`);
      } else assert.equal(got, c.repr);
      const dtype = { int: 'int64', float: 'float64', bool: 'bool' }[c.type as string] ?? null;
      assert.equal(b.dtype, dtype);
    });
  }

  for (const c of expected.errors) {
    it(`r = ${c.expr}  raises ${c.type}`, () => {
      const t = py(`import math\nr = ${c.expr}\nafter = 1\n`);
      const errors = t.diagnostics.filter((d) => d.severity === 'error');
      assert.equal(errors.length, 1, JSON.stringify(t.diagnostics.map((d) => d.message.en)));
      assert.equal(errors[0].loc.line, 2);
      const text = c.message ? `${c.type}: ${c.message}` : c.type;
      assert.equal(errors[0].message.en, text);
      assert.ok(errors[0].message.fr.length > 0);
      // the line's target is unknown, and tracing goes on after it
      assert.equal(binding(t, 'r', 2).value, undefined);
      assert.equal(reprOf(binding(t, 'after', 3).value), '1');
    });
  }
});
