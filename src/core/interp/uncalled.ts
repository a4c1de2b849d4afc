// The last phase of a run, the functions nobody called traced once with unknown parameters, as an
// epoch of its own that an incremental re-trace puts back as it was (bindings, values, diagnostics)
// when nothing it read changed, instead of tracing every uncalled function again after each edit.

import type { Diagnostic } from '../diagnostics';
import type { Value } from '../values';
import { newRegistryLog, type FuncDef, type Interp } from './context';
import { ABSENT, UndoLog } from './heap';
import { reaches, sameState } from './incremental';
import { funcImpl } from './model';
import { traceUncalled, type Epoch } from './run';

/** What the phase started from, read and added: the conditions and the effects of putting it back. */
export interface UncalledPhase {
  spec: Epoch;
  /** the traced-first functions in order, each as [def node, function value, `self` for methods] */
  candidates: unknown[];
  /** module-level names it read, with the values they held */
  reads: Map<string, Value | undefined>;
  /** definitions the phase itself saw (nested functions) and called (speculative calls) */
  seen: [object, { fn: Value; def: FuncDef }][];
  called: object[];
  /** the phase ran to its end (the time budget did not stop it) */
  complete: boolean;
}

/** The previous run's phase, undone, with what is needed to put it back. */
export interface RewoundPhase {
  phase: UncalledPhase;
  after: unknown[];
  values: (Value | undefined)[];
  diags: Diagnostic[];
}

/** What the statements run again changed (see Dirty in incremental.ts). */
export interface Changed {
  /** objects and maps mutated in place, recorder entries included */
  objects: ReadonlySet<object>;
  /** the same without the recorder's bookkeeping */
  reachable: ReadonlySet<object>;
  /** an import or star import changed: names may resolve elsewhere */
  importsChanged: boolean;
}

function candidates(it: Interp): unknown[] {
  const out: unknown[] = [];
  for (const [node, { fn }] of it.defsSeen) {
    if (it.defsCalled.has(node) || fn.kind !== 'function') continue;
    const impl = funcImpl(fn);
    out.push(node, fn, impl.t === 'user' && impl.owner ? it.lastInstance.get(impl.owner.impl as object) : undefined);
  }
  return out;
}

/** Run the phase under its own epoch, noting what it reads. `random`: the generator state now. */
export function runUncalled(it: Interp, random: Map<string, unknown>): UncalledPhase {
  const spec: Epoch = {
    log: new UndoLog(), exprIds: [], diagCount: it.diagnostics.length, random,
    defsSeen: it.defsSeen.size, defsCalled: it.defsCalled.size, symCounter: it.symCounter,
    reads: new Set(), defWrites: new Set(), usesRandom: false, symDelta: 0, regs: newRegistryLog(),
  };
  const phase: UncalledPhase = { spec, candidates: candidates(it), reads: new Map(), seen: [], called: [], complete: false };
  it.heap.epoch = spec.log;
  it.heap.reads = spec.reads;
  it.exprLog = spec.exprIds;
  it.randomDirty = false;
  try {
    phase.complete = !it.budgetExceeded && traceUncalled(it);
  } finally {
    it.heap.epoch = undefined;
    it.heap.reads = undefined;
    it.exprLog = undefined;
  }
  spec.usesRandom = it.randomDirty;
  spec.symDelta = it.symCounter - spec.symCounter;
  for (const name of spec.reads) phase.reads.set(name, it.globals.vars.get(name));
  phase.seen = [...it.defsSeen].slice(spec.defsSeen);
  phase.called = [...it.defsCalled].slice(spec.defsCalled);
  return phase;
}

/**
 * Put the previous phase back when it would trace exactly the same: the same functions (same
 * definitions and closures, same `self`), every module name it read holding the same value, nothing
 * it read or wrote mutated by a statement run again, the same fresh-symbol counter and generator state.
 */
export function keepUncalled(it: Interp, prev: RewoundPhase, changed: Changed, random: Map<string, unknown>): UncalledPhase | undefined {
  const { phase } = prev;
  const { spec } = phase;
  if (!phase.complete || it.budgetExceeded || changed.importsChanged || it.symCounter !== spec.symCounter) return undefined;
  // draws from numpy's global generator repeat only from the same state
  if (spec.usesRandom && !sameState(random, spec.random)) return undefined;
  const now = candidates(it);
  if (now.length !== phase.candidates.length || now.some((x, i) => x !== phase.candidates[i])) return undefined;
  const seen = new Set<object>();
  for (const [name, v] of phase.reads) if (it.globals.vars.get(name) !== v || reaches(v, changed.reachable, seen)) return undefined;
  for (let i = 2; i < now.length; i += 3) if (reaches(now[i], changed.reachable, seen)) return undefined;
  for (const o of spec.log.objects()) if (changed.objects.has(o)) return undefined;
  for (const map of spec.log.keyMaps().keys()) if (changed.objects.has(map)) return undefined;
  // a `global` write in an uncalled function was undone when its speculative call ended: the name
  // must hold now what it held then
  const entries = spec.log.entries;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e.t === 'key' && e.map === it.globals.vars && (e.map.has(e.key) ? e.map.get(e.key) : ABSENT) !== prev.after[i]) return undefined;
  }
  spec.log.redo(prev.after);
  spec.random = random;
  spec.exprIds.forEach((id, j) => {
    if (it.exprValues[id] === undefined) it.exprValues[id] = prev.values[j];
  });
  spec.diagCount = it.diagnostics.length;
  for (const d of prev.diags) it.report(d);
  it.symCounter += spec.symDelta;
  for (const [node, entry] of phase.seen) if (!it.defsSeen.has(node)) it.defsSeen.set(node, entry);
  for (const node of phase.called) it.defsCalled.add(node);
  return phase;
}
