// One Trace per document version, shared by every provider. Tracing runs off the typing path:
// edits schedule a throttled trace (the first keystroke after a pause traces at once; while typing
// goes on, traces are spaced by the last one's duration, so tracing never takes more than half the
// CPU); a newer edit supersedes a scheduled one, and a result for an outdated version is never
// published. A text document re-traces
// incrementally from its previous trace (the tree-sitter edit of the change: only the statements
// the edit can reach run again); notebooks and first traces run in full.

import * as vscode from 'vscode';
import { analyze, analyzeIncremental } from '../core/analyze';
import type { Trace } from '../core/types';
import { TracedSource } from './tracedSource';
import { editBetween, type TextChange } from './textEdit';

export interface TraceResult {
  source: TracedSource;
  trace: Trace;
  /** wall time of this trace, ms */
  ms: number;
  /** re-traced from the previous version (false: a full trace) */
  incremental: boolean;
}

interface Entry {
  version: string;
  result?: TraceResult;
  timer?: ReturnType<typeof setTimeout>;
  /** the computation for `version`, while it runs or once done */
  running?: Promise<TraceResult | undefined>;
  /** when the last trace of this document ended (performance.now()) */
  endedAt?: number;
  /** the last content change event, when it held a single change: the exact incremental edit */
  lastChange?: { version: number; change: TextChange };
}

/** The longest wait between an edit and its trace (a slow trace does not make typing wait longer). */
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
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!e.contentChanges.length) return;
        this.noteChange(e);
        this.schedule(e.document);
      }),
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
    // idle for as long as the last trace took: trace now (a 0 ms timer still merges the changes
    // of one tick, e.g. a multi-cursor edit); otherwise wait out the rest of that pause
    const idle = entry.endedAt === undefined ? Infinity : performance.now() - entry.endedAt;
    const delay = Math.min(MAX_DELAY_MS, Math.max(0, (entry.result?.ms ?? 0) - idle));
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      // read the documents again: the latest text wins, whatever version scheduled this
      const fresh = source.notebook ? TracedSource.ofNotebook(source.notebook) : TracedSource.of(source.documents[0]);
      if (fresh) void this.ensure(fresh);
    }, delay);
    this.entries.set(source.key, entry);
  }

  /** Keep a single change with the version it produced; several changes make a merged edit later. */
  private noteChange(e: vscode.TextDocumentChangeEvent): void {
    const entry = this.entries.get(e.document.uri.toString());
    if (!entry) return;
    const [c] = e.contentChanges;
    entry.lastChange = e.contentChanges.length === 1
      ? { version: e.document.version, change: { rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text } }
      : undefined;
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
      const result = this.trace(source, e);
      e.endedAt = performance.now();
      if (result && e.version === source.version) {
        e.result = result;
        this.changed.fire(result);
      }
      return result;
    });
    e.running = run;
    return run;
  }

  private trace(source: TracedSource, entry: Entry): TraceResult | undefined {
    const t0 = performance.now();
    try {
      const prev = entry.result;
      // A trace seeds one incremental run only, and each version is traced once: the previous
      // result is always the latest trace of this document, never one consumed already.
      if (prev && !source.cells && !prev.source.cells && prev.source.language === source.language) {
        const last = entry.lastChange;
        const single = last && String(last.version) === source.version && Number(prev.source.version) === last.version - 1 ? last.change : undefined;
        const edit = editBetween(prev.source.text, source.text, single);
        // same text under a new version (undo back, save, revert): the trace still holds
        const trace = edit ? analyzeIncremental(prev.trace, source.text, edit) : prev.trace;
        return { source, trace, ms: performance.now() - t0, incremental: true };
      }
      const trace = analyze(source.text, source.language, { budgetMs: this.budgetMs() });
      return { source, trace, ms: performance.now() - t0, incremental: false };
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
