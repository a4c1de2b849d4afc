// Running a program: top-level statements one by one, each under its own "epoch" undo log (so an
// incremental re-trace can rewind to any statement), then the functions nobody called, traced
// once with unknown parameters. When the time budget runs out, what is left is widened.

import type { Expr, Stmt } from '../ir';
import type { L10nText, Value } from '../values';
import { callFunction } from './calls';
import { BudgetExceeded, newRegistryLog, type Interp, type RegistryLog } from './context';
import { cloneState, UndoLog } from './heap';
import { classImpl, funcImpl } from './model';
import { execStmt } from './stmt';
import { targetName } from './assign';

export interface Epoch {
  log: UndoLog;
  exprIds: number[];
  diagCount: number;
  /** numpy's global random state before this statement (shared with the previous epoch when unchanged) */
  random: Map<string, unknown>;
  defsSeen: number;
  defsCalled: number;
  symCounter: number;
  /** module-level names the statement looked up (found or not) before assigning them itself */
  reads: Set<string>;
  /** module-level names it assigned for certain (outside undecided branches) before any read */
  defWrites: Set<string>;
  /** the statement drew from (or seeded) numpy's global generator */
  usesRandom: boolean;
  /** fresh symbols the statement allocated */
  symDelta: number;
  regs: RegistryLog;
}

const WHY_BUDGET: L10nText = {
  en: 'the time budget of the trace ran out before this line',
  fr: 'le temps alloué au traçage a été épuisé avant cette ligne',
};

/**
 * Objects that are (or were) per-trace state such as numpy's global RandomState. Statements that
 * draw from it are ordered through its snapshots (Epoch.random), not through the undo log's
 * object identities: a rewind installs copies of the snapshots.
 */
const traceState = new WeakSet<object>();

export function isTraceState(o: object): boolean {
  return traceState.has(o);
}

export function snapshotRandom(it: Interp): Map<string, unknown> {
  for (const v of it.perTrace.values()) if (typeof v === 'object' && v !== null) traceState.add(v);
  return new Map([...it.perTrace].map(([k, v]) => [k, cloneState(v)]));
}

/** Make `random` (a snapshot) the live generator state; the snapshot itself stays untouched. */
export function restoreRandom(it: Interp, random: Map<string, unknown>): void {
  for (const v of it.perTrace.values()) if (typeof v === 'object' && v !== null) traceState.add(v);
  it.perTrace.clear();
  for (const [k, v] of random) {
    const live = cloneState(v);
    if (typeof live === 'object' && live !== null) traceState.add(live);
    it.perTrace.set(k, live);
  }
}

/** A fresh epoch for the statement about to run, installed as the interpreter's current one. */
export function openEpoch(it: Interp, random: Map<string, unknown>): Epoch {
  const rec: Epoch = {
    log: new UndoLog(), exprIds: [], diagCount: it.diagnostics.length, random,
    defsSeen: it.defsSeen.size, defsCalled: it.defsCalled.size, symCounter: it.symCounter,
    reads: new Set(), defWrites: new Set(), usesRandom: false, symDelta: 0, regs: newRegistryLog(),
  };
  it.heap.epoch = rec.log;
  it.heap.reads = rec.reads;
  it.heap.written = rec.defWrites;
  it.exprLog = rec.exprIds;
  it.regLog = rec.regs;
  it.randomDirty = false;
  return rec;
}

export function closeEpoch(it: Interp, rec?: Epoch): void {
  if (rec) {
    rec.usesRandom = it.randomDirty;
    rec.symDelta = it.symCounter - rec.symCounter;
  }
  it.heap.epoch = undefined;
  it.heap.reads = undefined;
  it.heap.written = undefined;
  it.exprLog = undefined;
  it.regLog = undefined;
}

/**
 * Run top-level statement `i` under a new epoch (recorded in `epochs[i]`). False when the time
 * budget ran out: the rest of the body has then been widened to unknown.
 */
export function runStatement(it: Interp, body: readonly Stmt[], i: number, epochs: Epoch[], random: Map<string, unknown>): boolean {
  const rec = openEpoch(it, random);
  epochs[i] = rec;
  try {
    execStmt(it, body[i], it.globals);
  } catch (err) {
    if (!(err instanceof BudgetExceeded)) throw err;
    closeEpoch(it, rec);
    resetStacks(it);
    widenRest(it, body, i);
    return false;
  }
  closeEpoch(it, rec);
  return true;
}

/** Interpret `body[start..]` at module level; `epochs[i]` records how to rewind to before statement i. */
export function runFrom(it: Interp, body: readonly Stmt[], start: number, epochs: Epoch[]): void {
  // the generator state now (at 0: empty; after a rewind: the state before `start`)
  let random = snapshotRandom(it);
  for (let i = start; i < body.length; i++) {
    if (!runStatement(it, body, i, epochs, random)) break;
    if (epochs[i].usesRandom) random = snapshotRandom(it);
  }
  closeEpoch(it);
}

