// What the in-host suites share (esbuild bundles it into each *.test.js): the extension's id, the
// examples folder, opening an example, polling until a provider has answered, and reading hovers.
// Providers answer once the trace of a document is ready, so every read goes through `eventually`.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'llm-course.attention-tutor';

/** dist/test/integration → the repository's examples/ (also the workspace folder in CI). */
export const examples = path.resolve(__dirname, '..', '..', '..', 'examples');

export const exampleUri = (rel: string): vscode.Uri => vscode.Uri.file(path.join(examples, rel));

/** Opens examples/<rel> in the first editor column. */
export async function open(rel: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(exampleUri(rel)), vscode.ViewColumn.One);
}

/** Opens examples/<rel> in the first editor column and returns its document. */
export async function openDocument(rel: string): Promise<vscode.TextDocument> {
  return (await open(rel)).document;
}

/** Polls until `get` returns a value accepted by `ok`; fails with the last value after `ms`. */
export async function eventually<T>(get: () => Thenable<T> | T, ok: (v: T) => boolean, what: string, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await get();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`${what}: not there after ${ms} ms (last: ${JSON.stringify(last)?.slice(0, 400)})`);
}

/** The 0-based line of the first line of `doc` starting with `prefix` (asserts there is one). */
export function lineOf(doc: vscode.TextDocument, prefix: string): number {
  const i = doc.getText().split('\n').findIndex((l) => l.startsWith(prefix));
  assert.ok(i >= 0, `a line starting with ${prefix}`);
  return i;
}

/** The markdown of hovers, joined. */
export function hoverText(hs: vscode.Hover[] | undefined): string {
  return (hs ?? []).flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

/** What the editor's hover shows at (line, col) of `doc`, through the command VS Code itself uses. */
export async function hoverAt(doc: vscode.TextDocument, line: number, col: number): Promise<string> {
  return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, col)));
}
