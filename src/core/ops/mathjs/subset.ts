// math.subset in both directions, as mathjs 15 does it: reading (a number in the index drops its
// dimension) and replacing — math.subset(x, index, replacement[, defaultValue]) returns a copy of
// x with the indexed part replaced (the replacement broadcast or unsqueezed to the index's size,
// x enlarged with defaultValue, 0 by default, when the index reaches past its end).

import type { OpCall } from '../types';
import type { Value } from '../../values';
import { argText, defineMathjsOp, fmtShape, mjsError, result, size, strides, tensor, type T } from './tensor';

export const INDEX = 'math.Index';

function outOfRange(call: OpCall, i: number, n: number, shape: number[]): never {
  throw mjsError('index-out-of-range', 'IndexError', {
    en: `Index out of range (${i} ${i < 0 ? '< 0' : `> ${n - 1}`}) — ${call.name}(${argText(call, 0, 'x')}, …) on ${fmtShape(shape)}`,
    fr: `Index out of range (${i}) — ${call.name}(${argText(call, 0, 'x')}, …) sur ${fmtShape(shape)}`,
  });
}

/** mathjs' DimensionError text: arrays in brackets, with the relation mathjs names. */
function dimensionError(a: number | number[], b: number | number[], rel: string, en: string, fr: string): never {
  const f = (x: number | number[]) => (Array.isArray(x) ? `[${x.join(', ')}]` : String(x));
  throw mjsError('index-out-of-range', 'DimensionError', { en: `Dimension mismatch (${f(a)} ${rel} ${f(b)}) — ${en}`, fr: `Dimension mismatch (${f(a)} ${rel} ${f(b)}) — ${fr}` });
}

/** One axis of an index: a number (the axis is dropped when reading) or a list of positions. */
type Axis = { pick: number } | { list: number[] } | 'unknown';

function axisOf(v: Value): Axis {
  const t = tensor(v);
  if (!t || !t.data) return 'unknown';
  return t.scalar ? { pick: t.data[0] } : { list: Array.from(t.data) };
}

function indexAxes(index: Value | undefined): Axis[] | undefined {
  if (index?.kind !== 'builtin' || index.name !== INDEX || index.self?.kind !== 'list' || !index.self.items) return undefined;
  return index.self.items.map(axisOf);
}

const positions = (a: Exclude<Axis, 'unknown'>): number[] => ('pick' in a ? [a.pick] : a.list);

function readSubset(call: OpCall, t: T, index: Value | undefined, withData: boolean): Value {
  const axes = indexAxes(index);
  if (!axes || !t.shape) return result(null, undefined, t.matrix);
  if (axes.length !== t.shape.length) {
    throw mjsError('index-out-of-range', 'DimensionError', { en: `Dimension mismatch (${axes.length} != ${t.shape.length}) — the index has ${axes.length} entries, ${fmtShape(t.shape)} has ${t.shape.length} dimensions`, fr: `l'index a ${axes.length} entrées mais ${fmtShape(t.shape)} a ${t.shape.length} dimensions` });
  }
  if (axes.some((a) => a === 'unknown')) return result(null, undefined, t.matrix);
  const picks = (axes as Exclude<Axis, 'unknown'>[]).map((a, d) => {
    const xs = positions(a);
    for (const x of xs) if (x < 0 || x >= t.shape![d] || !Number.isInteger(x)) outOfRange(call, x, t.shape![d], t.shape!);
    return xs;
  });
  const shape = axes.flatMap((a, d) => ('pick' in (a as object) ? [] : [picks[d].length]));
  if (!withData || !t.data) return result(shape, undefined, t.matrix);
  const st = strides(t.shape);
  const out: number[] = [];
  const walk = (d: number, off: number): void => {
    if (d === picks.length) {
      out.push(t.data![off]);
      return;
    }
    for (const x of picks[d]) walk(d + 1, off + x * st[d]);
  };
  walk(0, 0);
  return result(shape, Float64Array.from(out), t.matrix);
}

