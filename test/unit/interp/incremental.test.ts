// traceIncremental must give exactly what a full trace of the new text gives (bindings, values,
// diagnostics), whatever the edit — it only saves the work before the edited statement.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { editFromChange } from '../../../src/core/parse/python';
import { trace, traceIncremental } from '../../../src/core/trace';
import type { Trace } from '../../../src/core/types';
import { loadParsers, repoRoot } from '../helpers';
import { reprOf } from './helpers';

function summary(t: Trace): string[] {
  const b = t.bindings.map((x) => `${x.loc.line}:${x.loc.col} ${x.name} ${JSON.stringify(x.shape)} ${x.dtype} ${x.count} ${x.value ? (x.value.kind === 'array' ? Array.from(x.value.data ?? []).join(',') : reprOf(x.value)) : '-'}`);
  const d = t.diagnostics.map((x) => `${x.loc.line}:${x.loc.col} ${x.severity} ${x.code}`);
  return [...b, ...d];
}

function edit(text: string, at: number, del: number, ins: string): { next: string; e: ReturnType<typeof editFromChange> } {
  return { next: text.slice(0, at) + ins + text.slice(at + del), e: editFromChange(text, at, at + del, ins) };
}

describe('interp: incremental re-trace', function () {
  this.timeout(60_000);
  before(loadParsers);

  const base = [
    'import numpy as np',
    'np.random.seed(0)',
    'def softmax(z):',
    '    e = np.exp(z - z.max(axis=-1, keepdims=True))',
    '    return e / e.sum(axis=-1, keepdims=True)',
    'X = np.random.randn(4, 3)',
    'W = np.random.randn(3, 2)',
    'H = X @ W',
    'P = softmax(H)',
    'R = np.random.randn(2)',
    'total = P.sum()',
    '',
  ].join('\n');

  it('an edit near the end: same as a full trace, random draws continue from the right state', () => {
    const prev = trace(base, 'python');
    const at = base.indexOf('total = P.sum()') + 'total = P.sum()'.length;
    const { next, e } = edit(base, at, 0, ' * 2');
    const inc = traceIncremental(prev, next, e);
    assert.deepEqual(summary(inc), summary(trace(next, 'python')));
  });

  it('an edit in the middle that changes shapes and breaks a later line', () => {
    const prev = trace(base, 'python');
    const at = base.indexOf('randn(3, 2)') + 'randn('.length;
    const { next, e } = edit(base, at, 1, '5');
    const inc = traceIncremental(prev, next, e);
    assert.deepEqual(summary(inc), summary(trace(next, 'python')));
    assert.ok(inc.diagnostics.some((d) => d.severity === 'error' && d.loc.line === 8));
  });

  it('an edit inside a function body called later', () => {
    const prev = trace(base, 'python');
    const at = base.indexOf('keepdims=True))');
    const { next, e } = edit(base, at, 'keepdims=True'.length, 'keepdims=False');
    const inc = traceIncremental(prev, next, e);
    assert.deepEqual(summary(inc), summary(trace(next, 'python')));
  });

  it('a chain of edits over a fixture, each from the previous incremental trace', () => {
    let text = fs.readFileSync(path.join(repoRoot, 'test/fixtures/python/tp4_ex2_multihead.py'), 'utf8');
    let prev = trace(text, 'python');
    const lines = text.split('\n');
    const targets = lines.map((l, i) => ({ l, i })).filter(({ l }) => /^[A-Za-z_]\w* = /.test(l)).slice(-8);
    for (const { i } of targets) {
      const lineStart = text.split('\n').slice(0, i).join('\n').length + 1;
      const lineEnd = lineStart + text.split('\n')[i].length;
      const { next, e } = edit(text, lineEnd, 0, ' * 1');
      prev = traceIncremental(prev, next, e);
      assert.deepEqual(summary(prev), summary(trace(next, 'python')), `after editing line ${i + 1}`);
      text = next;
    }
  });
});
