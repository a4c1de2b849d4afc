// The silent-bug lints on TypeScript speak mathjs (no np.sqrt / axis=-1 / keepdims=True), in
// English and French, and their quick fixes are proven twice: our re-trace of the fixed program
// has no warning left, and node really running it (test/oracle/ts_oracle.cjs) gives rows that
// sum to 1 / scores divided by √d_k. Where the TS edit would not be certain, no fix is offered.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analyze';
import type { Diagnostic } from '../../../src/core/diagnostics';
import { loadParsers, repoRoot } from '../helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { traceFile } = require('../../oracle/ts_oracle.cjs') as { traceFile(file: string): NodeRun };
interface NodeRun {
  status: 'ok' | 'exception';
  exception: { message: string } | null;
  pairs: { line: number; name: string; observations: { value?: unknown }[] }[];
}

const BUGGY = path.join(repoRoot, 'test/fixtures/typescript/buggy');
const M = "import * as math from 'mathjs';\n";

/** Apply a fix's edits (last first, so earlier positions stay valid). */
function applyFix(source: string, d: Diagnostic): string {
  const lines = source.split('\n');
  const edits = [...d.fixes![0].edits].sort((a, b) => b.loc.line - a.loc.line || b.loc.col - a.loc.col);
  for (const e of edits) {
    assert.equal(e.loc.line, e.loc.endLine, 'single-line edits');
    const l = lines[e.loc.line - 1];
    lines[e.loc.line - 1] = l.slice(0, e.loc.col) + e.newText + l.slice(e.loc.endCol);
  }
  return lines.join('\n');
}

/** Run a program under node for real; the values of `name` (last observation). */
function nodeValue(source: string, name: string): unknown {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tslint-')), 'fixed.ts');
  fs.writeFileSync(file, source);
  const run = traceFile(file);
  assert.equal(run.status, 'ok', `node ran the fixed program: ${run.exception?.message}`);
  const pair = [...run.pairs].reverse().find((p) => p.name === name);
  assert.ok(pair, `node recorded ${name}`);
  return pair.observations[pair.observations.length - 1].value;
}

const rowSums = (m: unknown): number[] => (m as number[][]).map((r) => r.reduce((a, b) => a + b, 0));

function warningsOf(source: string, code?: string): Diagnostic[] {
  return analyze(source, 'typescript', { budgetMs: 20000 }).diagnostics.filter((d) => d.severity === 'warning' && (!code || d.code === code));
}

function assertTsWording(d: Diagnostic): void {
  for (const text of [d.message.en, d.message.fr, ...(d.fixes ?? []).flatMap((f) => [f.title.en, f.title.fr])]) {
    assert.doesNotMatch(text, /np\.|axis=|keepdims=True/, `numpy wording on a .ts file: ${text}`);
  }
  assert.notEqual(d.message.en, d.message.fr);
}