/** mathjs' checkBroadcastingRules + broadcastSizes of `a` onto `to`; undefined when they clash. */
function broadcastOnto(a: number[], to: number[]): number[] | undefined {
  for (let j = 0; j < a.length; j++) {
    const n = to.length - a.length + j;
    if (n >= 0 && ((a[j] < to[n] && a[j] > 1) || a[j] > to[n])) return undefined;
  }
  const N = Math.max(a.length, to.length);
  const out = new Array<number>(N).fill(0);
  for (const s of [a, to]) for (let j = 0; j < s.length; j++) out[N - s.length + j] = Math.max(out[N - s.length + j], s[j]);
  return out;
}

/** mathjs' broadcastSizes of two sizes (each checked against the larger), as `add` broadcasts. */
function mutualBroadcast(a: number[], b: number[]): number[] | undefined {
  const N = Math.max(a.length, b.length);
  const out = new Array<number>(N).fill(0);
  for (const s of [a, b]) for (let j = 0; j < s.length; j++) out[N - s.length + j] = Math.max(out[N - s.length + j], s[j]);
  return broadcastOnto(a, out) && broadcastOnto(b, out) ? out : undefined;
}

/** The row-major elements of `data` (shape `from`) stretched to `to` (broadcasting, right-aligned). */
export function expand(data: Float64Array, from: number[], to: number[]): Float64Array {
  const st = strides(from);
  const sst = to.map((_, d) => {
    const k = d - (to.length - from.length);
    return k < 0 || from[k] === 1 ? 0 : st[k];
  });
  const tst = strides(to);
  const out = new Float64Array(size(to));
  for (let i = 0; i < out.length; i++) {
    let src = 0;
    for (let d = 0; d < to.length; d++) src += (Math.floor(i / tst[d]) % to[d]) * sst[d];
    out[i] = data[src];
  }
  return out;
}

/** The replacement's size after mathjs' _broadcastReplacement and _set (broadcast, unsqueeze), or its error. */
function replacementSize(call: OpCall, iSize: number[], sub: number[], rank: number): number[] {
  let s = sub;
  // add(replacement, zeros(indexSize)): both broadcast to their common size, when they can
  if (iSize.every((d) => d > 0)) s = mutualBroadcast(s, iSize) ?? s;
  if (s.join() !== iSize.join()) s = s.length === 0 ? iSize : broadcastOnto(s, iSize) ?? s;
  const what = `${call.name}(${argText(call, 0, 'x')}, ${argText(call, 1, 'index')}, ${argText(call, 2, 'replacement')})`;
  if (iSize.length < rank) dimensionError(iSize.length, rank, '<', `${what}: the index names ${iSize.length} of the ${rank} dimensions`, `${what} : l'index ne donne que ${iSize.length} des ${rank} dimensions`);
  if (s.length < iSize.length) {
    // mathjs unsqueezes: ones first where the index is 1 (outer), then the replacement, then ones
    let i = 0;
    let outer = 0;
    while (iSize[i] === 1 && s[i] === 1) i++;
    while (iSize[i] === 1) {
      outer++;
      i++;
    }
    s = [...new Array<number>(outer).fill(1), ...s];
    while (s.length < iSize.length) s.push(1);
  }
  if (s.join() !== iSize.join()) {
    dimensionError(iSize, s, '>', `${what}: the index selects ${fmtShape(iSize)}, the replacement is ${fmtShape(sub)}`, `${what} : l'index sélectionne ${fmtShape(iSize)}, le remplacement est ${fmtShape(sub)}`);
  }
  return s;
}

