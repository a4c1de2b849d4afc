// The undo log behind branch forking and incremental re-tracing. Every mutation of interpreter
// state (a variable, a dict entry, a list's items, an array's data, an instance attribute) goes
// through here, so a fork can run one branch, undo it, run the other, then merge the two.

import type { Value } from '../values';

export const ABSENT: unique symbol = Symbol('absent');
type Slot = Value | typeof ABSENT;

/** An object whose fields the log can save and restore (list, dict, set, array, rng, recorder entry). */
export type Snapshottable = object;

export interface KeyEntry {
  t: 'key';
  map: Map<string, Value>;
  key: string;
  prev: Slot;
}
export interface ObjEntry {
  t: 'obj';
  obj: Snapshottable;
  saved: Record<string, unknown>;
}
export type Entry = KeyEntry | ObjEntry;

export class UndoLog {
  readonly entries: Entry[] = [];
  private readonly seenObj = new Set<object>();
  private readonly seenKey = new Map<Map<string, Value>, Set<string>>();

  logKey(map: Map<string, Value>, key: string): void {
    let keys = this.seenKey.get(map);
    if (!keys) this.seenKey.set(map, (keys = new Set()));
    if (keys.has(key)) return;
    keys.add(key);
    this.entries.push({ t: 'key', map, key, prev: map.has(key) ? map.get(key)! : ABSENT });
  }
  logObj(obj: Snapshottable): void {
    if (this.seenObj.has(obj)) return;
    this.seenObj.add(obj);
    this.entries.push({ t: 'obj', obj, saved: snapshotObj(obj) });
  }
  /**
   * An object created under this log and reachable only through a key this log also saved: undoing
   * the key unlinks it, so its fields need no snapshot (and keep their last state for a redo). It
   * still counts among objects(), so what depends on it is found.
   */
  noteNew(obj: Snapshottable): void {
    this.seenObj.add(obj);
  }
  /** Put everything back as it was when the log started (newest first). */
  undo(): void {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i];
      if (e.t === 'key') {
        if (e.prev === ABSENT) e.map.delete(e.key);
        else e.map.set(e.key, e.prev);
      } else restoreObj(e.obj, e.saved);
    }
  }
  /**
   * Undo, first noting what each entry held (the state at the end of the log, when every later
   * log is already undone): `redo(after)` can then put this log's effects back without running
   * its statement again (an incremental re-trace keeps the statements an edit cannot reach).
   */
  undoCapturing(): unknown[] {
    const after: unknown[] = new Array(this.entries.length);
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i];
      if (e.t === 'key') {
        after[i] = e.map.has(e.key) ? e.map.get(e.key) : ABSENT;
        if (e.prev === ABSENT) e.map.delete(e.key);
        else e.map.set(e.key, e.prev);
      } else {
        after[i] = snapshotObj(e.obj);
        restoreObj(e.obj, e.saved);
      }
    }
    return after;
  }
  /**
   * Take the values the saved keys hold now as the ones to undo to: a statement put back after a
   * different predecessor (one that assigns a name it then assigns again) must undo to that one.
   */
  rebase(): void {
    for (const e of this.entries) if (e.t === 'key') e.prev = e.map.has(e.key) ? e.map.get(e.key)! : ABSENT;
  }
  redo(after: readonly unknown[]): void {
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i];
      if (e.t === 'key') {
        const v = after[i] as Slot;
        if (v === ABSENT) e.map.delete(e.key);
        else e.map.set(e.key, v);
      } else restoreObj(e.obj, after[i] as Record<string, unknown>);
    }
  }
  /** The objects whose fields this log saved, and the maps whose keys it saved. */
  objects(): ReadonlySet<object> {
    return this.seenObj;
  }
  keyMaps(): ReadonlyMap<Map<string, Value>, ReadonlySet<string>> {
    return this.seenKey;
  }
}

