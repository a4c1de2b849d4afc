// A trace never throws, never runs (much) past its budget, never materialises a huge array, and
// goes on around broken lines; fuzzed programs (random statement soups, mutated fixtures) check it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { trace } from '../../../src/core/trace';
import { loadParsers, repoRoot } from '../helpers';
import { binding, nested, py, shapeText } from './helpers';

/** Slack over the budget: the clock is read every 128 steps and one op may be long. */
const SLACK_MS = 150;

describe('interp: budgets, big arrays, broken code', () => {
  before(loadParsers);

  it('an endless `while True` returns within the budget', () => {
    const t0 = performance.now();
    const t = trace('x = 0\nwhile True:\n    x += 1\ny = 2\n', 'python', { budgetMs: 200 });
    const dt = performance.now() - t0;
    assert.ok(dt < 200 + SLACK_MS, `took ${dt} ms`);
    assert.equal(binding(t, 'x', 3).value, undefined, 'x is not a fixed number after the loop');
    assert.equal(binding(t, 'x', 3).dtype, 'int64');
  });

  it('a long computation stops at the budget, flags it, and widens what is left', () => {
    const src = 'import numpy as np\ns = 0\nfor i in range(4000):\n    for j in range(1000):\n        s += i * j\nlast = s\nA = np.ones((3, 3))\n';
    const t0 = performance.now();
    const t = trace(src, 'python', { budgetMs: 100 });
    assert.ok(performance.now() - t0 < 100 + SLACK_MS + 200);
    assert.equal(t.stats.budgetExceeded, true);
    assert.ok(t.diagnostics.some((d) => d.code === 'budget-exceeded' && d.severity === 'info'));
    const a = binding(t, 'A');
    assert.equal(a.shape, null, 'statements after the budget ran out are unknown, not guessed');
    assert.ok(a.why?.en.includes('budget'));
  });

  it('np.zeros((100000, 100000)) has a shape and no data', () => {
    const t = py('import numpy as np\nZ = np.zeros((100000, 100000))\nY = Z[0] + 1\n');
    const z = binding(t, 'Z');
    assert.deepEqual(shapeText(z), [100000, 100000]);
    assert.equal(z.value, undefined);
    assert.deepEqual(shapeText(binding(t, 'Y')), [100000]);
  });

  it('maxElements bounds what is materialised', () => {
    const t = py('import numpy as np\nA = np.ones((20, 20))\nB = np.ones((2, 2))\n', { maxElements: 100 });
    assert.equal(binding(t, 'A').value, undefined);
    assert.deepEqual(shapeText(binding(t, 'A')), [20, 20]);
    assert.deepEqual(nested(binding(t, 'B').value), [[1, 1], [1, 1]]);
  });

  it('a half-typed line: the statements before and after are traced, the syntax error reported', () => {
    const t = py('import numpy as np\nX = np.ones((4, 2))\nQ = X @ np.\nK = X.T\nn = 3\n');
    assert.deepEqual(shapeText(binding(t, 'X')), [4, 2]);
    assert.deepEqual(shapeText(binding(t, 'K')), [2, 4]);
    assert.ok(t.diagnostics.some((d) => d.code === 'syntax' && d.severity === 'error'));
  });

  it('a numpy error on one line: reported there, its target unknown, the next lines traced', () => {
    const t = py('import numpy as np\nQ = np.ones((4, 2))\nK = np.ones((4, 2))\nS = Q @ K\nW = Q @ K.T\n');
    const e = t.diagnostics.filter((d) => d.severity === 'error');
    assert.equal(e.length, 1);
    assert.equal(e[0].loc.line, 4);
    assert.equal(binding(t, 'S').shape, null);
    assert.deepEqual(shapeText(binding(t, 'W')), [4, 4]);
  });

  it('exprValues keep the value an expression had the first time, even after in-place writes', () => {
    const src = 'import numpy as np\na = np.zeros(2)\nb = a\na[0] = 7\n';
    const t = py(src);
    const ids = t.exprValues.map((v, i) => (v?.kind === 'array' ? i : -1)).filter((i) => i >= 0);
    const first = t.exprValues[ids[0]];
    assert.deepEqual(nested(first), [0, 0]);
  });

  it('notebook cells are traced as one program, state carried across', () => {
    const t = trace('', 'python', { cells: ['import numpy as np\nX = np.ones((2, 3))', '%matplotlib inline\nY = X.T'] });
    assert.deepEqual(shapeText(binding(t, 'Y')), [3, 2]);
    assert.equal(binding(t, 'Y').loc.line, 4);
  });
});

// ---- fuzzing ----

