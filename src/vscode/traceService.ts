// One Trace per document version, shared by every provider. Tracing runs off the typing path:
// edits schedule a debounced trace (the delay follows how long the last trace took, so small files
// update at once and big ones do not trace on every keystroke); a newer edit supersedes a scheduled
// one, and a result for an outdated version is never published.

import * as vscode from 'vscode';
import { analyze } from '../core/analyze';
import type { Trace } from '../core/types';
import { TracedSource } from './tracedSource';

export interface TraceResult {
  source: TracedSource;
  trace: Trace;
  /** wall time of this trace, ms */
  ms: number;
}

interface Entry {
  version: string;
  result?: TraceResult;
  timer?: ReturnType<typeof setTimeout>;
  /** the computation for `version`, while it runs or once done */
  running?: Promise<TraceResult | undefined>;
}

const MIN_DELAY_MS = 10;
const MAX_DELAY_MS = 250;

export class TraceService implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<TraceResult>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** fires after every new trace (a new document version traced) */
  readonly onDidTrace = this.changed.event;

  constructor(
    /** resolves once tree-sitter is initialised (once per extension host) */
    private readonly parsersReady: Promise<void>,
    private readonly budgetMs: () => number,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      this.changed,
      vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && this.schedule(e.document)),
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d)),
      vscode.workspace.onDidChangeNotebookDocument((e) => {
        // cells added, removed or moved change what the others see: retrace the whole notebook
        if (e.contentChanges.length) this.scheduleSource(TracedSource.ofNotebook(e.notebook));
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri.toString())),
      vscode.workspace.onDidCloseNotebookDocument((n) => this.forget(n.uri.toString())),
    );
  }

  /** The trace of the document's current version (traced now if it is not yet). */
  async get(doc: vscode.TextDocument): Promise<TraceResult | undefined> {
    const source = TracedSource.of(doc);
    return source && this.ensure(source);
  }

  /** The latest trace of the document, possibly of an older version; never waits. */
  peek(doc: vscode.TextDocument): TraceResult | undefined {
    const source = TracedSource.of(doc);
    return source && this.entries.get(source.key)?.result;
  }

  /** The latest trace by key (a document's or a notebook's uri). */
  peekKey(key: string): TraceResult | undefined {
    return this.entries.get(key)?.result;
  }

  /** Forget every trace (e.g. the time budget changed) and retrace the open documents. */
  invalidateAll(): void {
    for (const e of this.entries.values()) if (e.timer) clearTimeout(e.timer);
    this.entries.clear();
    for (const d of vscode.workspace.textDocuments) this.schedule(d);
  }

  schedule(doc: vscode.TextDocument): void {
    this.scheduleSource(TracedSource.of(doc));
  }

  private scheduleSource(source: TracedSource | undefined): void {
    if (!source) return;
    const entry = this.entries.get(source.key) ?? { version: '' };
    if (entry.version === source.version && (entry.result || entry.running)) return;
    if (entry.timer) clearTimeout(entry.timer);
    const last = entry.result?.ms ?? 0;
    const delay = Math.min(MAX_DELAY_MS, Math.max(MIN_DELAY_MS, last));
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      // read the documents again: the latest text wins, whatever version scheduled this
      const fresh = source.notebook ? TracedSource.ofNotebook(source.notebook) : TracedSource.of(source.documents[0]);
      if (fresh) void this.ensure(fresh);
    }, delay);
    this.entries.set(source.key, entry);
  }

  private ensure(source: TracedSource): Promise<TraceResult | undefined> {
    let entry = this.entries.get(source.key);
    if (entry && entry.version === source.version) {
      if (entry.result && entry.result.source.version === source.version) return Promise.resolve(entry.result);
      if (entry.running) return entry.running;
    }
    if (!entry) {
      entry = { version: source.version };
      this.entries.set(source.key, entry);
    }
    if (entry.timer) {
      clearTimeout(entry.timer);
      entry.timer = undefined;
    }
    const e = entry;
    e.version = source.version;
    const run = this.parsersReady.then(() => {
      // superseded while waiting for the parsers: the newer version's run publishes instead
      if (e.version !== source.version) return e.running;
      const result = this.trace(source);
      if (result && e.version === source.version) {
        e.result = result;
        this.changed.fire(result);
      }
      return result;
    });
    e.running = run;
    return run;
  }

  private trace(source: TracedSource): TraceResult | undefined {
    const t0 = performance.now();
    try {
      const trace = analyze(source.text, source.language, { budgetMs: this.budgetMs() });
      return { source, trace, ms: performance.now() - t0 };
    } catch (err) {
      // the core promises never to throw; if it does, say so once per version and keep the old trace
      this.log.error(`trace of ${source.label} failed`, err);
      return undefined;
    }
  }

  private forget(key: string): void {
    const e = this.entries.get(key);
    if (e?.timer) clearTimeout(e.timer);
    this.entries.delete(key);
  }

  dispose(): void {
    for (const e of this.entries.values()) if (e.timer) clearTimeout(e.timer);
    this.entries.clear();
    for (const s of this.subscriptions) s.dispose();
  }
}