function resetStacks(it: Interp): void {
  it.handlers.length = 0;
  it.frames.length = 0;
  it.callStack.length = 0;
  it.heap.logs.length = 0;
  it.handling.length = 0;
  it.uncertain = 0;
  it.speculative = 0;
}

/** After the budget ran out: every target from statement `from` on is recorded as unknown. */
export function widenRest(it: Interp, body: readonly Stmt[], from: number): void {
  it.budgetExceeded = true;
  const s0 = body[from];
  if (s0) {
    it.report({
      loc: { line: s0.loc.line, col: s0.loc.col, endLine: s0.loc.line, endCol: s0.loc.col + 1 },
      severity: 'info',
      code: 'budget-exceeded',
      message: {
        en: `tracing stopped here: the time budget (${it.options.budgetMs} ms) ran out; shapes from this line on are unknown`,
        fr: `traçage arrêté ici : le temps alloué (${it.options.budgetMs} ms) est épuisé ; les formes à partir de cette ligne sont inconnues`,
      },
    });
  }
  const unknown: Value = { kind: 'unknown', why: WHY_BUDGET };
  const visitT = (t: Expr): void => {
    if (t.k === 'tuple' || t.k === 'list') t.items.forEach(visitT);
    else if (t.k === 'starred') visitT(t.value);
    else {
      const name = targetName(it, t);
      if (name) it.recorder.record(t.loc, name, unknown, WHY_BUDGET);
    }
  };
  const visit = (ss: readonly Stmt[]): void => {
    for (const s of ss) {
      switch (s.k) {
        case 'assign':
          s.targets.forEach(visitT);
          break;
        case 'augassign':
          visitT(s.target);
          break;
        case 'for':
          visitT(s.target);
          visit(s.body);
          visit(s.orelse);
          break;
        case 'if':
        case 'while':
          visit(s.body);
          visit(s.orelse);
          break;
        case 'cfor':
          visit(s.init);
          visit(s.body);
          break;
        case 'def':
        case 'class':
        case 'with':
          visit(s.body);
          break;
        case 'try':
          visit(s.body);
          s.handlers.forEach((h) => visit(h.body));
          visit(s.orelse);
          visit(s.finalbody);
          break;
      }
    }
  };
  visit(body.slice(from));
}

function speculativeArg(it: Interp, name: string, dflt: Value | undefined): Value {
  if (dflt) {
    switch (dflt.kind) {
      case 'int':
        return /^[A-Za-z_]\w*$/.test(name) ? { kind: 'int', sym: name } : { kind: 'int' };
      case 'float':
        return { kind: 'float' };
      case 'array': {
        const { data: _d, ...rest } = dflt;
        return rest;
      }
      default:
        return dflt;
    }
  }
  return {
    kind: 'array',
    shape: null,
    dtype: null,
    why: { en: `${name} is a parameter of a function the file never calls`, fr: `${name} est un paramètre d'une fonction que le fichier n'appelle jamais` },
  };
}

/** Trace once every function (and method) the program defined but never called; false when the budget ran out. */
export function traceUncalled(it: Interp): boolean {
  const done = new Set<object>();
  for (let progress = true; progress; ) {
    progress = false;
    for (const [node, { fn }] of [...it.defsSeen]) {
      if (it.defsCalled.has(node) || done.has(node) || fn.kind !== 'function') continue;
      done.add(node);
      progress = true;
      const impl = funcImpl(fn);
      if (impl.t !== 'user') continue;
      const params = impl.def.params.filter((p) => p.kind === 'normal');
      const args = params.map((p) => speculativeArg(it, p.name, impl.defaults.get(p.name)));
      if (impl.owner && impl.deco !== 'staticmethod' && args.length) {
        const cls = impl.owner;
        args[0] = impl.deco === 'classmethod' ? cls : it.lastInstance.get(cls.impl as object) ?? { kind: 'instance', cls, attrs: new Map() };
        void classImpl;
      }
      const log = new UndoLog();
      it.heap.logs.push(log);
      it.speculative++;
      try {
        callFunction(it, fn, args, new Map(), { loc: impl.def.loc, uncertainArgs: true });
      } catch (err) {
        if (err instanceof BudgetExceeded) {
          resetStacks(it);
          log.undo();
          return false;
        }
        // anything else from a speculative run is not the user's error
      } finally {
        it.speculative = Math.max(0, it.speculative - 1);
        if (it.heap.logs[it.heap.logs.length - 1] === log) it.heap.logs.pop();
      }
      log.undo();
    }
  }
  return true;
}
