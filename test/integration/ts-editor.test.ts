// The editor on TypeScript inside a real extension host: hover (shape from a mathjs product and
// from a plain number[][]), CodeLens on the scaled-scores and attention lines of the mathjs
// example, and mathjs' RangeError as an error diagnostic on the right line of a buggy example.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TutorApi } from '../../src/vscode/activate';
import { EXTENSION_ID, eventually, hoverAt, lineOf, openDocument as open } from './helpers';

const lenses = async (doc: vscode.TextDocument): Promise<{ line: number; title: string }[]> => {
  const ls = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 20);
  return (ls ?? []).map((l) => ({ line: l.range.start.line, title: l.command?.title ?? '' }));
};

describe('editor: TypeScript with mathjs and plain arrays', function () {
  this.timeout(60_000);
  before(async () => {
    const ext = vscode.extensions.getExtension<TutorApi>(EXTENSION_ID);
    assert.ok(ext, 'the extension is installed');
    await ext.activate();
  });

  it('hover on Q = math.multiply(X, W_Q) shows (4, 2) and float64', async () => {
    const doc = await open('ts/attention.ts');
    assert.equal(doc.languageId, 'typescript');
    const line = lineOf(doc, 'const Q = math.multiply');
    const text = await eventually(() => hoverAt(doc, line, 6), (t) => t.includes('(4, 2)'), 'hover on Q');
    assert.match(text, /float64/);
  });

  it('hover on a plain number[][] gives its nested lengths as shape', async () => {
    const doc = await open('ts/attention.ts');
    const text = await eventually(() => hoverAt(doc, lineOf(doc, 'const W_V'), 6), (t) => t.includes('(4, 2)'), 'hover on W_V');
    assert.match(text, /W_V/);
  });

  it('CodeLens explains the scaled scores and the attention of the mathjs example', async () => {
    const doc = await open('ts/attention.ts');
    const scoresLine = lineOf(doc, 'const scores = ');
    const found = await eventually(() => lenses(doc), (ls) => ls.some((l) => l.line === scoresLine && /·\s*\(4, 4\)/.test(l.title)), 'a CodeLens on the scores line');
    const onScores = found.filter((l) => l.line === scoresLine).map((l) => l.title).join(' | ');
    assert.match(onScores, /scaled|scores|Explain/i, onScores);
    const outLine = lineOf(doc, 'const sortie = ');
    assert.ok(found.some((l) => l.line === outLine && /attention/i.test(l.title)), `an attention CodeLens on the output line among ${JSON.stringify(found)}`);
  });

  it('mathjs RangeError of Q·K is an error diagnostic on its line, with the fix in the message', async () => {
    const doc = await open('ts/missing_transpose.ts');
    const diags = await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => d.some((x) => x.source === 'Attention Tutor'), 'diagnostics');
    const mm = diags.find((d) => typeof d.code === 'object' && d.code.value === 'matmul-mismatch');
    assert.ok(mm, `matmul-mismatch among ${diags.map((d) => JSON.stringify(d.code)).join(', ')}`);
    assert.equal(mm.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(mm.range.start.line, lineOf(doc, 'const scores = '));
    assert.match(mm.message, /math\.transpose\(K\)/);
  });
});
