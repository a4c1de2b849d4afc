// Running alternatives the tracer cannot decide between (both arms of an `if` on an unknown
// condition, a loop body that may run or not): each arm runs on the real state under an undo
// log, is captured and undone; then every location any arm touched gets the join of the arms.

import type { Value } from '../values';
import { BudgetExceeded, type Interp } from './context';
import { ABSENT, restoreObj, snapshotObj, UndoLog, type Snapshottable } from './heap';
import { mergeShape, mergeValue } from './merge';
import { joinRngSnapshots } from './randomJoin';

export type Completion = 'normal' | 'break' | 'continue' | 'return' | 'raise';

type Slot = Value | typeof ABSENT;
interface Version {
  keys: Map<Map<string, Value>, Map<string, Slot>>;
  objs: Map<Snapshottable, Record<string, unknown>>;
}

function capture(log: UndoLog): Version {
  const v: Version = { keys: new Map(), objs: new Map() };
  for (const e of log.entries) {
    if (e.t === 'key') {
      let m = v.keys.get(e.map);
      if (!m) v.keys.set(e.map, (m = new Map()));
      m.set(e.key, e.map.has(e.key) ? e.map.get(e.key)! : ABSENT);
    } else v.objs.set(e.obj, snapshotObj(e.obj));
  }
  return v;
}

/**
 * Run each arm from the same state and leave the state at the join of the arms that fall
 * through (an arm that returns, breaks or raises does not reach the code after the fork).
 */
export function fork(it: Interp, arms: (() => Completion)[]): Completion[] {
  const results: Completion[] = [];
  const versions: Version[] = [];
  const preKeys = new Map<Map<string, Value>, Map<string, Slot>>();
  const preObjs = new Map<Snapshottable, Record<string, unknown>>();
  it.uncertain++;
  try {
    for (const arm of arms) {
      const log = new UndoLog();
      it.heap.logs.push(log);
      let c: Completion;
      try {
        c = arm();
      } catch (err) {
        if (err instanceof BudgetExceeded) throw err;
        // an exception that an outer `try` catches: this arm ends here
        c = 'raise';
      } finally {
        it.heap.logs.pop();
      }
      versions.push(capture(log));
      for (const e of log.entries) {
        if (e.t === 'key') {
          let m = preKeys.get(e.map);
          if (!m) preKeys.set(e.map, (m = new Map()));
          if (!m.has(e.key)) m.set(e.key, e.prev);
        } else if (!preObjs.has(e.obj)) preObjs.set(e.obj, e.saved);
      }
      log.undo();
      results.push(c);
    }
  } finally {
    it.uncertain--;
  }
  let live = results.map((c, i) => (c === 'normal' ? i : -1)).filter((i) => i >= 0);
  if (live.length === 0) live = results.map((_, i) => i);
  for (const [map, keys] of preKeys) {
    for (const [key, pre] of keys) {
      let acc: Slot | undefined;
      for (const i of live) {
        const v = versions[i].keys.get(map)?.has(key) ? versions[i].keys.get(map)!.get(key)! : pre;
        acc = acc === undefined ? v : joinSlot(acc, v, it.freshSym);
      }
      if (acc === undefined || acc === pre) continue;
      if (acc === ABSENT) it.heap.delete(map, key);
      else it.heap.set(map, key, acc);
    }
  }
  for (const [obj, pre] of preObjs) {
    const states = live.map((i) => versions[i].objs.get(obj) ?? pre);
    const merged = states.reduce((a, b) => joinFields(obj, a, b, it.freshSym));
    it.heap.touch(obj);
    restoreObj(obj, merged);
  }
  return results;
}

function joinSlot(a: Slot, b: Slot, fresh: () => string): Slot {
  if (a === ABSENT) return b;
  if (b === ABSENT) return a;
  return mergeValue(a, b, fresh);
}

function joinFields(obj: Snapshottable, a: Record<string, unknown>, b: Record<string, unknown>, fresh: () => string): Record<string, unknown> {
  if (a === b) return a;
  const kind = (obj as { kind?: string }).kind;
  if (kind === 'array') {
    const shape = mergeShape(a.shape as never, b.shape as never, fresh);
    const out: Record<string, unknown> = { ...a, shape, dtype: a.dtype === b.dtype ? a.dtype : null };
    if (a.data !== b.data || shape !== a.shape) out.data = undefined;
    return out;
  }
  if (kind === 'list' || kind === 'tuple') {
    const x = mergeValue({ kind, items: a.items, elem: a.elem } as Value, { kind, items: b.items, elem: b.elem } as Value, fresh) as { items: Value[] | null; elem?: Value };
    return { items: x.items, elem: x.elem };
  }
  if (kind === 'dict' || kind === 'set') {
    if (!a.map || !b.map) return { map: null };
    if (kind === 'set') return { map: new Map([...(a.map as Map<string, Value>), ...(b.map as Map<string, Value>)]) };
    const x = mergeValue({ kind: 'dict', map: a.map } as Value, { kind: 'dict', map: b.map } as Value, fresh) as { map: unknown };
    return { map: x.map };
  }
  // a generator the arms left at different points has an unknown state after the fork
  if (kind === 'rng') return joinRngSnapshots(a, b);
  // other opaque objects: the last arm's version
  return b;
}
