// The web extension (dist/web/extension.js, package.json "browser") activates with web globals
// only — no require beyond `vscode`, no process, no Buffer, tree-sitter fetched by URL — and its
// hover and CodeLens providers answer on TP4 exercise 1. The bundle runs in a fresh vm context,
// the way VS Code's web worker extension host runs it (CommonJS wrapper, `vscode` injected).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { webcrypto } from 'node:crypto';
import { repoRoot } from '../helpers';
import { fakeVscode, Position, textDocument, Uri, type FakeVscode } from './fakeVscode';

const BUNDLE = path.join(repoRoot, 'dist', 'web', 'extension.js');
const EXTENSION_URL = 'https://extensions.test/llm-course.attention-tutor';
const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };

/** The repository file behind a URL of the extension, as the web host would serve it. */
function fileOf(url: string): string {
  assert.ok(url.startsWith(`${EXTENSION_URL}/`), `a URL inside the extension: ${url}`);
  return path.join(repoRoot, decodeURIComponent(url.slice(EXTENSION_URL.length + 1)));
}

interface Loaded {
  fake: FakeVscode;
  exports: { activate(ctx: unknown): Promise<{ activationMs: number }>; deactivate(): void };
  requested: string[];
  fetched: string[];
  context: vm.Context;
}

function load(config: Record<string, unknown>): Loaded {
  assert.ok(fs.existsSync(BUNDLE), 'dist/web/extension.js exists (npm run build)');
  const fake = fakeVscode((uri) => new Uint8Array(fs.readFileSync(fileOf(uri.toString()))), config);
  const requested: string[] = [];
  const fetched: string[] = [];
  const fetchFromExtension = async (input: string | URL): Promise<Response> => {
    const url = String(input);
    fetched.push(url);
    const file = fileOf(url);
    if (!fs.existsSync(file)) return new Response('not found', { status: 404 });
    return new Response(fs.readFileSync(file), { headers: { 'content-type': url.endsWith('.wasm') ? 'application/wasm' : 'text/plain' } });
  };
  // what a web worker offers (no process, Buffer, require, __dirname, setImmediate)
  const context = vm.createContext({
    console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, structuredClone,
    performance, TextEncoder, TextDecoder, URL, URLSearchParams, AbortController, Blob, Response, Request, Headers,
    fetch: fetchFromExtension, btoa, atob, crypto: webcrypto,
    location: { href: `${EXTENSION_URL}/dist/web/extension.js`, origin: 'https://extensions.test' },
  });
  vm.runInContext('globalThis.self = globalThis;', context);
  const wrapper = vm.runInContext(`(function (module, exports, require) {${fs.readFileSync(BUNDLE, 'utf8')}\n})`, context, { filename: BUNDLE });
  const module = { exports: {} as Loaded['exports'] };
  wrapper(module, module.exports, (name: string) => {
    requested.push(name);
    if (name === 'vscode') return fake.module;
    throw new Error(`a web worker has no module "${name}"`);
  });
  return { fake, exports: module.exports, requested, fetched, context };
}

async function activated(config: Record<string, unknown> = {}): Promise<Loaded> {
  const l = load(config);
  const extensionUri = Uri.parse(EXTENSION_URL);
  const subscriptions: { dispose(): unknown }[] = [];
  await l.exports.activate({ extensionUri, subscriptions, asAbsolutePath: () => assert.fail('the web build must not ask for file paths') });
  return l;
}

function provider<T>(l: Loaded, kind: string): T {
  const r = l.fake.registrations.find((x) => x.kind === kind);
  assert.ok(r, `a ${kind} provider is registered (${l.fake.registrations.map((x) => x.kind).join(', ')})`);
  return r.handler as T;
}

// one document object per uri, as VS Code keeps it while the document is open
let ex1: ReturnType<typeof textDocument> | undefined;
const exercise1 = (): ReturnType<typeof textDocument> => {
  const text = fs.readFileSync(path.join(repoRoot, 'examples', 'tp4', 'exercise1.py'), 'utf8');
  return (ex1 ??= textDocument(Uri.parse(`${EXTENSION_URL}/examples/tp4/exercise1.py`), 'python', text));
};
const lineOf = (doc: ReturnType<typeof textDocument>, prefix: string): number => doc.getText().split('\n').findIndex((l) => l.startsWith(prefix));

type HoverProvider = { provideHover(d: unknown, p: Position, t: unknown): Promise<{ contents: { value: string } } | undefined> };
type LensProvider = { provideCodeLenses(d: unknown, t: unknown): Promise<{ range: { start: Position }; command?: { title: string; command: string; arguments: unknown[] } }[]> };

