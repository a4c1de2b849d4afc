// The public entry of the core: trace(source, language) → Trace, and traceIncremental, which
// after a small edit re-parses with the old tree and re-interprets only from the first
// top-level statement the edit can reach. Never throws; never runs (much) past its budget.

import type { Edit, Tree } from 'web-tree-sitter';
import './builtins/functions';
import './builtins/methods';
import './builtins/math';
import './ops/index';
import { findFormulas } from './formulas/index';
import { lintTrace } from './formulas/lints/index';
import { buildContext, type MatchContext } from './formulas/match';
import type { Program, Stmt } from './ir';
import { Interp } from './interp/context';
import { UndoLog } from './interp/heap';
import { runFrom, traceUncalled, type Epoch } from './interp/run';
import { parsePython } from './parse/python';
import { parseTypeScript } from './parse/typescript';
import type { Diagnostic } from './diagnostics';
import type { Binding, Language, Trace, TraceOptions } from './types';
import type { Value } from './values';

const DEFAULTS = { budgetMs: 500, maxElements: 1_000_000, maxLoopIterations: 5_000 };

interface Internals {
  tree: Tree;
  it: Interp;
  epochs: Epoch[];
  spec: Epoch;
  source: string;
  options: TraceOptions;
  /** an incremental run rewinds the interpreter in place: a trace can seed only one */
  consumed: boolean;
}
const internals = new WeakMap<Trace, Internals>();

const now = (): number => globalThis.performance?.now() ?? Date.now();

function parse(source: string, language: Language, oldTree?: Tree): { program: Program; tree: Tree } {
  return language === 'python' ? parsePython(source, oldTree) : parseTypeScript(source, oldTree);
}

/** Notebook cells as one program, lines numbered as in the concatenated code cells. */
function cellsSource(cells: string[]): string {
  return cells
    .map((c) => c.replace(/\r\n?/g, '\n').split('\n').map((l) => (/^\s*[%!]/.test(l) ? `#${l}` : l)).join('\n'))
    .filter((c) => c.length > 0)
    .map((c) => (c.endsWith('\n') ? c : `${c}\n`))
    .join('');
}

function failedTrace(language: Language, err: unknown, t0: number): Trace {
  const msg = err instanceof Error ? err.message : String(err);
  return {
    language,
    program: { language, body: [], exprCount: 0, syntaxErrors: [] },
    bindings: [],
    diagnostics: [{ loc: { line: 1, col: 0, endLine: 1, endCol: 0 }, severity: 'info', code: 'internal', message: { en: `the tracer failed: ${msg}`, fr: `le traceur a échoué : ${msg}` } }],
    exprValues: [],
    formulas: [],
    stats: { ms: now() - t0, budgetExceeded: false },
  };
}

export function trace(source: string, language: Language, options: TraceOptions = {}): Trace {
  const t0 = now();
  try {
    const src = options.cells ? cellsSource(options.cells) : source;
    const { program, tree } = parse(src, language);
    const it = newInterp(program, src, language, options, t0);
    const epochs: Epoch[] = [];
    runFrom(it, program.body, 0, epochs);
    return finish(it, tree, epochs, src, options, t0);
  } catch (err) {
    return failedTrace(language, err, t0);
  }
}

function newInterp(program: Program, src: string, language: Language, options: TraceOptions, t0: number): Interp {
  const it = new Interp(program, src, language, {
    budgetMs: options.budgetMs ?? DEFAULTS.budgetMs,
    maxElements: options.maxElements ?? DEFAULTS.maxElements,
    maxLoopIterations: DEFAULTS.maxLoopIterations,
  });
  it.deadline = t0 + it.options.budgetMs;
  return it;
}

/** Uncalled functions, syntax errors, bindings and formulas: what every run ends with. */
function finish(it: Interp, tree: Tree, epochs: Epoch[], source: string, options: TraceOptions, t0: number): Trace {
  const spec: Epoch = {
    log: new UndoLog(), exprIds: [], diagCount: it.diagnostics.length, random: new Map(),
    defsSeen: it.defsSeen.size, defsCalled: it.defsCalled.size, symCounter: it.symCounter,
  };
  it.heap.epoch = spec.log;
  it.exprLog = spec.exprIds;
  if (!it.budgetExceeded) traceUncalled(it);
  it.heap.epoch = undefined;
  it.exprLog = undefined;
  const diagnostics = [...it.diagnostics];
  for (const e of it.program.syntaxErrors) {
    diagnostics.push({ loc: e.loc, severity: 'error', code: 'syntax', message: { en: `syntax error: ${e.message}`, fr: `erreur de syntaxe : ${e.message}` } });
  }
  const bindings = it.recorder.finish(reservedNames(it));
  diagnostics.push(...unknownShapeHints(bindings, diagnostics));
  diagnostics.sort((a, b) => a.loc.line - b.loc.line || a.loc.col - b.loc.col);
  const trace: Trace = {
    language: it.language,
    program: it.program,
    bindings,
    diagnostics,
    exprValues: it.exprValues,
    formulas: [],
    stats: { ms: 0, budgetExceeded: it.budgetExceeded },
  };
  // the recognisers and the lints share one match context (building it walks the whole program)
  let ctx: MatchContext | undefined;
  try {
    ctx = buildContext(trace.program, trace.exprValues);
    trace.formulas = findFormulas(trace, ctx);
  } catch {
    trace.formulas = [];
  }
  try {
    const seen = new Set(diagnostics.map((d) => `${d.code}:${d.loc.line}:${d.loc.col}`));
    for (const d of lintTrace(trace, ctx)) if (!seen.has(`${d.code}:${d.loc.line}:${d.loc.col}`)) diagnostics.push(d);
    diagnostics.sort((a, b) => a.loc.line - b.loc.line || a.loc.col - b.loc.col);
  } catch {
    // the silent-bug lints are advice: a failure there must not cost the trace
  }
  trace.stats.ms = now() - t0;
  internals.set(trace, { tree, it, epochs, spec, source, options, consumed: false });
  return trace;
}

