// `trace --json --values` on the examples, against what numpy computed when the same files were
// run statement by statement (goldens/examples.json, from gen_goldens.py). Also the human listing
// and the exit status on the buggy examples.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JsonValue } from '../../../src/core/values';
import type { TraceJson } from '../../../src/cli/json';
import { cli, example, root } from './run';

interface Golden { line: number; column: number; name: string; shape: number[] | null; dtype: string | null; value: JsonValue | null }
const goldens = JSON.parse(fs.readFileSync(path.join(__dirname, 'goldens', 'examples.json'), 'utf8')) as { examples: Record<string, Golden[]> };

/** Equal within rel 1e-9 (the contract's tolerance), with the non-finite strings compared exactly. */
function close(got: JsonValue | undefined, want: JsonValue, where: string): void {
  if (Array.isArray(want)) {
    assert.ok(Array.isArray(got) && got.length === want.length, `${where}: length`);
    want.forEach((w, i) => close((got as JsonValue[])[i], w, `${where}[${i}]`));
  } else if (typeof want === 'number' && typeof got === 'number') {
    assert.ok(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)), `${where}: ${got} vs numpy ${want}`);
  } else {
    assert.deepEqual(got, want, where);
  }
}

describe('cli: trace on the examples (numpy goldens)', function () {
  this.timeout(60_000);

  for (const [rel, bindings] of Object.entries(goldens.examples)) {
    it(`${rel}: every top-level binding has numpy's shape, dtype and value`, async function () {
      const r = await cli('trace', path.join(root, rel), '--json', '--values');
      assert.equal(r.stderr, '');
      assert.equal(r.code, 0, 'no error diagnostic in a correct example');
      const out = JSON.parse(r.stdout) as TraceJson;
      assert.equal(out.file, path.basename(rel));
      assert.equal(out.language, 'python');
      for (const g of bindings) {
        const where = `${rel}:${g.line} ${g.name}`;
        const b = out.bindings.find((x) => x.line === g.line && x.name === g.name);
        assert.ok(b, `${where}: binding missing`);
        assert.equal(b.column, g.column, `${where}: column`);
        if (g.shape === null) continue; // strings, lists of words: no array shape to compare
        assert.deepEqual(b.shape, g.shape, `${where}: shape`);
        if (g.shape.length > 0) assert.equal(b.dtype, g.dtype, `${where}: dtype`);
        if (g.value !== null) close(b.value, g.value, where);
      }
      assert.ok(out.diagnostics.every((d) => d.severity !== 'error'), JSON.stringify(out.diagnostics));
    });
  }

  it('lists bindings as LINE  NAME  SHAPE in the human form', async function () {
    const r = await cli('trace', example('tp4/exercise1.py'));
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^\s*22 {2}Q\s+\(4, 2\)$/m);
    assert.match(r.stdout, /^\s*15 {2}X\s+\(4, 4\)$/m);
  });

  it('reports the missing transpose as an error: exit 1, file:line:col diagnostic', async function () {
    const file = example('buggy/missing_transpose.py');
    const r = await cli('trace', file);
    assert.equal(r.code, 1);
    const lineNo = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.startsWith('scores = Q @ K ')) + 1;
    assert.match(r.stdout, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:${lineNo}:\\d+: error: .+ \\[matmul-mismatch\\]$`, 'm'));
  });

  it('keeps JSON diagnostics on the contract: 1-based lines, 0-based columns, kebab-case codes', async function () {
    const r = await cli('trace', example('buggy/reshape_heads.py'), '--json');
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout) as TraceJson;
    const d = out.diagnostics.find((x) => x.severity === 'error');
    assert.ok(d);
    assert.equal(d.code, 'reshape-size');
    assert.equal(d.line, 8);
    assert.ok(d.column >= 8 && d.endColumn > d.column, JSON.stringify(d));
    assert.match(d.code, /^[a-z]+(-[a-z0-9]+)*$/);
  });
});