/** Shallow copy of the mutable fields of an object; typed-array data is never written in place. */
export function snapshotObj(obj: Snapshottable): Record<string, unknown> {
  const o = obj as Record<string, unknown> & { kind?: string; snapshot?: () => Record<string, unknown> };
  if (typeof o.snapshot === 'function') return o.snapshot();
  switch (o.kind) {
    case 'list':
    case 'tuple':
      return { items: (o.items as Value[] | null)?.slice() ?? null, elem: o.elem };
    case 'dict':
    case 'set':
      return { map: o.map ? new Map(o.map as Map<string, unknown>) : null };
    case 'rng':
      return { state: cloneState(o.state) };
    default: {
      const saved: Record<string, unknown> = {};
      for (const k of Object.keys(o)) saved[k] = o[k];
      return saved;
    }
  }
}

export function restoreObj(obj: Snapshottable, saved: Record<string, unknown>): void {
  const o = obj as Record<string, unknown> & { restore?: (s: Record<string, unknown>) => void };
  if (typeof o.restore === 'function') {
    o.restore(saved);
    return;
  }
  if (o.kind === 'dict' || o.kind === 'set') {
    o.map = saved.map ? new Map(saved.map as Map<string, unknown>) : null;
    return;
  }
  if (o.kind === 'rng') {
    o.state = cloneState(saved.state);
    return;
  }
  if (o.kind === 'list' || o.kind === 'tuple') {
    o.items = (saved.items as Value[] | null)?.slice() ?? null;
    if (saved.elem === undefined) delete o.elem;
    else o.elem = saved.elem;
    return;
  }
  for (const k of Object.keys(o)) if (!(k in saved)) delete o[k];
  for (const k of Object.keys(saved)) {
    if (saved[k] === undefined) delete o[k];
    else o[k] = saved[k];
  }
}

/** Random generator states are plain data owned by src/core/random; copy them structurally. */
export function cloneState(s: unknown): unknown {
  if (s === null || typeof s !== 'object') return s;
  if (ArrayBuffer.isView(s)) return (s as unknown as { slice(): unknown }).slice();
  if (Array.isArray(s)) return s.map(cloneState);
  if (s instanceof Map) return new Map([...s].map(([k, v]) => [k, cloneState(v)]));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) out[k] = cloneState(v);
  return Object.assign(Object.create(Object.getPrototypeOf(s) as object) as object, out);
}

/**
 * The stack of logs. Index 0, when present, is the epoch log of the current top-level
 * statement (for incremental re-tracing); the logs above it belong to open forks.
 */
export class Heap {
  readonly logs: UndoLog[] = [];
  epoch: UndoLog | undefined;
  /** module-level names read by the current top-level statement (what an edit elsewhere can reach) */
  reads: Set<string> | undefined;
  /**
   * module-level names the current top-level statement assigned outside any undecided branch: a
   * later read in the same statement sees its own value, not the one before it (no dependency)
   */
  written: Set<string> | undefined;

  private logKeyAll(map: Map<string, Value>, key: string): void {
    const n = this.logs.length;
    if (n) this.logs[n - 1].logKey(map, key);
    this.epoch?.logKey(map, key);
  }
  set(map: Map<string, Value>, key: string, v: Value): void {
    this.logKeyAll(map, key);
    map.set(key, v);
  }
  delete(map: Map<string, Value>, key: string): void {
    this.logKeyAll(map, key);
    map.delete(key);
  }
  /** Call before mutating a list / dict / set / array / rng in place. */
  touch(obj: Snapshottable): void {
    const n = this.logs.length;
    if (n) this.logs[n - 1].logObj(obj);
    this.epoch?.logObj(obj);
  }
  /** Log into the epoch only (recorder entries: kept across forks, undone by incremental runs). */
  touchEpoch(obj: Snapshottable): void {
    this.epoch?.logObj(obj);
  }
  /** A recorder entry created now, under a key the epoch saved (see UndoLog.noteNew). */
  newInEpoch(obj: Snapshottable): void {
    this.epoch?.noteNew(obj);
  }
}
