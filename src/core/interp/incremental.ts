// Re-interpreting only what an edit can change. Every top-level statement ran under its own undo
// log (an epoch) noting the module names it read, the names it wrote, the objects it mutated, the
// functions it called and whether it used numpy's global generator. After an edit, the epochs from
// the first changed statement on are undone (noting what each left behind), then each statement
// either runs again (it changed, or depends on something that did) or has its effects put back
// as they were, with its bindings, values and diagnostics — the same result a full run gives.

import type { Diagnostic } from '../diagnostics';
import type { Stmt } from '../ir';
import type { Value } from '../values';
import { Interp } from './context';
import { Heap } from './heap';
import { closeEpoch, isTraceState, restoreRandom, runStatement, snapshotRandom, type Epoch } from './run';
import { Scope } from './scope';
import type { RewoundPhase, UncalledPhase } from './uncalled';

/** The previous run from statement k on, undone, with what is needed to put any statement back. */
export interface Rewound {
  k: number;
  epochs: Epoch[];
  /** per old epoch ≥ k: the values its log saw at its end (UndoLog.redo) */
  after: unknown[][];
  diags: Diagnostic[][];
  /** per old epoch ≥ k: the first values it recorded (cleared now: a statement run again earlier may record them first) */
  values: (Value | undefined)[][];
  /** per old epoch ≥ k: numpy's generator state after it */
  randomAfter: Map<string, unknown>[];
  /** the uncalled-function phase, undone */
  phase: RewoundPhase;
}

/**
 * Undo the uncalled-function phase and every epoch from `k` on, newest first.
 * `finalRandom`: the generator state after the last epoch (before the uncalled functions ran).
 */
export function rewindFrom(it: Interp, epochs: Epoch[], uncalled: UncalledPhase, k: number, finalRandom: Map<string, unknown>): Rewound {
  const spec = uncalled.spec;
  const phase: RewoundPhase = {
    phase: uncalled,
    after: spec.log.undoCapturing(),
    values: spec.exprIds.map((id) => it.exprValues[id]),
    diags: it.diagnostics.slice(spec.diagCount),
  };
  for (const id of spec.exprIds) it.exprValues[id] = undefined;
  const n = epochs.length;
  const after: unknown[][] = [];
  const diags: Diagnostic[][] = [];
  const randomAfter: Map<string, unknown>[] = [];
  const values: (Value | undefined)[][] = [];
  for (let i = n - 1; i >= k; i--) {
    after[i] = epochs[i].log.undoCapturing();
    values[i] = epochs[i].exprIds.map((id) => it.exprValues[id]);
    for (const id of epochs[i].exprIds) it.exprValues[id] = undefined;
  }
  for (let i = k; i < n; i++) {
    diags[i] = it.diagnostics.slice(epochs[i].diagCount, i + 1 < n ? epochs[i + 1].diagCount : spec.diagCount);
    randomAfter[i] = i + 1 < n ? epochs[i + 1].random : finalRandom;
  }
  it.diagnostics.length = k < n ? epochs[k].diagCount : spec.diagCount;
  if (k < n) {
    restoreRandom(it, epochs[k].random);
    it.symCounter = epochs[k].symCounter;
  } else {
    restoreRandom(it, finalRandom);
    it.symCounter = spec.symCounter;
  }
  return { k, epochs, after, diags, randomAfter, values, phase };
}

/** What the statements run again (and those removed) changed, as later statements would see it. */
class Dirty {
  all = false;
  readonly names = new Set<string>();
  /** objects and maps mutated in place (recorder entries included: their merge order matters) */
  readonly objects = new Set<object>();
  /** the same without the recorder's bookkeeping: what a program value can reach */
  readonly reachable = new Set<object>();
  readonly defs = new Set<object>();
  random = false;
  /** names written, whatever the value: the formula recognisers read statements by name */
  readonly written = new Set<string>();

  constructor(private readonly it: Interp, private readonly internal: Set<object>) {}

  addEffects(e: Epoch, rerun: boolean): void {
    for (const [map, keys] of e.log.keyMaps()) {
      if (map === this.it.globals.vars) {
        for (const name of keys) {
          this.written.add(name);
          if (rerun) this.names.add(name);
        }
      } else if (!this.internal.has(map)) this.touch(map);
    }
    for (const o of e.log.objects()) this.touch(o);
    for (const d of e.regs.called) this.defs.add(d);
    if (e.usesRandom) this.random = true;
    if (e.regs.stars.length) this.all = true;
  }

