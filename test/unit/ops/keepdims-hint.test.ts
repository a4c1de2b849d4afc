// A broadcast failure caused by a reduction without keepdims says so, and its quick fix gives the
// program numpy runs (expected values below printed by numpy 1.24 for the fixed program).
import * as assert from 'node:assert/strict';
import type { Diagnostic } from '../../../src/core/diagnostics';
import { trace } from '../../../src/core/trace';
import { loadParsers } from '../helpers';

function applyFix(src: string, d: Diagnostic): string {
  const lines = src.split('\n');
  const edits = [...d.fixes![0].edits].sort((a, b) => b.loc.line - a.loc.line || b.loc.col - a.loc.col);
  for (const e of edits) {
    const l = lines[e.loc.line - 1];
    lines[e.loc.line - 1] = l.slice(0, e.loc.col) + e.newText + l.slice(e.loc.endCol);
  }
  return lines.join('\n');
}

// numpy: (h - h.mean(axis=1, keepdims=True)) / h.std(axis=1, keepdims=True) for h = arange(12).reshape(3, 4)
const ROW = [-1.3416407864998738, -0.4472135954999579, 0.4472135954999579, 1.3416407864998738];

describe('broadcast-mismatch: the keepdims hint and fix', () => {
  before(loadParsers);

  it('explains the dropped axis and fixes the program, one reduction at a time', () => {
    let src = 'import numpy as np\nh = np.arange(12, dtype=float).reshape(3, 4)\nz = (h - h.mean(axis=1)) / h.std(axis=1)\n';
    for (const reduction of ['mean', 'std']) {
      const d = trace(src, 'python').diagnostics.find((x) => x.code === 'broadcast-mismatch');
      assert.ok(d, `a broadcast error before fixing ${reduction}`);
      assert.equal(d.loc.line, 3);
      assert.match(d.message.en, new RegExp(`${reduction}\\(\\) dropped axis 1; with keepdims=True it keeps shape \\(3, 1\\)`));
      assert.match(d.message.fr, /keepdims=True/);
      src = applyFix(src, d);
      assert.ok(src.includes(`${reduction}(axis=1, keepdims=True)`), src);
    }
    const t = trace(src, 'python');
    assert.deepEqual(t.diagnostics.filter((x) => x.severity === 'error'), []);
    const z = t.bindings.find((b) => b.name === 'z');
    assert.deepEqual(z?.shape, [3, 4]);
    const data = (z?.value as { data?: Float64Array }).data!;
    for (let i = 0; i < 12; i++) assert.ok(Math.abs(data[i] - ROW[i % 4]) < 1e-12, `z[${i}]`);
  });

  it('leaves other broadcast failures as numpy words them', () => {
    const t = trace('import numpy as np\na = np.ones((4, 2))\nb = np.ones(3)\nc = a + b\n', 'python');
    const d = t.diagnostics.find((x) => x.code === 'broadcast-mismatch');
    assert.equal(d?.message.en.trim(), 'operands could not be broadcast together with shapes (4,2) (3,)');
    assert.equal(d?.fixes, undefined);
  });
});
