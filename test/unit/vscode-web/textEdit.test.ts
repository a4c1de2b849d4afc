// editBetween, the edit the trace service hands to the incremental tracer: a single reported change
// is used as is, several are merged into one covering replacement, and either way re-parsing the
// edited old tree gives the tree of a fresh parse and the incremental analysis the full one.
import * as assert from 'node:assert/strict';
import { analyze, analyzeIncremental } from '../../../src/core/analyze';
import { parserFor } from '../../../src/core/parse/treeSitter';
import type { Trace } from '../../../src/core/types';
import { editBetween, type TextChange } from '../../../src/vscode/textEdit';
import { loadParsers } from '../helpers';

const apply = (text: string, c: TextChange): string => text.slice(0, c.rangeOffset) + c.text + text.slice(c.rangeOffset + c.rangeLength);

function sameTreeAfterEdit(oldText: string, newText: string, change?: TextChange): void {
  const parser = parserFor('python');
  const old = parser.parse(oldText)!;
  const edit = editBetween(oldText, newText, change);
  assert.ok(edit, 'texts differ: an edit');
  old.edit(edit);
  const incremental = parser.parse(newText, old)!;
  const fresh = parser.parse(newText)!;
  assert.equal(incremental.rootNode.toString(), fresh.rootNode.toString());
  assert.equal(incremental.rootNode.endIndex, newText.length);
}

const summary = (t: Trace): string[] => [
  ...t.bindings.map((b) => `${b.loc.line}:${b.loc.col} ${b.name} ${JSON.stringify(b.shape)} ${b.dtype}`),
  ...t.diagnostics.map((d) => `${d.loc.line}:${d.loc.col}-${d.loc.endCol} ${d.severity} ${d.code}`),
];

const TP4 = [
  'import numpy as np',
  'np.random.seed(0)',
  "mots = ['Le', 'chat', 'noir', 'dort']",
  'X = np.random.randn(4, 4)',
  'W_Q = np.random.randn(4, 2)',
  'W_K = np.random.randn(4, 2)',
  'Q = X @ W_Q',
  'K = X @ W_K',
  'scores = Q @ K.T / np.sqrt(2)',
  '',
].join('\n');

describe('vscode-web: editBetween (incremental edits of the trace service)', () => {
  before(loadParsers);

  it('uses the reported change when it takes the old text to the new one', () => {
    const at = TP4.indexOf('K.T');
    const change = { rangeOffset: at, rangeLength: 3, text: 'K' };
    const next = apply(TP4, change);
    const e = editBetween(TP4, next, change)!;
    assert.equal(e.startIndex, at);
    assert.equal(e.oldEndIndex, at + 3);
    assert.equal(e.newEndIndex, at + 1);
    assert.deepEqual(e.startPosition, { row: 8, column: at - TP4.lastIndexOf('\n', at) - 1 });
    sameTreeAfterEdit(TP4, next, change);
  });

  it('ignores a reported change that does not match the texts and diffs them instead', () => {
    const next = TP4.replace('randn(4, 2)', 'randn(4, 3)');
    const stale = { rangeOffset: 0, rangeLength: 0, text: 'x' };
    const e = editBetween(TP4, next, stale)!;
    const at = TP4.indexOf('randn(4, 2)') + 'randn(4, '.length;
    assert.equal(e.startIndex, at, 'starts where the texts first differ');
    assert.equal(e.oldEndIndex, at + 1);
    assert.equal(e.newEndIndex, at + 1);
    sameTreeAfterEdit(TP4, next);
  });

  it('merges several changes (debounced keystrokes, multi-cursor) into one covering edit', () => {
    let text = TP4;
    for (const c of [
      (s: string) => ({ rangeOffset: s.indexOf('W_Q ='), rangeLength: 0, text: '# ' }),
      (s: string) => ({ rangeOffset: s.indexOf('scores') + 2, rangeLength: 0, text: 'é' }),
    ]) text = apply(text, c(text));
    const e = editBetween(TP4, text)!;
    assert.equal(e.startIndex, TP4.indexOf('W_Q ='));
    assert.equal(e.oldEndIndex, TP4.indexOf('scores') + 2);
    sameTreeAfterEdit(TP4, text);
  });

  it('is undefined for equal texts, and handles insertion at either end and deletion of everything', () => {
    assert.equal(editBetween(TP4, TP4), undefined);
    sameTreeAfterEdit(TP4, `x = 1\n${TP4}`);
    sameTreeAfterEdit(TP4, `${TP4}y = Q.sum()\n`);
    sameTreeAfterEdit(TP4, '');
    sameTreeAfterEdit('', TP4);
  });

  it('never cuts a surrogate pair in two (columns are UTF-16 units)', () => {
    const old = "s = '😀😀'\nX = 1\n";
    const next = "s = '😀😃'\nX = 1\n";
    const e = editBetween(old, next)!;
    const cut = (i: number, t: string) => t.charCodeAt(i) >= 0xdc00 && t.charCodeAt(i) <= 0xdfff;
    assert.ok(!cut(e.startIndex, old) && !cut(e.oldEndIndex, old) && !cut(e.newEndIndex, next));
    assert.equal(next.slice(e.startIndex, e.newEndIndex), '😃');
    sameTreeAfterEdit(old, next);
  });

  it('feeds analyzeIncremental: the result equals a full analysis, keystroke after keystroke', () => {
    let text = TP4;
    let t = analyze(text, 'python');
    // typing `.T` away and back, then a broken line, then its repair — each from the previous trace
    const steps: ((s: string) => TextChange)[] = [
      (s) => ({ rangeOffset: s.indexOf('K.T') + 1, rangeLength: 2, text: '' }),
      (s) => ({ rangeOffset: s.indexOf('Q @ K ') + 5, rangeLength: 0, text: '.T' }),
      (s) => ({ rangeOffset: s.length, rangeLength: 0, text: 'poids = np.exp(scores' }),
      (s) => ({ rangeOffset: s.length, rangeLength: 0, text: ')\n' }),
    ];
    for (const step of steps) {
      const change = step(text);
      const next = apply(text, change);
      t = analyzeIncremental(t, next, editBetween(text, next, change)!);
      assert.deepEqual(summary(t), summary(analyze(next, 'python')), `after ${JSON.stringify(change.text)}`);
      text = next;
    }
    assert.ok(t.bindings.some((b) => b.name === 'poids' && JSON.stringify(b.shape) === '[4,4]'));
  });
});