describe('vscode-web: the web extension bundle in a worker-like vm context', function () {
  this.timeout(60_000);
  let l: Loaded;
  before(async () => {
    l = await activated();
  });

  it('activates with web globals only: vscode is the one module it requires, wasm comes by fetch', () => {
    assert.deepEqual([...new Set(l.requested)], ['vscode']);
    assert.equal(vm.runInContext('typeof process + typeof Buffer + typeof require', l.context), 'undefinedundefinedundefined');
    const wasm = l.fetched.filter((u) => u.endsWith('.wasm')).map((u) => u.slice(EXTENSION_URL.length + 1)).sort();
    assert.deepEqual(wasm, ['dist/wasm/tree-sitter-python.wasm', 'dist/wasm/tree-sitter-typescript.wasm', 'dist/wasm/web-tree-sitter.wasm']);
  });

  it('registers hover, inlay hints, CodeLens and code actions for python and typescript, and its commands', () => {
    for (const kind of ['hover', 'inlayHints', 'codeLens', 'codeActions']) {
      const r = l.fake.registrations.find((x) => x.kind === kind);
      // JSON: the selector was made in the bundle's realm (another Object.prototype)
      assert.equal(JSON.stringify(r?.selector), '[{"language":"python"},{"language":"typescript"}]', kind);
    }
    const commands = l.fake.registrations.filter((r) => r.kind === 'command').map((r) => r.id);
    for (const id of ['attentionTutor.explain', 'attentionTutor.evaluate', 'attentionTutor.explainSelection', 'attentionTutor.chooseLanguage']) {
      assert.ok(commands.includes(id), id);
    }
  });

  it("hovers Q of exercise 1 with numpy's shape, dtype and values", async () => {
    const doc = exercise1();
    const hover = await provider<HoverProvider>(l, 'hover').provideHover(doc, new Position(lineOf(doc, 'Q = X @ W_Q'), 0), token);
    assert.ok(hover, 'a hover on Q');
    const md = hover.contents.value;
    assert.match(md, /\*\*Q\*\* · `\(4, 2\)` · `float64`/);
    // np.random.seed(0); X = randn(4, 4); W_Q = randn(4, 2) — Q[0, 0] as numpy prints it
    assert.match(md, /array\(\[\[ 2\.19931108, -1\.72707368\]/);
  });

  it('typesets the softmax in the hover of its line as an SVG image (MathJax without node)', async () => {
    const doc = exercise1();
    const hover = await provider<HoverProvider>(l, 'hover').provideHover(doc, new Position(lineOf(doc, 'poids = '), 1), token);
    const md = hover?.contents.value ?? '';
    const uri = /!\[[^\]]*\]\((data:image\/svg\+xml;base64,[^)]+)\)/.exec(md)?.[1];
    assert.ok(uri, 'an SVG data URI');
    assert.match(atob(uri.split(',')[1]), /^<svg[^>]*>.*<\/svg>$/s);
  });

  it('puts the CodeLenses of exercise 1 on the projections, scores, softmax and attention lines', async () => {
    const doc = exercise1();
    // copied into this realm's Array (deepEqual compares prototypes)
    const lenses = Array.from(await provider<LensProvider>(l, 'codeLens').provideCodeLenses(doc, token));
    const explain = lenses.filter((x) => x.command?.command === 'attentionTutor.explain');
    const at = explain.map((x) => `${x.range.start.line}:${x.command!.title}`);
    assert.deepEqual(at, [
      `${lineOf(doc, 'Q = X @ W_Q')}:$(mortar-board) Explain linear layer · (4, 2)`,
      `${lineOf(doc, 'K = X @ W_K')}:$(mortar-board) Explain linear layer · (4, 2)`,
      `${lineOf(doc, 'V = X @ W_V')}:$(mortar-board) Explain linear layer · (4, 2)`,
      `${lineOf(doc, 'scores = ')}:$(mortar-board) Explain scaled scores · (4, 4)`,
      `${lineOf(doc, 'poids = ')}:$(mortar-board) Explain softmax · (4, 4)`,
      `${lineOf(doc, 'sortie = ')}:$(mortar-board) Explain attention · (4, 2)`,
    ]);
    assert.equal(JSON.stringify(explain[4].command!.arguments), JSON.stringify([doc.uri.toString(), lineOf(doc, 'poids = ')]));
    assert.equal(lenses.filter((x) => x.command?.title === 'Evaluate').length, 6);
  });

  it('speaks French when attentionTutor.language is fr (bundle read through workspace.fs)', async () => {
    const fr = await activated({ language: 'fr' });
    const doc = exercise1();
    const lenses = await provider<LensProvider>(fr, 'codeLens').provideCodeLenses(doc, token);
    assert.ok(lenses.some((x) => x.command?.title === '$(mortar-board) Expliquer softmax · (4, 4)'), lenses.map((x) => x.command?.title).join(' | '));
    assert.ok(fr.fetched.every((u) => !u.endsWith('.json')), 'the l10n bundle comes from workspace.fs, not fetch');
  });
});
