// `attention-tutor trace FILE.ts --json --values` and `explain FILE.ts --line N` on the
// TypeScript examples, as the CLI contract describes them: values as nested arrays equal to
// node's (the fixture goldens), exit 1 with the error on its line for a buggy program.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, example, root } from '../cli/run';
import { valuesClose } from './values';

interface TraceJson {
  file: string;
  language: string;
  bindings: { line: number; column: number; name: string; shape: (number | string)[] | null; dtype: string | null; value?: unknown }[];
  diagnostics: { line: number; severity: string; code: string; message: string }[];
}

describe('CLI on TypeScript files', function () {
  it('trace --json --values gives every binding with node\'s shapes and values', async function () {
    const file = path.join(root, 'test/fixtures/typescript/mathjs_named_imports.ts');
    const r = await cli('trace', file, '--json', '--values');
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as TraceJson;
    assert.equal(out.language, 'typescript');
    const golden = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/typescript/golden/mathjs_named_imports.json'), 'utf8')) as { pairs: { line: number; name: string; observations: { shape: number[] | null; value?: unknown }[] }[] };
    let compared = 0;
    for (const p of golden.pairs) {
      const b = out.bindings.find((x) => x.line === p.line && x.name === p.name);
      assert.ok(b, `binding ${p.name} line ${p.line}`);
      assert.deepEqual(b.shape, p.observations[0].shape, `${p.name} shape`);
      if ('value' in p.observations[0] && b.value !== undefined) {
        compared++;
        assert.ok(valuesClose(b.value, p.observations[0].value, 1e-12), `${p.name}: ${JSON.stringify(b.value)} vs ${JSON.stringify(p.observations[0].value)}`);
      }
    }
    assert.ok(compared >= 10, `values compared: ${compared}`);
  });

  it('a mathjs dimension error exits 1 with matmul-mismatch on its line', async function () {
    const r = await cli('trace', example('ts/missing_transpose.ts'), '--json');
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout) as TraceJson;
    const err = out.diagnostics.find((d) => d.severity === 'error');
    assert.ok(err);
    assert.equal(err.code, 'matmul-mismatch');
    assert.equal(err.line, 16);
    assert.match(err.message, /Matrix A columns \(2\) must match Matrix B rows \(4\)/);
  });

  it('explain derives the attention of the mathjs example, its result equal to the trace', async function () {
    const file = example('ts/attention.ts');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.startsWith('const sortie = ')) + 1;
    const r = await cli('explain', file, '--line', String(line), '--json');
    assert.equal(r.code, 0, r.stderr);
    const ex = JSON.parse(r.stdout) as { formula: string; steps: { title: string }[]; result: { shape: number[]; value: unknown } };
    assert.equal(ex.formula, 'attention');
    assert.ok(ex.steps.length >= 5);
    const t = JSON.parse((await cli('trace', file, '--json', '--values')).stdout) as TraceJson;
    const sortie = t.bindings.find((b) => b.name === 'sortie');
    assert.deepEqual(ex.result.shape, [4, 2]);
    assert.ok(valuesClose(ex.result.value, sortie?.value, 1e-12), 'the derivation ends on the traced value');
  });

  it('explain finds the scaled scores written with math.divide / math.transpose / Math.sqrt', async function () {
    const file = example('ts/attention.ts');
    const line = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.startsWith('const scores = ')) + 1;
    const r = await cli('explain', file, '--line', String(line), '--json');
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { formula: string }).formula, 'scaled-scores');
  });
});
