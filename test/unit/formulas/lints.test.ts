// The silent-bug warnings: each annotated bug is found with its code, a bilingual explanation
// and (where certain) a fix that removes it; correct code, the course examples included, gets none.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadParsers, repoRoot } from '../helpers';
import { lintTrace } from '../../../src/core/formulas/lints/index';
import { trace } from '../../../src/core/trace';
import type { QuickFix } from '../../../src/core/diagnostics';
import { FIXTURE_NAMES, annotations, fixture } from './fixtures';

function applyFix(source: string, fix: QuickFix): string {
  const lines = source.split('\n');
  const edits = [...fix.edits].sort((a, b) => b.loc.line - a.loc.line || b.loc.col - a.loc.col);
  for (const e of edits) {
    assert.equal(e.loc.line, e.loc.endLine);
    const l = lines[e.loc.line - 1];
    lines[e.loc.line - 1] = l.slice(0, e.loc.col) + e.newText + l.slice(e.loc.endCol);
  }
  return lines.join('\n');
}

describe('silent-bug lints', () => {
  before(loadParsers);
  it('finds each annotated bug, and nothing else', () => {
    const f = fixture('buggy_lints.py');
    const found = lintTrace(f.trace);
    assert.deepEqual(found.map((d) => `${d.loc.line}:${d.code}`).sort(), [...f.lints].map(([l, c]) => `${l}:${c}`).sort());
    for (const d of found) {
      assert.equal(d.severity, 'warning');
      assert.ok(d.message.en.length > 40 && d.message.fr.length > 40, d.code);
      assert.notEqual(d.message.en, d.message.fr);
    }
  });
  it('offers no fix for mask-after-softmax (moving the mask is not a mechanical edit)', () => {
    const d = lintTrace(fixture('buggy_lints.py').trace).find((x) => x.code === 'mask-after-softmax')!;
    assert.equal(d.fixes, undefined);
  });
  for (const code of ['softmax-axis', 'keepdims-broadcast', 'missing-scale', 'concat-axis']) {
    it(`the ${code} fix removes the warning`, () => {
      const f = fixture('buggy_lints.py');
      const before = lintTrace(f.trace).filter((d) => d.code === code);
      assert.ok(before.length > 0);
      let src = f.source;
      for (const d of before.sort((a, b) => b.loc.line - a.loc.line)) src = applyFix(src, d.fixes![0]);
      const after = lintTrace(trace(src, 'python')).filter((d) => d.code === code);
      assert.deepEqual(after, []);
    });
  }
  it('the softmax-axis fix makes each query row sum to 1', () => {
    const f = fixture('buggy_lints.py');
    const d = lintTrace(f.trace).find((x) => x.code === 'softmax-axis')!;
    const t = trace(applyFix(f.source, d.fixes![0]), 'python');
    const w = t.bindings.find((b) => b.name === 'w')!.value as { data: Float64Array };
    for (let r = 0; r < 4; r++) assert.ok(Math.abs(w.data.slice(r * 4, r * 4 + 4).reduce((a, b) => a + b, 0) - 1) < 1e-12);
  });
  const clean = [
    ...FIXTURE_NAMES.filter((n) => n !== 'buggy_lints.py').map((n) => path.join('test/fixtures/formulas', n)),
    'examples/tp4/exercise1.py', 'examples/tp4/exercise2.py', 'examples/tp4/bonus_lune.py', 'examples/exam/transformer_I2.py', 'examples/optim/adam_step.py',
  ];
  for (const rel of clean) {
    // a fixture may carry its own `# lint:` annotations (bugs kept on purpose for the derivations)
    it(`reports nothing on correct code (but its annotated bugs): ${rel}`, () => {
      const source = fs.readFileSync(path.join(repoRoot, rel), 'utf8');
      const t = trace(source, 'python');
      assert.deepEqual(lintTrace(t).map((d) => `${d.loc.line}:${d.code}`), [...annotations(source, 'lint')].map(([l, c]) => `${l}:${c}`));
    });
  }
  it('the concat-axis fix joins the heads side by side, (7, 6)', () => {
    const f = fixture('buggy_lints.py');
    const d = lintTrace(f.trace).find((x) => x.code === 'concat-axis')!;
    assert.match(d.message.en, /\(14, 3\).*\(7, 6\)/);
    const t = trace(applyFix(f.source, d.fixes![0]), 'python');
    assert.deepEqual(t.bindings.find((b) => b.name === 'concat')!.shape, [7, 6]);
  });
  for (const [file, code] of [['softmax_axis', 'softmax-axis'], ['sum_keepdims', 'keepdims-broadcast'], ['missing_scale', 'missing-scale'], ['mask_after_softmax', 'mask-after-softmax'], ['concat_axis', 'concat-axis']]) {
    it(`flags the course's buggy example ${file}.py with ${code}`, () => {
      const t = trace(fs.readFileSync(path.join(repoRoot, 'examples/buggy', `${file}.py`), 'utf8'), 'python');
      assert.deepEqual(lintTrace(t).map((d) => d.code), [code]);
    });
  }
});
