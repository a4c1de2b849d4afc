// The public entry of the core: trace(source, language) → Trace, and traceIncremental, which
// after a small edit re-parses with the old tree, keeps the IR of the statements the edit did not
// touch, and re-interprets only the statements that changed or depend on what changed (see
// interp/incremental.ts). Never throws; never runs (much) past its budget.

import type { Edit, Tree } from 'web-tree-sitter';
import './builtins/functions';
import './builtins/methods';
import './builtins/math';
import './ops/index';
import { mergeSites, perTopLevel, type GroupResult, type PerTop } from './formulas/index';
import { mergeLints } from './formulas/lints/index';
import { buildContext, exprName, type MatchContext } from './formulas/match';
import type { Program, Stmt } from './ir';
import { Interp } from './interp/context';
import { rerunFrom, rewindFrom, type Rerun } from './interp/incremental';
import { runFrom, snapshotRandom, type Epoch } from './interp/run';
import { keepUncalled, runUncalled, type RewoundPhase, type UncalledPhase } from './interp/uncalled';
import { parsePython, type PythonParse } from './parse/python';
import { reparsePython } from './parse/pythonIncremental';
import type { Tops } from './parse/pythonTops';
import type { LocShift } from './parse/pythonShift';
import { parseTypeScript } from './parse/typescript';
import type { Diagnostic } from './diagnostics';
import type { Binding, Language, Trace, TraceOptions } from './types';
import type { Value } from './values';

const DEFAULTS = { budgetMs: 500, maxElements: 1_000_000, maxLoopIterations: 5_000 };

interface Internals {
  tree: Tree;
  it: Interp;
  epochs: Epoch[];
  /** the functions nobody called, traced last */
  phase: UncalledPhase;
  source: string;
  options: TraceOptions;
  /** an incremental run rewinds the interpreter in place: a trace can seed only one */
  consumed: boolean;
  /** Python: the top-level statements with their source ranges (statement reuse) */
  tops?: Tops;
  /** numpy's generator state after the last statement (before the uncalled functions ran) */
  finalRandom: Map<string, unknown>;
  /** formula sites and lints per top-level statement, reused where nothing they read changed */
  perTop?: PerTop;
}
const internals = new WeakMap<Trace, Internals>();

/** What an incremental run tells finish(), so it recomputes only the formulas that may change. */
interface IncrementalRun {
  reused: number[];
  rerun: Rerun;
  k: number;
  prevPerTop?: PerTop;
  /** names assigned by the statements of the old program that are gone */
  removedTargets: Set<string>;
  /** the edit moved rows or columns: cached sites and lints are in the old text's coordinates */
  shift?: LocShift;
  /** the previous run's uncalled-function phase, put back when nothing it read changed */
  phase: RewoundPhase;
  /** a top-level statement was added, removed or lowered anew (positional recognisers must look again) */
  restructured: boolean;
}

const now = (): number => globalThis.performance?.now() ?? Date.now();