const ATOMS = ['x', 'y', 'A', 'B', 'n', 'mots', '3', '2.5', '-1', '0', 'True', 'None', '"s"', '[1, 2]', '(1, 2)', 'np.ones((2, 3))', 'np.arange(4)', 'A.T', 'A.shape', 'len(mots)', 'x[0]', 'A[:, 0]', '{}'];
const OPS = ['+', '-', '*', '/', '//', '%', '**', '@', '==', '<', 'and', 'or'];
const exprArb: fc.Arbitrary<string> = fc.letrec((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...ATOMS),
    fc.tuple(tie('e') as fc.Arbitrary<string>, fc.constantFrom(...OPS), tie('e') as fc.Arbitrary<string>).map(([a, o, b]) => `(${a} ${o} ${b})`),
    fc.tuple(fc.constantFrom('np.exp', 'np.sum', 'len', 'abs', 'np.sqrt', 'list', 'f'), tie('e') as fc.Arbitrary<string>).map(([f, a]) => `${f}(${a})`),
  ),
})).e;
const stmtArb: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom('x', 'y', 'A', 'B', 'n', 'mots'), exprArb).map(([t, e]) => `${t} = ${e}`),
  fc.tuple(fc.constantFrom('x', 'A'), fc.constantFrom('+=', '*=', '-='), exprArb).map(([t, o, e]) => `${t} ${o} ${e}`),
  exprArb.map((e) => `if ${e}:\n    x = ${e}\nelse:\n    y = 1`),
  exprArb.map((e) => `for i in range(3):\n    A = ${e}`),
  exprArb.map((e) => `while ${e}:\n    x = x + 1\n    break`),
  exprArb.map((e) => `def f(a, b=2):\n    return ${e}`),
  exprArb.map((e) => `try:\n    y = ${e}\nexcept Exception:\n    y = 0`),
  fc.constantFrom('A[0] = 5', 'mots.append(1)', 'x, y = y, x', 'del x', 'raise ValueError("no")', 'assert x', 'return 1', 'break', 'class C:\n    def __init__(self):\n        self.W = A'),
);
const programArb = fc.array(stmtArb, { minLength: 1, maxLength: 12 }).map((ss) => `import numpy as np\nx = 1\ny = 2\nA = np.ones((2, 2))\nB = A\nn = 2\nmots = ["a", "b"]\n${ss.join('\n')}\n`);

function checkTrace(src: string, budgetMs: number): void {
  const t0 = performance.now();
  const t = trace(src, 'python', { budgetMs });
  const dt = performance.now() - t0;
  if (dt > budgetMs + SLACK_MS) throw new Error(`trace took ${dt.toFixed(0)} ms for a ${budgetMs} ms budget:\n${src}`);
  for (const d of t.diagnostics) if (d.code === 'internal') throw new Error(`internal error: ${d.message.en}\n${src}`);
  for (const b of t.bindings) if (b.count < 1) throw new Error('binding that never ran');
}

describe('interp: fuzz', function () {
  this.timeout(120_000);
  before(loadParsers);

  it('random statement soups: no exception escapes, no internal error, within budget', () => {
    fc.assert(fc.property(programArb, (src) => checkTrace(src, 300)), { numRuns: 250, seed: 4242 });
  });

  it('mutated fixture programs (lines dropped, duplicated, truncated): same guarantees', () => {
    const dir = path.join(repoRoot, 'test/fixtures/python');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.py')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
    const mutation = fc.record({
      file: fc.nat(files.length - 1),
      ops: fc.array(fc.record({ kind: fc.constantFrom('drop', 'dup', 'cut', 'swap'), at: fc.nat(400), len: fc.nat(30) }), { minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(mutation, ({ file, ops }) => {
        const lines = files[file].split('\n');
        for (const op of ops) {
          const i = op.at % lines.length;
          if (op.kind === 'drop') lines.splice(i, 1);
          else if (op.kind === 'dup') lines.splice(i, 0, lines[i]);
          else if (op.kind === 'cut') lines[i] = lines[i].slice(0, op.len);
          else [lines[i], lines[(i + 1) % lines.length]] = [lines[(i + 1) % lines.length], lines[i]];
        }
        checkTrace(lines.join('\n'), 400);
      }),
      { numRuns: 120, seed: 7 },
    );
  });
});

describe('interp: work bounds', () => {
  before(loadParsers);
  it('a 1000×1000 matrix product keeps its shape and stays within the budget', () => {
    const t0 = performance.now();
    const t = trace('import numpy as np\nA = np.ones((1000, 1000))\nB = A @ A\nC = B.sum()\n', 'python', { budgetMs: 500 });
    assert.ok(performance.now() - t0 < 500 + SLACK_MS, 'not a billion multiply-adds');
    assert.deepEqual(shapeText(binding(t, 'B')), [1000, 1000]);
  });
});
