// JavaScript semantics and mathjs 15 operations, snippet by snippet: the tracer's value of `r`
// must equal what node computed (expected.json, written by gen_expected.cjs from cases.cjs) to
// rel 1e-12, and the snippets where mathjs throws must carry the right error diagnostic.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analyze';
import type { Value } from '../../../src/core/values';
import { loadParsers } from '../helpers';
import { valuesClose } from './values';

type Json = number | string | boolean | null | Json[] | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cases = require('./cases.cjs') as [string, string, string?][];
const expected = JSON.parse(fs.readFileSync(path.join(__dirname, 'expected.json'), 'utf8')) as Record<string, { value?: Json; error?: string; message?: string; code?: string }>;

const num = (x: number): Json => (Number.isFinite(x) ? x : Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity');

/** A traced value as node's JSON; undefined when any part is not determined. */
function toJson(v: Value | undefined): Json {
  if (!v) return undefined;
  switch (v.kind) {
    case 'float':
    case 'int':
      return v.value === undefined ? undefined : num(v.value);
    case 'bool':
    case 'str':
      return v.value;
    case 'list': {
      if (!v.items) return undefined;
      const items = v.items.map(toJson);
      return items.some((x) => x === undefined) ? undefined : items;
    }
    case 'array': {
      if (!v.data || !v.shape || !v.shape.every((d) => typeof d === 'number')) return undefined;
      const shape = v.shape as number[];
      let i = 0;
      const build = (axis: number): Json => (axis === shape.length ? num(v.data![i++]) : Array.from({ length: shape[axis] }, () => build(axis + 1)));
      return build(0);
    }
    default:
      return undefined;
  }
}

describe('TypeScript semantics and mathjs ops against node', function () {
  before(async function () {
    await loadParsers();
  });

  it('every case has its node expectation', function () {
    assert.deepEqual(cases.map((c) => c[0]).filter((n) => !(n in expected)), []);
    assert.ok(cases.length >= 60);
  });

  for (const [name, source, code] of cases) {
    it(name, function () {
      const t = analyze(source, 'typescript', { budgetMs: 20000 });
      const lastLine = source.split('\n').length;
      const exp = expected[name];
      if (code) {
        const hit = t.diagnostics.find((d) => d.severity === 'error' && d.code === code);
        assert.ok(hit, `expected error ${code}; got ${t.diagnostics.map((d) => `${d.severity} ${d.code}`).join(', ') || 'nothing'}`);
        assert.equal(hit.loc.line, lastLine);
        assert.ok(hit.message.en.startsWith(`${exp.error}: `), `the message starts with node's error class ${exp.error}: ${hit.message.en}`);
        assert.ok(hit.message.en.includes(exp.message!), `the message quotes mathjs' own: ${exp.message}`);
        return;
      }
      const errors = t.diagnostics.filter((d) => d.severity === 'error');
      assert.deepEqual(errors.map((d) => d.message.en), [], 'no false error');
      const r = [...t.bindings].reverse().find((b) => b.name === 'r');
      assert.ok(r, 'binding r');
      const got = toJson(r.value);
      assert.ok(got !== undefined, `r is not determined (node: ${JSON.stringify(exp.value)})`);
      assert.ok(valuesClose(got, exp.value, 1e-12), `r = ${JSON.stringify(got)}, node: ${JSON.stringify(exp.value)}`);
    });
  }
});