function parse(source: string, language: Language, oldTree?: Tree): PythonParse {
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
    const { program, tree, tops } = parse(src, language);
    const it = newInterp(program, src, language, options, t0);
    const epochs: Epoch[] = [];
    runFrom(it, program.body, 0, epochs);
    return finish(it, tree, epochs, src, options, t0, tops);
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
function finish(it: Interp, tree: Tree, epochs: Epoch[], source: string, options: TraceOptions, t0: number, tops?: Tops, inc?: IncrementalRun): Trace {
  const finalRandom = snapshotRandom(it);
  const kept = inc && keepUncalled(it, inc.phase, inc.rerun, finalRandom);
  const phase = kept || runUncalled(it, finalRandom);
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
  // the recognisers and the lints share one match context, and keep per-statement results
  let perTop: PerTop | undefined;
  try {
    const ctx = buildContext(trace.program, trace.exprValues);
    perTop = perTopLevel(ctx, inc ? reusable(it, ctx, epochs, inc, !!kept) : () => undefined);
    trace.formulas = mergeSites(perTop.sites);
  } catch {
    trace.formulas = [];
  }
  if (perTop) {
    const seen = new Set(diagnostics.map((d) => `${d.code}:${d.loc.line}:${d.loc.col}`));
    for (const d of mergeLints(perTop.lints)) if (!seen.has(`${d.code}:${d.loc.line}:${d.loc.col}`)) diagnostics.push(d);
    diagnostics.sort((a, b) => a.loc.line - b.loc.line || a.loc.col - b.loc.col);
  }
  trace.stats.ms = now() - t0;
  internals.set(trace, { tree, it, epochs, phase, source, options, consumed: false, tops, finalRandom, perTop });
  return trace;
}

/**
 * Which statement groups can keep the formula sites and lints of the previous trace: those that
 * were put back (not run again), read no name anything re-run assigned, and define no function
 * whose recorded values may have changed (called by what ran, or traced as uncalled again:
 * `phaseKept` says the uncalled functions' values were put back as they were).
 */
function reusable(it: Interp, ctx: MatchContext, epochs: Epoch[], inc: IncrementalRun, phaseKept: boolean): (i: number) => GroupResult | undefined {
  const prev = inc.prevPerTop;
  if (!prev || inc.rerun.importsChanged || ctx.program !== it.program) return () => undefined;
  const names = new Set([...inc.rerun.written, ...inc.removedTargets]);
  const body = it.program.body;
  for (let i = inc.k; i < body.length; i++) if (inc.rerun.ran[i - inc.k]) for (const n of assignedNames(body[i])) names.add(n);
  const defs = new Set<object>(inc.rerun.calledDefs);
  if (!phaseKept) for (const node of it.defsSeen.keys()) if (!it.defsCalled.has(node)) defs.add(node);
  const holding = topsHolding(body, defs);
  return (i) => {
    if (holding.has(i)) return undefined;
    const old = i < inc.k ? i : inc.rerun.ran[i - inc.k] === false ? inc.reused[i] : -1;
    if (old < 0 || !prev.sites[old]) return undefined;
    // it looked at other top-level statements by position, and those are not the same any more
    if (inc.restructured && prev.positional[old]) return undefined;
    const e = epochs[i];
    if (!e) return undefined;
    // the recognisers read statements by name, whatever the statement assigned first
    for (const n of e.reads) if (names.has(n)) return undefined;
    for (const n of e.defWrites) if (names.has(n)) return undefined;
    const { shift } = inc;
    const positional = prev.positional[old];
    if (!shift) return { sites: prev.sites[old], lints: prev.lints[old], positional };
    // a statement the edit fell inside moved only partly: its CodeLens lines are found again
    if (shift.isAcross(body[i])) return undefined;
    const moved = shift.isMoved(body[i].loc);
    return { sites: prev.sites[old].map((s) => shift.site(s, moved)), lints: prev.lints[old].map((d) => shift.diagnostic(d)), positional };
  };
}

/** Indices of the top-level statements that contain one of `defs` (a def, nested at any depth). */
function topsHolding(body: readonly Stmt[], defs: ReadonlySet<object>): Set<number> {
  const out = new Set<number>();
  if (!defs.size) return out;
  const has = (ss: readonly Stmt[]): boolean => ss.some((s) => defs.has(s) || nested(s).some((b) => has(b)));
  body.forEach((s, i) => {
    if (defs.has(s) || nested(s).some((b) => has(b))) out.add(i);
  });
  return out;
}

function nested(s: Stmt): Stmt[][] {
  switch (s.k) {
    case 'def':
    case 'class':
    case 'with':
      return [s.body];
    case 'if':
    case 'while':
    case 'for':
      return [s.body, s.orelse];
    case 'cfor':
      return [s.init, s.body];
    case 'try':
      return [s.body, ...s.handlers.map((h) => h.body), s.orelse, s.finalbody];
    default:
      return [];
  }
}

/**
 * Names a statement assigns as written (the recognisers follow names to their last assignment),
 * or changes through a method (`heads.append(h)`: the heads a concatenation collects).
 */
function assignedNames(s: Stmt): string[] {
  // module-level code nested in loops, branches, with and try blocks (a def's names are its own)
  if (s.k !== 'def' && s.k !== 'class') {
    const inner = nested(s);
    if (inner.length) return inner.flatMap((b) => b.flatMap(assignedNames));
  }
  if (s.k === 'assign') return s.targets.map((t) => exprName(t.k === 'index' ? t.obj : t)).filter((n): n is string => !!n);
  if (s.k === 'augassign') {
    const n = exprName(s.target.k === 'index' ? s.target.obj : s.target);
    return n ? [n] : [];
  }
  if (s.k === 'expr' && s.expr.k === 'call' && s.expr.fn.k === 'attr') {
    const n = exprName(s.expr.fn.obj);
    return n ? [n] : [];
  }
  return [];
}

/**
 * "shape unknown because …" hints: once per distinct reason, on the first binding it explains
 * (a whole uncalled function would otherwise repeat the same hint on every line).
 */
function unknownShapeHints(bindings: readonly Binding[], diagnostics: readonly Diagnostic[]): Diagnostic[] {
  // a line already explained (an error, "not modelled yet") needs no second hint
  const explained = new Set(diagnostics.filter((d) => d.severity === 'error' || d.code === 'not-modelled').map((d) => d.loc.line));
  // a reason already explained on its own line ("this line raises an error") must not reappear on a
  // later line whose value merely inherits it: there it would point at the wrong line
  const seen = new Set<string>(bindings.filter((b) => b.why && explained.has(b.loc.line)).map((b) => b.why!.en));
  const out: Diagnostic[] = [];
  for (const b of bindings) {
    if (b.shape || !b.why || seen.has(b.why.en) || explained.has(b.loc.line)) continue;
    seen.add(b.why.en);
    out.push({
      loc: b.loc,
      severity: 'info',
      code: 'shape-unknown',
      message: { en: `shape of ${b.name} unknown because ${b.why.en}`, fr: `forme de ${b.name} inconnue\u00a0: ${b.why.fr}` },
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
    const parsed: PythonParse = prev.language === 'python'
      ? reparsePython(newSource, inner.tree, edit, { tops: inner.tops, program: prev.program })
      : parseTypeScript(newSource, inner.tree);
    const { program, tree } = parsed;
    const oldBody = prev.program.body;
    let reused = parsed.reused;
    let k: number;
    if (reused) {
      k = 0;
      while (k < reused.length && reused[k] === k) k++;
    } else {
      // a fresh lowering (new ids): keep the statements before the edit whose IR is identical
      const editLine = edit.startPosition.row + 1;
      k = 0;
      while (k < oldBody.length && k < program.body.length && endLine(oldBody[k]) < editLine && sameHead(oldBody[k], program.body[k])) k++;
      // the text before the edit is unchanged, so is its parse; with dense ids, those of the last
      // reused statement (deep check) prove the numbering before it matches too; after statement
      // reuse the old ids have gaps, and every kept statement must match
      // (a broken file's recovery blanks lines anywhere: then every kept statement is checked too)
      const broken = prev.program.syntaxErrors.length > 0 || program.syntaxErrors.length > 0;
      if (broken || (inner.tops && prev.program.exprCount !== inner.tops.denseCount)) {
        for (let i = 0; i < k; i++) if (!sameTree(oldBody[i], program.body[i])) k = i;
      } else while (k > 0 && !sameTree(oldBody[k - 1], program.body[k - 1])) k--;
      reused = program.body.map((_, i) => (i < k ? i : -1));
      // the kept statements are the old objects (equal to the new ones, ids included): what the
      // interpreter recorded refers to them, and a later edit moves their locations in place
      for (let i = 0; i < k; i++) {
        program.body[i] = oldBody[i];
        if (parsed.tops) parsed.tops.list[i].stmt = oldBody[i];
      }
    }
    if (k === 0 && !parsed.reused) return trace(newSource, prev.language, inner.options);
    const it = inner.it;
    inner.consumed = true;
    const old = rewindFrom(it, inner.epochs, inner.phase, k, inner.finalRandom);
    const { shift } = parsed;
    if (shift) {
      // what the kept statements reported, in the new text's coordinates (their IR moved already)
      it.diagnostics.forEach((d, i) => (it.diagnostics[i] = shift.diagnostic(d)));
      for (const ds of [...old.diags, old.phase.diags]) if (ds) ds.forEach((d, i) => (ds[i] = shift.diagnostic(d)));
    }
    const fresh = new Interp(program, newSource, prev.language, it.options);
    adopt(fresh, it, t0);
    const rerun = rerunFrom(fresh, program.body, reused, old);
    const kept = new Set(reused);
    const removedTargets = new Set<string>();
    for (let o = k; o < oldBody.length; o++) if (!kept.has(o)) for (const n of assignedNames(oldBody[o])) removedTargets.add(n);
    return finish(fresh, tree, rerun.epochs, newSource, inner.options, t0, parsed.tops, { reused, rerun, k, prevPerTop: inner.perTop, removedTargets, shift, phase: old.phase, restructured: reused.includes(-1) || kept.size < oldBody.length });
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
