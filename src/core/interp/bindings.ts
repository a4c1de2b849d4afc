// The bindings of the CLI contract: one per assignment target per source line, merged over every
// run of that line. Dims that differ between runs become symbols, named after what the code calls
// that size (a parameter `n`, `d_k = K.shape[-1]`) when some int took the same values, else n1, n2…

import type { Loc } from '../ir';
import { Dim, type Shape } from '../shapes/dim';
import type { Binding } from '../types';
import type { DType, L10nText, Value } from '../values';
import type { Heap } from './heap';
import { valuesEqual } from './merge';
import { jsShapeOf } from './tsShapes';

const RUN_CAP = 64;
/** internal fresh symbols look like __s12 until the recorder gives them a name */
export const INTERNAL_SYM = /__s\d+/g;

class Entry {
  readonly kind = 'binding-entry';
  count = 0;
  first: Value | undefined;
  valueSame = true;
  /** per run: shape (null: not an array/number or unknown), capped at RUN_CAP runs */
  shapes: (Shape | null)[] = [];
  anyNull = false;
  rankMismatch = false;
  rank = -1;
  /** per dim: differs between runs */
  differ: boolean[] = [];
  dtype: DType | null | undefined = undefined;
  why: L10nText | undefined;
  /** per run, the value of an int binding (names symbols that varied the same way) */
  ints: string[] = [];
  constructor(
    readonly loc: Loc,
    readonly name: string,
    readonly hidden: boolean,
  ) {}
  snapshot(): Record<string, unknown> {
    return {
      count: this.count, first: this.first, valueSame: this.valueSame, shapes: this.shapes.slice(), anyNull: this.anyNull,
      rankMismatch: this.rankMismatch, rank: this.rank, differ: this.differ.slice(), dtype: this.dtype, why: this.why, ints: this.ints.slice(),
    };
  }
  restore(s: Record<string, unknown>): void {
    Object.assign(this, s);
  }
}

/** Shape and dtype a value shows in a binding: arrays as they are, Python numbers as 0-d. */
export function shapeOf(v: Value): { shape: Shape | null; dtype: DType | null } {
  switch (v.kind) {
    case 'array':
      return { shape: v.shape, dtype: v.dtype };
    case 'int':
      return { shape: [], dtype: 'int64' };
    case 'float':
      return { shape: [], dtype: 'float64' };
    case 'bool':
      return { shape: [], dtype: 'bool' };
    default:
      return { shape: null, dtype: null };
  }
}

/** A copy that later in-place mutation (setitem, list.append) cannot change. */
export function freeze(v: Value, depth = 0): Value {
  switch (v.kind) {
    case 'array':
      return { ...v };
    case 'list':
    case 'tuple':
      if (depth > 3 || !v.items) return { ...v };
      return { ...v, items: v.items.map((x) => freeze(x, depth + 1)) };
    case 'dict':
      return v.map ? { kind: 'dict', map: new Map(v.map) } : v;
    case 'set':
      return v.map ? { kind: 'set', map: new Map(v.map) } : v;
    default:
      return v;
  }
}

export class BindingRecorder {
  private readonly entries = new Map<object, Entry>();
  /** hidden (parameter) entries are keyed apart from target entries */
  private readonly hiddenKeys = new WeakMap<Loc, object>();
  /** internal symbol → the first name the code gave it (`n, d = X.shape` in an uncalled function) */
  private readonly aliases = new Map<string, string>();

  /** TypeScript: arrays are JS arrays, whose nested lengths are the shape (see tsShapes.ts) */
  jsArrays = false;

  constructor(private readonly heap: Heap) {}

  /** The recorder's own bookkeeping maps (keyed by site, not program state a statement can read). */
  internalMaps(): object[] {
    return [this.entries, this.aliases];
  }

  record(loc: Loc, name: string, value: Value, why?: L10nText, hidden = false): void {
    // keyed by the target's (or parameter's) own Loc object: one per target, no string building
    let key: object = loc;
    if (hidden) {
      let k = this.hiddenKeys.get(loc);
      if (!k) this.hiddenKeys.set(loc, (k = {}));
      key = k;
    }
    let e = this.entries.get(key);
    if (!e) {
      e = new Entry(loc, name, hidden);
      this.heap.epoch?.logKey(this.entries as unknown as Map<string, Value>, key as unknown as string);
      this.entries.set(key, e);
      // undoing the key unlinks the new entry: no snapshot of its fresh state is needed
      this.heap.newInEpoch(e);
    } else this.heap.touchEpoch(e);
    if (value.kind === 'int' && value.sym !== undefined && /^__s\d+$/.test(value.sym) && /^[A-Za-z_]\w*$/.test(name)) {
      if (!this.aliases.has(value.sym)) {
        this.heap.epoch?.logKey(this.aliases as unknown as Map<string, Value>, value.sym);
        this.aliases.set(value.sym, name);
      }
    }
    const { shape, dtype } = this.jsArrays ? jsShapeOf(value) : shapeOf(value);
    e.count++;
    if (e.count === 1) {
      e.first = freeze(value);
      e.dtype = dtype;
      e.why = why ?? whyOf(value);
    } else {
      if (e.valueSame && !valuesEqual(e.first!, value)) e.valueSame = false;
      if (e.dtype !== dtype) e.dtype = null;
      if (!e.why) e.why = why ?? whyOf(value);
    }
    if (!shape) e.anyNull = true;
    else if (e.rank === -1) {
      e.rank = shape.length;
      e.differ = new Array(shape.length).fill(false);
    } else if (e.rank !== shape.length) e.rankMismatch = true;
    else {
      const s0 = e.shapes.find((s) => s !== null) ?? shape;
      for (let i = 0; i < shape.length; i++) if (!Dim.equal(shape[i], s0[i])) e.differ[i] = true;
    }
    if (e.shapes.length < RUN_CAP) e.shapes.push(shape);
    if (value.kind === 'int' && e.ints.length < RUN_CAP) e.ints.push(value.value !== undefined ? String(value.value) : value.sym ?? '?');
  }