/**
 * "shape unknown because …" hints: once per distinct reason, on the first binding it explains
 * (a whole uncalled function would otherwise repeat the same hint on every line).
 */
function unknownShapeHints(bindings: readonly Binding[], diagnostics: readonly Diagnostic[]): Diagnostic[] {
  // a line already explained (an error, "not modelled yet") needs no second hint
  const explained = new Set(diagnostics.filter((d) => d.severity === 'error' || d.code === 'not-modelled').map((d) => d.loc.line));
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const b of bindings) {
    if (b.shape || !b.why || seen.has(b.why.en) || explained.has(b.loc.line)) continue;
    seen.add(b.why.en);
    out.push({
      loc: b.loc,
      severity: 'info',
      code: 'shape-unknown',
      message: { en: `shape of ${b.name} unknown because ${b.why.en}`, fr: `forme de ${b.name} inconnue : ${b.why.fr}` },
    });
  }
  return out;
}

function reservedNames(it: Interp): Set<string> {
  const names = new Set<string>(it.globals.vars.keys());
  return names;
}

/** Structural equality of two IR subtrees (kinds, locations, expression ids, names, literals). */
function sameTree(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (depth > 200 || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameTree(x, b[i], depth + 1));
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!sameTree((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth + 1)) return false;
  return true;
}

/**
 * Re-trace after one edit. `edit` is the tree-sitter edit of the change (see editFromChange).
 * Falls back to a full trace when `prev` cannot seed it (already used, budget ran out, other cells).
 */
export function traceIncremental(prev: Trace, newSource: string, edit: Edit): Trace {
  const t0 = now();
  const inner = internals.get(prev);
  try {
    if (!inner || inner.consumed || prev.stats.budgetExceeded || inner.options.cells) return trace(newSource, prev.language, inner?.options ?? {});
    inner.tree.edit(edit);
    const { program, tree } = parse(newSource, prev.language, inner.tree);
    const oldBody = prev.program.body;
    const editLine = edit.startPosition.row + 1;
    // the first top-level statement the edit can reach: its last line is at or after the edit
    let k = 0;
    while (k < oldBody.length && k < program.body.length && endLine(oldBody[k]) < editLine && sameHead(oldBody[k], program.body[k])) k++;
    // the text before the edit is unchanged, so is its parse; the ids of the last reused
    // statement (deep check) prove the numbering of everything before it matches too
    while (k > 0 && !sameTree(oldBody[k - 1], program.body[k - 1])) k--;
    if (k === 0) return trace(newSource, prev.language, inner.options);
    const it = inner.it;
    inner.consumed = true;
    rewind(it, inner, k);
    const fresh = new Interp(program, newSource, prev.language, it.options);
    adopt(fresh, it, t0);
    const epochs = inner.epochs.slice(0, k);
    runFrom(fresh, program.body, k, epochs);
    return finish(fresh, tree, epochs, newSource, inner.options, t0);
  } catch (err) {
    try {
      return trace(newSource, prev.language, inner?.options ?? {});
    } catch {
      return failedTrace(prev.language, err, t0);
    }
  }
}

function sameHead(a: Stmt, b: Stmt): boolean {
  return a.k === b.k && a.loc.line === b.loc.line && a.loc.col === b.loc.col && a.loc.endLine === b.loc.endLine && a.loc.endCol === b.loc.endCol;
}

function endLine(s: Stmt): number {
  return s.loc.endLine;
}

/** Undo the uncalled-function phase and every statement from `k` on, newest first. */
function rewind(it: Interp, inner: Internals, k: number): void {
  const undoEpoch = (e: Epoch): void => {
    e.log.undo();
    for (const id of e.exprIds) it.exprValues[id] = undefined;
  };
  undoEpoch(inner.spec);
  for (let i = inner.epochs.length - 1; i >= k; i--) undoEpoch(inner.epochs[i]);
  const e = inner.epochs[k];
  it.diagnostics.length = e.diagCount;
  trimSet(it.defsCalled, e.defsCalled);
  trimMap(it.defsSeen, e.defsSeen);
  it.perTrace.clear();
  for (const [key, v] of e.random) it.perTrace.set(key, v);
  it.symCounter = e.symCounter;
}

function trimSet<T>(s: Set<T>, n: number): void {
  let i = 0;
  for (const x of [...s]) if (i++ >= n) s.delete(x);
}
function trimMap<K, V>(m: Map<K, V>, n: number): void {
  let i = 0;
  for (const x of [...m.keys()]) if (i++ >= n) m.delete(x);
}

/** Move the rewound state of the previous interpreter into the one for the new program. */
function adopt(fresh: Interp, old: Interp, t0: number): void {
  Object.assign(fresh, {
    heap: old.heap,
    recorder: old.recorder,
    globals: old.globals,
    perTrace: old.perTrace,
    defsSeen: old.defsSeen,
    defsCalled: old.defsCalled,
    lastInstance: old.lastInstance,
    starModules: old.starModules,
    symCounter: old.symCounter,
    errLoc: old.errLoc,
  });
  fresh.opCtx.perTrace = old.perTrace;
  for (let i = 0; i < old.exprValues.length && i < fresh.exprValues.length; i++) fresh.exprValues[i] = old.exprValues[i] as Value | undefined;
  for (const d of old.diagnostics) fresh.report(d);
  fresh.deadline = t0 + fresh.options.budgetMs;
}