function writeSubset(call: OpCall, t: T, index: Value | undefined, repl: Value | undefined, dflt: Value | undefined, withData: boolean): Value {
  if (repl?.kind === 'str') throw mjsError('mathjs-type', 'Error', { en: "can't boradcast a string", fr: "can't boradcast a string — le remplacement doit être un nombre, un tableau ou une matrice" });
  const axes = indexAxes(index);
  const r = tensor(repl);
  if (!axes || !t.shape || !r || !r.shape || axes.some((a) => a === 'unknown')) return result(null, undefined, t.matrix);
  const known = axes as Exclude<Axis, 'unknown'>[];
  for (const a of known) {
    for (const x of positions(a)) {
      if (!Number.isInteger(x)) throw mjsError('index-out-of-range', 'TypeError', { en: `Index must be an integer (value: ${x})`, fr: `Index must be an integer (valeur : ${x}) — un index de mathjs est un entier` });
      if (x < 0) outOfRange(call, x, 0, t.shape);
    }
  }
  const scalarIndex = known.every((a) => 'pick' in a);
  const iSize = known.map((a) => positions(a).length);
  if (scalarIndex) {
    if (r.shape.length !== 0) throw mjsError('index-out-of-range', 'TypeError', { en: `Scalar expected — ${call.name}(…, ${argText(call, 1, 'index')}, …) names one element: the replacement must be a number`, fr: `Scalar expected — l'index désigne un seul élément : le remplacement doit être un nombre` });
    if (known.length < t.shape.length) dimensionError(known.length, t.shape.length, '<', 'the index names fewer dimensions than the matrix has', "l'index donne moins de dimensions que la matrice");
  } else replacementSize(call, iSize, r.shape, t.shape.length);
  // an index longer than the matrix adds dimensions: rare enough to leave unknown
  if (known.length > t.shape.length) return result(null, undefined, t.matrix);
  const shape = t.shape.map((d, k) => Math.max(d, ...positions(known[k]).map((x) => x + 1)));
  if (!withData || !t.data || !r.data) return result(shape, undefined, t.matrix);
  const fill = dflt ? tensor(dflt)?.data?.[0] : 0;
  if (fill === undefined) return result(shape, undefined, t.matrix);
  // enlarge (mathjs resizes with the default value), then write the index's cells in order
  const out = new Float64Array(size(shape)).fill(fill);
  const ost = strides(shape);
  const ist = strides(t.shape);
  for (let i = 0; i < t.data.length; i++) {
    let o = 0;
    for (let d = 0; d < t.shape.length; d++) o += (Math.floor(i / ist[d]) % t.shape[d]) * ost[d];
    out[o] = t.data[i];
  }
  const values = scalarIndex ? r.data : expand(r.data, r.shape.length === 0 ? [] : broadcastOnto(r.shape, iSize)?.join() === iSize.join() ? r.shape : iSize, iSize);
  let k = 0;
  const lists = known.map(positions);
  const walk = (d: number, off: number): void => {
    if (d === lists.length) {
      out[off] = values[k++];
      return;
    }
    for (const x of lists[d]) walk(d + 1, off + x * ost[d]);
  };
  walk(0, 0);
  return result(shape, out, t.matrix);
}

/**
 * M.subset(index, replacement) writes into M and returns M itself (the interpreter hands this op
 * its own copy of M's buffer first: dispatch.ts MUTATES_SELF). When the evaluator will not run
 * (an operand undetermined), M's values are forgotten rather than left stale.
 */
function writeInPlace(self: Value, written: Value, withData: boolean, operands: Value[]): Value {
  if (self.kind !== 'array') return written;
  const known = (v: Value): boolean => v.kind === 'builtin' ? !!v.self && v.self.kind === 'list' && !!v.self.items?.every(known) : !!tensor(v)?.data;
  if (!withData) {
    if (self.data && operands.every(known)) return written;
    delete self.data;
    if (written.kind === 'array') self.shape = written.shape;
    return self;
  }
  if (written.kind === 'array' && written.data) {
    self.data = written.data;
    self.shape = written.shape;
  }
  return self;
}

defineMathjsOp({
  names: ['math.subset', 'math.Matrix.subset'],
  doc: 'math.subset(x, math.index(…)): the selected part of x; math.subset(x, index, replacement[, defaultValue]): a copy of x with that part replaced (x grows, filled with defaultValue or 0, when the index reaches past its end).',
  latex: (o) => (o.length > 2 ? `${o[0]}\\big|_{${o[1]} \\leftarrow ${o[2]}}` : `${o[0]}_{${o[1] ?? ''}}`),
  run: (call, withData) => {
    const self = call.self !== undefined;
    const t = tensor(self ? call.self : call.args[0]);
    if (!t) return { kind: 'unknown' };
    const rest = self ? call.args : call.args.slice(1);
    if (rest.length < 2) return readSubset(call, t, rest[0], withData);
    const written = writeSubset(call, t, rest[0], rest[1], rest[2], withData);
    return self ? writeInPlace(call.self!, written, withData, [rest[0], rest[1]]) : written;
  },
});
