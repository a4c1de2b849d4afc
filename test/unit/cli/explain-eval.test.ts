// `explain` and `eval` through the CLI: the contract's JSON shapes, results equal to numpy's
// (goldens from gen_goldens.py), the human forms, and exit 2 with one clear line when there is
// no formula on the line or the expression is wrong.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JsonValue } from '../../../src/core/values';
import { cli, example } from './run';

const goldens = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, 'goldens', name), 'utf8'));
const evalCases = goldens('eval.json').cases as { expression: string; value: JsonValue }[];
const ex1 = goldens('examples.json').examples['examples/tp4/exercise1.py'] as { line: number; name: string; value: JsonValue }[];

function close(got: JsonValue | undefined, want: JsonValue, where: string): void {
  if (Array.isArray(want)) {
    assert.ok(Array.isArray(got) && got.length === want.length, `${where}: length of ${JSON.stringify(got)}`);
    want.forEach((w, i) => close((got as JsonValue[])[i], w, `${where}[${i}]`));
  } else if (typeof want === 'number' && typeof got === 'number') {
    assert.ok(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)), `${where}: ${got} vs numpy ${want}`);
  } else {
    assert.deepEqual(got, want, where);
  }
}

describe('cli: explain', function () {
  this.timeout(60_000);

  it('derives the softmax of exercise 1 and ends on numpy\'s weights', async function () {
    const poids = ex1.find((b) => b.name === 'poids');
    assert.ok(poids);
    const r = await cli('explain', example('tp4/exercise1.py'), '--line', String(poids.line), '--json');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const e = JSON.parse(r.stdout) as { formula: string; line: number; steps: { title: string; latex: string }[]; result: { shape: number[]; value: JsonValue } };
    assert.equal(e.formula, 'softmax');
    assert.equal(e.line, poids.line);
    assert.ok(e.steps.length >= 2, 'several steps');
    for (const s of e.steps) {
      assert.equal(typeof s.title, 'string');
      assert.ok(s.title.length > 0 && s.latex.length > 0);
    }
    assert.deepEqual(e.result.shape, [4, 4]);
    close(e.result.value, poids.value, 'result');
  });

  it('prints the steps in the human form', async function () {
    const r = await cli('explain', example('tp4/exercise1.py'), '--line', '31');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^softmax \(line 31\)\n/);
    assert.match(r.stdout, /^ {2}1\. .+\n {5}\S/m);
    assert.match(r.stdout, /^result \(4, 4\) = \[\[/m);
  });

  it('exits 2 naming the known formulas when a line has none', async function () {
    const r = await cli('explain', example('tp4/exercise1.py'), '--line', '5', '--json');
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^attention-tutor: .*exercise1\.py:5: no formula recognised on this line; known formulas: .*softmax.*\n$/);
    assert.match(r.stderr, /positional-encoding/);
  });
});

describe('cli: eval', function () {
  this.timeout(60_000);

  for (const c of evalCases) {
    it(`${c.expression.slice(0, 60)} equals numpy`, async function () {
      const r = await cli('eval', c.expression, '--json');
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout) as { value: JsonValue; latex: string; steps: unknown[] };
      close(out.value, c.value, c.expression);
      assert.equal(typeof out.latex, 'string');
      assert.ok(Array.isArray(out.steps));
    });
  }

  it('prints the value alone on the first line in the human form', async function () {
    const r = await cli('eval', 'softmax([2, 1, 0])');
    assert.equal(r.code, 0);
    assert.match(r.stdout.split('\n')[0], /^\[0\.66524096, 0\.24472847, 0\.090030573\]$/);
  });

  for (const [what, expr, pattern] of [
    ['a syntax error', 'softmax([2, 1, 0]', /eval: /],
    ['an unknown function', 'sofmax([1, 2])', /sofmax/],
    ['shapes that do not fit', 'scaled_scores([[1,2]], [[1,2,3]])', /eval: /],
  ] as const) {
    it(`exits 2 with one line for ${what}`, async function () {
      const r = await cli('eval', expr, '--json');
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^attention-tutor: eval: [^\n]+\n$/);
      assert.match(r.stderr, pattern);
    });
  }
});