  private touch(o: object): void {
    // numpy's global generator: ordered by the state comparison instead (see isTraceState)
    if (isTraceState(o)) return;
    this.objects.add(o);
    if ((o as { kind?: string }).kind !== 'binding-entry') this.reachable.add(o);
  }

  /** Whether old epoch `e` must run again rather than be put back as it was. */
  mustRun(e: Epoch): boolean {
    if (this.all) return true;
    if (e.symDelta > 0 && this.it.symCounter !== e.symCounter) return true;
    if (e.usesRandom && this.random) {
      if (!sameState(this.it.perTrace, e.random)) return true;
      this.random = false;
    }
    for (const name of e.reads) if (this.names.has(name)) return true;
    const globals = this.it.globals.vars;
    for (const [map, keys] of e.log.keyMaps()) {
      if (map === globals) {
        // a name assigned for certain before any read is left as the old run left it: no dependency
        for (const name of keys) if (this.names.has(name) && !e.defWrites.has(name)) return true;
      } else if (this.objects.has(map)) return true;
    }
    for (const o of e.log.objects()) if (this.objects.has(o)) return true;
    for (const d of e.regs.called) if (this.defs.has(d)) return true;
    if (this.reachable.size) {
      const seen = new Set<object>();
      for (const name of e.reads) if (reaches(globals.get(name), this.reachable, seen)) return true;
    }
    return false;
  }
}

/** Result of a dependency-directed run: which new statements ran, for the formula caches. */
export interface Rerun {
  epochs: Epoch[];
  /** per statement from k: true when it ran (or was new), false when put back */
  ran: boolean[];
  /** names written by anything that ran or was removed (whatever the value) */
  written: Set<string>;
  /** functions the re-run or removed statements called */
  calledDefs: Set<object>;
  /** imports or star imports changed: every formula site must be recomputed */
  importsChanged: boolean;
  /** objects and maps the statements run again (or removed) mutated, recorder entries included */
  objects: ReadonlySet<object>;
  /** the same without the recorder's bookkeeping: what a program value can reach */
  reachable: ReadonlySet<object>;
}

const IMMUTABLE = new Set(['int', 'float', 'bool', 'str', 'none', 'ellipsis', 'range', 'module']);

/**
 * Statements `k..` of the new `body`; `reused[i]` is the old index statement i is a verbatim
 * copy of (same IR, same ids), or -1. `fresh` holds the rewound state adopted from the old run.
 */
export function rerunFrom(fresh: Interp, body: readonly Stmt[], reused: readonly number[], old: Rewound): Rerun {
  const { k } = old;
  const epochs = old.epochs.slice(0, k);
  const internal = new Set<object>(fresh.recorder.internalMaps());
  const dirty = new Dirty(fresh, internal);
  let importsChanged = false;
  // old statements with no counterpart any more: their effects are gone
  const kept = new Set(reused.filter((o) => o >= k));
  for (let o = k; o < old.epochs.length; o++) {
    if (kept.has(o)) continue;
    dirty.addEffects(old.epochs[o], true);
  }
  const ran: boolean[] = [];
  let random = snapshotRandom(fresh);
  let pendingRandom: Map<string, unknown> | undefined;
  for (let i = k; i < body.length; i++) {
    const o = reused[i] ?? -1;
    const prev = o >= k ? old.epochs[o] : undefined;
    // (a pending state is the exact old one: the generator is clean, mustRun compares nothing)
    if (prev && !dirty.mustRun(prev)) {
      // put the statement's effects back exactly as they were (names it assigns for certain may
      // have held other values before it: the next rewind must restore those)
      prev.log.rebase();
      prev.log.redo(old.after[o]);
      const vals = old.values[o];
      prev.exprIds.forEach((id, j) => {
        if (fresh.exprValues[id] === undefined) fresh.exprValues[id] = vals[j];
      });
      // the names it assigned for certain hold the old run's values again
      for (const name of prev.defWrites) dirty.names.delete(name);
      const diagCount = fresh.diagnostics.length;
      for (const d of old.diags[o]) fresh.report(d);
      const symCounter = fresh.symCounter;
      fresh.symCounter += prev.symDelta;
      epochs[i] = { ...prev, diagCount, random, symCounter };
      // the generator state after it: installed only when something next reads the live state
      if (prev.usesRandom) random = pendingRandom = old.randomAfter[o];
      ran.push(false);
      continue;
    }
    if (pendingRandom) {
      restoreRandom(fresh, pendingRandom);
      pendingRandom = undefined;
    }
    if (prev) dirty.addEffects(prev, true);
    if (isImport(body[i])) importsChanged = true;
    const oldAfter = new Map<string, Value | undefined>();
    if (prev) for (const name of globalWrites(fresh, prev)) oldAfter.set(name, afterValue(fresh, prev, old.after[o], name));
    const ok = runStatement(fresh, body, i, epochs, random);
    ran.push(true);
    // the budget ran out: the rest was widened, as a full run would
    if (!ok) break;
    const rec = epochs[i];
    dirty.addEffects(rec, true);
    if (rec.usesRandom) {
      random = snapshotRandom(fresh);
      dirty.random = true;
    }
    // a name given back an equal immutable value (x = 2 edited to x = 1 + 1) is not a change
    for (const [name, was] of oldAfter) {
      const now = fresh.globals.vars.get(name);
      if (was !== undefined && now !== undefined && (was === now || (IMMUTABLE.has(was.kind) && sameState(was, now)))) dirty.names.delete(name);
    }
  }
  if (pendingRandom) restoreRandom(fresh, pendingRandom);
  closeEpoch(fresh);
  rebuildRegistries(fresh, epochs);
  for (const o of kept) if (old.epochs[o].regs.stars.length) importsChanged = true;
  return { epochs, ran, written: dirty.written, calledDefs: dirty.defs, importsChanged: importsChanged || dirty.all, objects: dirty.objects, reachable: dirty.reachable };
}