  /**
   * A line that raised: Python assigns nothing. The binding says "unknown, because…" only if the
   * line never succeeded before (a loop whose last iteration fails keeps what the others gave).
   */
  recordFailure(loc: Loc, name: string, why: L10nText): void {
    const e = this.entries.get(loc);
    if (e && e.count > 0) return;
    this.record(loc, name, { kind: 'unknown', why }, why);
  }

  /** The contract's bindings, in source order, with symbols named. */
  finish(reserved: Set<string>): Binding[] {
    const bySig = new Map<string, string>();
    // ints whose value varied between runs name the sizes that varied the same way
    for (const e of this.entries.values()) {
      if (!e.first || e.first.kind !== 'int' || e.valueSame || e.count > RUN_CAP || !/^[A-Za-z_]\w*$/.test(e.name)) continue;
      const sig = e.shapes.length === e.count ? this.intSig(e) : undefined;
      if (sig && !bySig.has(sig)) bySig.set(sig, e.name);
    }
    const used = new Set(reserved);
    for (const e of this.entries.values()) used.add(e.name);
    let fresh = 0;
    const freshName = (): string => {
      let n: string;
      do n = `n${++fresh}`;
      while (used.has(n));
      used.add(n);
      return n;
    };
    const rename = new Map<string, string>();
    const renameSym = (s: string): string =>
      s.replace(INTERNAL_SYM, (m) => {
        let r = rename.get(m);
        if (!r) {
          r = this.aliases.get(m) ?? freshName();
          rename.set(m, r);
        }
        return r;
      });
    const fixDim = (d: Dim): Dim => (typeof d === 'number' || !d.name.includes('__s') ? d : Dim.sym(renameSym(d.name)));
    const out: Binding[] = [];
    for (const e of this.entries.values()) {
      if (e.hidden) continue;
      let shape: Shape | null = null;
      if (!e.anyNull && !e.rankMismatch && e.rank >= 0) {
        const s0 = e.shapes[0]!;
        shape = s0.map((d, i) => {
          if (!e.differ[i]) return fixDim(d);
          const sig = e.count <= RUN_CAP ? e.shapes.map((s) => Dim.format(s![i])).join(',') : undefined;
          let name = sig ? bySig.get(sig) : undefined;
          if (!name) {
            name = freshName();
            if (sig) bySig.set(sig, name);
          }
          return Dim.sym(name);
        });
      }
      const b: Binding = { loc: e.loc, name: e.name, shape, dtype: e.dtype ?? null, count: e.count };
      if (e.valueSame && e.first && isShown(e.first)) b.value = e.first;
      if (!shape && e.why && (e.first?.kind === 'array' || e.first?.kind === 'unknown')) b.why = e.why;
      out.push(b);
    }
    out.sort((a, b) => a.loc.line - b.loc.line || a.loc.col - b.loc.col);
    return out;
  }

  private intSig(e: Entry): string | undefined {
    return e.ints.length === e.count ? e.ints.join(',') : undefined;
  }
}

function whyOf(v: Value): L10nText | undefined {
  return v.kind === 'array' || v.kind === 'unknown' ? v.why : undefined;
}

/** Values the contract shows: numbers, strings, arrays with data, and containers of those. */
function isShown(v: Value): boolean {
  switch (v.kind) {
    case 'array':
      return v.data !== undefined;
    case 'int':
    case 'float':
    case 'bool':
    case 'str':
      return v.value !== undefined;
    case 'none':
      return true;
    case 'list':
    case 'tuple':
      return !!v.items && v.items.length <= 10000 && v.items.every(isShown);
    case 'dict':
      return !!v.map && v.map.size <= 10000 && [...v.map.values()].every((e) => isShown(e.key) && isShown(e.value));
    case 'set':
      return !!v.map && v.map.size <= 10000 && [...v.map.values()].every(isShown);
    default:
      return false;
  }
}
