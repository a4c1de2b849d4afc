// numpy's aliasing: basic slicing gives views, so `row = A[0]; row[:] = 0` changes A, and
// `A[0, 0] = 1` shows through `row`. Writes replace an array's buffer (never write into it),
// so values recorded earlier keep their numbers; views are re-derived after each write.

import { NumpyError } from '../diagnostics';
import { Shape } from '../shapes/dim';
import type { ArrayValue, DType, Value } from '../values';
import type { Interp } from './context';
import { callOp, NO_KWARGS, type CallSite } from './dispatch';

interface ViewOf {
  base: ArrayValue;
  /** a subscript view: re-derived by indexing the base */
  index?: Value;
  /** a view made by an op (transpose, reshape, split, …): element i is the base's flat element offsets[i] */
  offsets?: Float64Array;
}
const parentOf = new WeakMap<ArrayValue, ViewOf>();
const childrenOf = new WeakMap<ArrayValue, ArrayValue[]>();
/** views kept per base: older ones stop following their base (bounded work per write) */
const MAX_VIEWS = 32;

/** Basic indexing (ints, slices, None, ...) makes a view; anything with arrays/lists copies. */
export function isBasicIndex(index: Value): boolean {
  switch (index.kind) {
    case 'int':
    case 'slice':
    case 'none':
    case 'ellipsis':
      return true;
    case 'tuple':
      return !!index.items && index.items.every((x) => x.kind === 'int' || x.kind === 'slice' || x.kind === 'none' || x.kind === 'ellipsis');
    default:
      return false;
  }
}

export function noteView(base: ArrayValue, index: Value, view: Value): void {
  // a 0-d result is a view too unless numpy made it a scalar (x[..., 0] on a vector: a 0-d view)
  if (view.kind !== 'array' || view.scalar || view === base || !isBasicIndex(index)) return;
  link(base, view, { base, index });
}

/** The parent link of a view (subscript or op view), for src/core/interp/opViews.ts. */
export function viewParent(a: ArrayValue): Readonly<ViewOf> | undefined {
  return parentOf.get(a);
}

/** `view` shares `base`'s memory: its element i is the base's flat element offsets[i]. */
export function noteOffsetView(base: ArrayValue, view: ArrayValue, offsets: Float64Array): void {
  if (view !== base) link(base, view, { base, offsets });
}

function link(base: ArrayValue, view: ArrayValue, of: ViewOf): void {
  parentOf.set(view, of);
  let kids = childrenOf.get(base);
  if (!kids) childrenOf.set(base, (kids = []));
  kids.push(view);
  if (kids.length > MAX_VIEWS) {
    const old = kids.shift()!;
    parentOf.delete(old);
  }
}

/** `target[index] = value` on an array, in place, visible through every alias and view. */
export function setItem(it: Interp, target: ArrayValue, index: Value, value: Value, site: CallSite): void {
  const copy: ArrayValue = { ...target };
  if (target.data) copy.data = target.data.slice();
  const res = callOp(it, 'op.setitem', [copy, index, value], NO_KWARGS, undefined, site);
  const data = res.kind === 'array' ? res.data : res.kind === 'none' ? copy.data : undefined;
  writeData(it, target, data, site);
}

/** Replace an array's elements (same shape) and propagate to its base and its views. */
export function writeData(it: Interp, target: ArrayValue, data: Float64Array | undefined, site: CallSite): void {
  it.heap.touch(target);
  if (data) target.data = data;
  else delete target.data;
  const p = parentOf.get(target);
  if (p?.offsets) {
    const base = p.base;
    let next: Float64Array | undefined;
    if (data && base.data) {
      next = base.data.slice();
      for (let i = 0; i < p.offsets.length; i++) next[p.offsets[i]] = data[i];
    }
    writeData(it, base, next, site);
    return;
  }
  if (p?.index) {
    setItem(it, p.base, p.index, target, site);
    return;
  }
  refresh(it, target, site, 0);
}

function refresh(it: Interp, base: ArrayValue, site: CallSite, depth: number): void {
  const kids = childrenOf.get(base);
  if (!kids || depth > 8) return;
  for (const kid of kids) {
    let data: Float64Array | undefined;
    const offsets = parentOf.get(kid)?.offsets;
    if (offsets && base.data) {
      const src = base.data;
      data = new Float64Array(offsets.length);
      for (let i = 0; i < offsets.length; i++) data[i] = src[offsets[i]];
    } else if (base.data) {
      try {
        const r = callOp(it, 'op.getitem', [base, parentOf.get(kid)?.index ?? { kind: 'none' }], NO_KWARGS, undefined, site);
        if (r.kind === 'array' && r.data && r.data.length === kid.data?.length) data = r.data;
      } catch {
        data = undefined;
      }
    }
    if (data === kid.data) continue;
    it.heap.touch(kid);
    if (data) kid.data = data;
    else delete kid.data;
    refresh(it, kid, site, depth + 1);
  }
}

const UFUNC: Record<string, string> = {
  '+': 'add', '-': 'subtract', '*': 'multiply', '/': 'divide', '//': 'floor_divide', '%': 'remainder',
  '**': 'power', '@': 'matmul', '&': 'bitwise_and', '|': 'bitwise_or', '^': 'bitwise_xor', '<<': 'left_shift', '>>': 'right_shift',
};

const kindRank = (d: DType): number => (d === 'bool' ? 0 : d.startsWith('u') || d.startsWith('int') ? 1 : 2);

/**
 * `target op= value` for an array target: numpy computes into the target itself, so the
 * result must keep the target's shape and be castable to its dtype ('same_kind').
 */
export function inplaceResult(it: Interp, op: string, target: ArrayValue, result: Value, site: CallSite): void {
  if (result.kind !== 'array') {
    writeData(it, target, undefined, site);
    return;
  }
  if (target.shape && result.shape && Shape.isConcrete(target.shape) && Shape.isConcrete(result.shape) && !Shape.equal(target.shape, result.shape)) {
    const t = Shape.format(target.shape);
    const r = Shape.format(result.shape);
    throw new NumpyError(
      'broadcast-mismatch',
      {
        en: `non-broadcastable output operand with shape ${t} doesn't match the broadcast shape ${r}`,
        fr: `l'opérande de sortie de forme ${t} ne peut pas recevoir le résultat diffusé de forme ${r} (opération en place)`,
      },
      { pyType: 'ValueError' },
    );
  }
  if (target.dtype && result.dtype && kindRank(result.dtype) > kindRank(target.dtype)) {
    const u = UFUNC[op] ?? op;
    throw new NumpyError(
      'casting',
      {
        en: `Cannot cast ufunc '${u}' output from dtype('${result.dtype}') to dtype('${target.dtype}') with casting rule 'same_kind'`,
        fr: `Impossible de convertir la sortie de '${u}' de dtype('${result.dtype}') vers dtype('${target.dtype}') (règle 'same_kind') : utilisez x = x ${op} … ou convertissez x en float`,
      },
      { pyType: 'UFuncTypeError' },
    );
  }
  let data = result.data;
  if (data && target.dtype && target.dtype !== result.dtype) data = castData(data, target.dtype);
  writeData(it, target, data, site);
}

function castData(data: Float64Array, dtype: DType): Float64Array {
  const out = new Float64Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const x = data[i];
    if (dtype === 'float32') out[i] = Math.fround(x);
    else if (dtype === 'float64' || dtype === 'float16') out[i] = x;
    else if (dtype === 'bool') out[i] = x !== 0 ? 1 : 0;
    else out[i] = Math.trunc(x);
  }
  return out;
}