function isImport(s: Stmt | undefined): boolean {
  return s?.k === 'import' || s?.k === 'importfrom';
}

function globalWrites(it: Interp, e: Epoch): Iterable<string> {
  return e.log.keyMaps().get(it.globals.vars) ?? [];
}

/** The value `name` had at the end of old epoch `e` (from the values its undo captured). */
function afterValue(it: Interp, e: Epoch, after: unknown[], name: string): Value | undefined {
  const entries = e.log.entries;
  for (let i = 0; i < entries.length; i++) {
    const x = entries[i];
    if (x.t === 'key' && x.map === it.globals.vars && x.key === name) {
      const v = after[i];
      return typeof v === 'object' && v !== null ? (v as Value) : undefined;
    }
  }
  return undefined;
}

/** Definitions seen and called, last instances and star imports, from every epoch in order. */
function rebuildRegistries(it: Interp, epochs: readonly Epoch[]): void {
  it.defsSeen.clear();
  it.defsCalled.clear();
  it.lastInstance.clear();
  it.starModules.clear();
  for (const e of epochs) {
    if (!e) continue;
    for (const [node, entry] of e.regs.seen) if (!it.defsSeen.has(node)) it.defsSeen.set(node, entry);
    for (const node of e.regs.called) it.defsCalled.add(node);
    for (const [cls, inst] of e.regs.instances) it.lastInstance.set(cls, inst);
    for (const m of e.regs.stars) it.starModules.add(m);
  }
}

/** Structural equality of plain data (generator states, immutable values). */
export function sameState(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || depth > 16) return typeof a === 'number' && Object.is(a, b);
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || a.constructor !== b.constructor) return false;
    const x = a as unknown as ArrayLike<number>;
    const y = b as unknown as ArrayLike<number>;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return false;
    return true;
  }
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map) || !(b instanceof Map) || a.size !== b.size) return false;
    for (const [key, v] of a) if (!b.has(key) || !sameState(v, b.get(key), depth + 1)) return false;
    return true;
  }
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const key of ka) if (!sameState((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], depth + 1)) return false;
  return true;
}

/** Whether a program value can reach one of `targets` (through items, attributes, closures…). */
export function reaches(v: unknown, targets: ReadonlySet<object>, seen: Set<object>): boolean {
  if (typeof v !== 'object' || v === null) return false;
  if (targets.has(v)) return true;
  if (seen.has(v) || ArrayBuffer.isView(v) || v instanceof Heap) return false;
  seen.add(v);
  if (v instanceof Scope) return v.kind !== 'module' && (reaches(v.vars, targets, seen) || reaches(v.parent, targets, seen));
  if (v instanceof Map) {
    for (const [key, x] of v) if (reaches(key, targets, seen) || reaches(x, targets, seen)) return true;
    return false;
  }
  if (v instanceof Set || Array.isArray(v)) {
    for (const x of v) if (reaches(x, targets, seen)) return true;
    return false;
  }
  for (const [key, x] of Object.entries(v)) {
    // a function's definition is program text, not state
    if (key !== 'def' && reaches(x, targets, seen)) return true;
  }
  return false;
}