describe('TypeScript: lints in mathjs terms, fixes proven by node', function () {
  before(async function () {
    await loadParsers();
  });

  it('missing-scale: math.divide(…, Math.sqrt(K[0].length)) wraps the product; node divides by √d_k', function () {
    const source = fs.readFileSync(path.join(BUGGY, 'missing_scale.ts'), 'utf8');
    const [d] = warningsOf(source, 'missing-scale');
    assert.ok(d);
    assertTsWording(d);
    assert.match(d.message.en, /math\.divide\(scores, Math\.sqrt\(K\[0\]\.length\)\)/);
    assert.match(d.message.fr, /Divisez-les par Math\.sqrt\(d_k\)/);
    const fixed = applyFix(source, d);
    assert.match(fixed, /const scores = math\.divide\(math\.multiply\(Q, math\.transpose\(K\)\), Math\.sqrt\(K\[0\]\.length\)\);/);
    assert.deepEqual(warningsOf(fixed), [], 'no warning after the fix');
    const before = nodeValue(source, 'scores') as number[][];
    const after = nodeValue(fixed, 'scores') as number[][];
    after.forEach((row, i) => row.forEach((x, j) => assert.ok(Math.abs(x - before[i][j] / 2) < 1e-15, `scores[${i}][${j}] divided by √4`)));
  });

  it('missing-scale on plain number[][] (no mathjs): a .map division, proven by node', function () {
    const source = [
      'const matmul = (A: number[][], B: number[][]) => A.map((r) => B[0].map((_, j) => r.reduce((s, x, k) => s + x * B[k][j], 0)));',
      'const transpose = (A: number[][]) => A[0].map((_, j) => A.map((r) => r[j]));',
      'const softmaxRows = (S: number[][]) => S.map((row) => { const m = Math.max(...row); const e = row.map((x) => Math.exp(x - m)); const z = e.reduce((a, b) => a + b, 0); return e.map((x) => x / z); });',
      'const Q = [[1, 0, 2, 1], [0, 1, 1, 3]];',
      'const K = [[1, 1, 0, 2], [0, 3, 1, 1]];',
      'const V = [[1, 0], [0, 1]];',
      'const scores = matmul(Q, transpose(K));',
      'const weights = softmaxRows(scores);',
      'const out = matmul(weights, V);',
    ].join('\n');
    const [d] = warningsOf(source, 'missing-scale');
    assert.ok(d, 'missing-scale found on plain arrays');
    assertTsWording(d);
    assert.equal(d.fixes?.length, 1);
    const fixed = applyFix(source, d);
    assert.match(fixed, /const scores = matmul\(Q, transpose\(K\)\)\.map\(\(row\) => row\.map\(\(s\) => s \/ Math\.sqrt\(K\[0\]\.length\)\)\);/);
    assert.deepEqual(warningsOf(fixed), []);
    const before = nodeValue(source, 'scores') as number[][];
    const after = nodeValue(fixed, 'scores') as number[][];
    after.forEach((row, i) => row.forEach((x, j) => assert.ok(Math.abs(x - before[i][j] / 2) < 1e-15)));
  });

  it('softmax-axis (no dimension): reshape(sum(E, 1), [-1, 1]); node gives rows summing to 1', function () {
    const source = fs.readFileSync(path.join(BUGGY, 'softmax_whole_matrix.ts'), 'utf8');
    const [d] = warningsOf(source, 'softmax-axis');
    assert.ok(d);
    assertTsWording(d);
    assert.match(d.message.en, /mathjs has no keepdims/);
    const fixed = applyFix(source, d);
    assert.match(fixed, /math\.dotDivide\(E, math\.reshape\(math\.sum\(E, 1\), \[-1, 1\]\)\)/);
    assert.deepEqual(warningsOf(fixed), []);
    assert.ok(!rowSums(nodeValue(source, 'W')).every((s) => Math.abs(s - 1) < 1e-12), 'the bug: rows do not sum to 1');
    for (const s of rowSums(nodeValue(fixed, 'W'))) assert.ok(Math.abs(s - 1) < 1e-12, `row sum ${s}`);
  });

  const scores = M + 'const Q = [[1, 0, 1], [0, 1, 1], [1, 1, 0]];\nconst K = [[1, 2, 0], [0, 1, 1], [1, 0, 2]];\nconst S = math.divide(math.multiply(Q, math.transpose(K)), Math.sqrt(3)) as number[][];\nconst E = math.map(S, (x: number) => math.exp(x));\n';

  it('softmax-axis (dimension 0): the dim becomes 1 and the sums a column; node agrees', function () {
    const source = scores + 'const W = math.dotDivide(E, math.sum(E, 0));\n';
    const [d] = warningsOf(source, 'softmax-axis');
    assert.ok(d);
    assertTsWording(d);
    assert.match(d.message.en, /math\.sum\(E, 0\) sums along dimension 0/);
    const fixed = applyFix(source, d);
    assert.match(fixed, /math\.dotDivide\(E, math\.reshape\(math\.sum\(E, 1\), \[-1, 1\]\)\)/);
    assert.deepEqual(warningsOf(fixed), []);
    for (const s of rowSums(nodeValue(fixed, 'W'))) assert.ok(Math.abs(s - 1) < 1e-12);
  });

  it('keepdims-broadcast: math.sum(E, 1) lined up with the columns; the reshape fix, proven by node', function () {
    const source = scores + 'const W = math.dotDivide(E, math.sum(E, 1));\n';
    const [d] = warningsOf(source, 'keepdims-broadcast');
    assert.ok(d);
    assertTsWording(d);
    assert.match(d.message.en, /mathjs has no keepdims/);
    assert.match(d.message.fr, /mathjs n'a pas de keepdims/);
    const fixed = applyFix(source, d);
    assert.match(fixed, /math\.dotDivide\(E, math\.reshape\(math\.sum\(E, 1\), \[-1, 1\]\)\)/);
    assert.deepEqual(warningsOf(fixed), []);
    for (const s of rowSums(nodeValue(fixed, 'W'))) assert.ok(Math.abs(s - 1) < 1e-12);
  });

  it('no fix where the TS edit is not certain: math.divide by a column would invert a matrix', function () {
    // math.divide(E, column) is E · inv(column): reshaping the sum would raise, so no fix is offered
    const d = warningsOf(scores + 'const W = math.divide(E, math.sum(E));\n', 'softmax-axis')[0];
    assert.ok(d, 'the bug is still reported');
    assertTsWording(d);
    assert.equal(d.fixes, undefined);
    // named imports without reshape: no mathjs call to write the fix with
    const named = "import { dotDivide, sum, map, exp, multiply, transpose } from 'mathjs';\nconst Q = [[1, 0], [0, 1]];\nconst K = [[1, 2], [0, 1]];\nconst S = multiply(Q, transpose(K));\nconst E = map(S, (x: number) => exp(x));\nconst W = dotDivide(E, sum(E));\n";
    const w = warningsOf(named, 'softmax-axis')[0];
    assert.ok(w, 'found through named imports');
    assertTsWording(w);
    assert.equal(w.fixes, undefined);
  });
});
