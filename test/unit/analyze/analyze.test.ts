import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, analyzeIncremental } from '../../../src/core/analyze';
import { editFromChange } from '../../../src/core/parse/python';
import { loadParsers, repoRoot } from '../helpers';

const buggy = (name: string) => fs.readFileSync(path.join(repoRoot, 'test/fixtures/python/buggy', name), 'utf8');
const expectOf = (src: string) => {
  const m = /^# expect: (\S+) line (\d+)/.exec(src);
  if (!m) throw new Error('fixture without an expect header');
  return { code: m[1], line: Number(m[2]) };
};

describe('analyze: trace + silent-bug warnings in one Trace', () => {
  before(loadParsers);

  for (const name of ['missing_scale.py', 'softmax_axis0.py', 'mask_after_softmax.py']) {
    it(`reports the warning of ${name} on its line, once`, () => {
      const src = buggy(name);
      const want = expectOf(src);
      const t = analyze(src, 'python');
      const hits = t.diagnostics.filter((d) => d.code === want.code);
      assert.equal(hits.length, 1, JSON.stringify(t.diagnostics.map((d) => [d.code, d.loc.line])));
      assert.equal(hits[0].loc.line, want.line);
      assert.equal(hits[0].severity, 'warning');
      assert.ok(hits[0].message.fr.length > 0);
    });
  }

  it('keeps the warnings after an incremental edit elsewhere in the file', () => {
    const src = buggy('missing_scale.py');
    const want = expectOf(src);
    const first = analyze(src, 'python');
    const insertAt = src.length;
    const added = '\nz = 1\n';
    const next = analyzeIncremental(first, src + added, editFromChange(src, insertAt, insertAt, added));
    assert.ok(next.diagnostics.some((d) => d.code === want.code && d.loc.line === want.line));
    assert.ok(next.bindings.some((b) => b.name === 'z'));
  });

  it('sorts diagnostics by position', () => {
    const t = analyze(buggy('keepdims_broadcast.py'), 'python');
    const keys = t.diagnostics.map((d) => d.loc.line * 1e4 + d.loc.col);
    assert.deepEqual(keys, [...keys].sort((a, b) => a - b));
  });
});
