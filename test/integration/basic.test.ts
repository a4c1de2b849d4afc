// The extension inside a real VS Code extension host (code-server in CI): it activates on a
// Python file, and its providers answer through the public commands the editor itself uses.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, eventually, hoverAt, lineOf, open } from './helpers';

describe('basic: the extension in a real extension host', () => {
  it('is installed and activates on exercise1.py', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    const t0 = performance.now();
    await open('tp4/exercise1.py');
    await ext.activate();
    const metrics = (globalThis as { attentionTutorMetrics?: Record<string, number> }).attentionTutorMetrics;
    // The extension's own figure when it reports one, else the time until activate() resolved.
    const own = (ext.exports as { activationMs?: number } | undefined)?.activationMs;
    if (metrics) metrics.activationMs = typeof own === 'number' ? own : performance.now() - t0;
    assert.equal(ext.isActive, true);
  });

  it('offers CodeLenses on exercise1.py', async () => {
    const editor = await open('tp4/exercise1.py');
    const lenses = await eventually(
      () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 10),
      (l) => Array.isArray(l) && l.some((x) => x.command?.title),
      'CodeLenses',
    );
    const titled = lenses.filter((l) => l.command?.title);
    assert.ok(titled.length > 0);
    // The softmax of exercise 1 (the `poids = …` line) carries a lens.
    const softmaxLine = lineOf(editor.document, 'poids = ');
    assert.ok(titled.some((l) => Math.abs(l.range.start.line - softmaxLine) <= 1), `a lens near line ${softmaxLine + 1}: ${titled.map((l) => `${l.range.start.line + 1} ${l.command?.title}`).join('; ')}`);
  });

  it('says (4, 2) when hovering Q', async () => {
    const { document: doc } = await open('tp4/exercise1.py');
    const line = lineOf(doc, 'Q = X @ W_Q');
    const text = await eventually(() => hoverAt(doc, line, 0), (t) => t.includes('(4, 2)'), 'hover on Q');
    assert.match(text, /\(4, 2\)/);
  });

  it('reports the missing transpose in buggy/missing_transpose.py as an error', async () => {
    const editor = await open('buggy/missing_transpose.py');
    const line = lineOf(editor.document, 'scores = Q @ K ');
    const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
    const diags = await eventually(
      () => vscode.languages.getDiagnostics(editor.document.uri),
      (ds) => ds.some((d) => codeOf(d) === 'matmul-mismatch'),
      'matmul-mismatch diagnostic',
    );
    const d = diags.find((x) => codeOf(x) === 'matmul-mismatch');
    assert.ok(d);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d.range.start.line, line);
    assert.match(d.message, /\(4, 2\)/);
  });

  it('keeps a correct example free of errors', async () => {
    const editor = await open('tp4/exercise2.py');
    // Wait for the analysis of this document (the CodeLenses), then read its diagnostics.
    await eventually(
      () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri),
      (l) => Array.isArray(l) && l.length > 0,
      'analysis of exercise2.py',
    );
    const errors = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((e) => `${e.range.start.line + 1}: ${e.message}`), []);
  });
});
