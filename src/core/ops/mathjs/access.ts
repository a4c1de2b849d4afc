// Reading parts of mathjs values and calling back into the program: index / subset (a scalar
// index drops its dimension, as in mathjs 15), row / column, the Matrix methods (toArray,
// valueOf, size, clone, get), map / forEach with the program's own callback (value, index
// array, whole array), format (a string), and create(all) giving the mathjs namespace again.

import type { OpCall } from '../types';
import type { Value } from '../../values';
import { argText, defineMathjsOp, fmtShape, mjsError, nest, result, size, strides, tensor, type T } from './tensor';

const INDEX = 'math.Index';

function outOfRange(call: OpCall, i: number, n: number, shape: number[]): never {
  throw mjsError('index-out-of-range', 'IndexError', {
    en: `Index out of range (${i} ${i < 0 ? '< 0' : `> ${n - 1}`}) — ${call.name}(${argText(call, 0, 'x')}, …) on ${fmtShape(shape)}`,
    fr: `Index out of range (${i}) — ${call.name}(${argText(call, 0, 'x')}, …) sur ${fmtShape(shape)}`,
  });
}

/** One axis of an index: a number (the axis is dropped) or a list of positions. */
type Axis = { pick: number } | { list: number[] } | 'unknown';

function axisOf(v: Value): Axis {
  const t = tensor(v);
  if (!t || !t.data) return 'unknown';
  return t.scalar ? { pick: t.data[0] } : { list: Array.from(t.data) };
}

defineMathjsOp({
  names: ['math.index'],
  doc: 'math.index(i, j, …): an index for subset — a number picks (and drops) a dimension, an array or range keeps it.',
  latex: (o) => `[${o.join(', ')}]`,
  run: (call) => ({ kind: 'builtin', name: INDEX, self: { kind: 'list', items: call.args.slice() } }),
});

function readSubset(call: OpCall, t: T, index: Value | undefined, withData: boolean): Value {
  if (index?.kind !== 'builtin' || index.name !== INDEX || index.self?.kind !== 'list' || !index.self.items) return result(null, undefined, t.matrix);
  if (!t.shape) return result(null, undefined, t.matrix);
  const axes = index.self.items.map(axisOf);
  if (axes.length !== t.shape.length) {
    throw mjsError('index-out-of-range', 'DimensionError', { en: `Dimension mismatch (${axes.length} != ${t.shape.length}) — the index has ${axes.length} entries, ${fmtShape(t.shape)} has ${t.shape.length} dimensions`, fr: `l'index a ${axes.length} entrées mais ${fmtShape(t.shape)} a ${t.shape.length} dimensions` });
  }
  if (axes.some((a) => a === 'unknown')) return result(null, undefined, t.matrix);
  const picks = axes.map((a, d) => {
    const xs = 'pick' in (a as object) ? [(a as { pick: number }).pick] : (a as { list: number[] }).list;
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

defineMathjsOp({
  names: ['math.subset', 'math.Matrix.subset'],
  doc: 'math.subset(x, math.index(…)): the selected part of x (reading; the 3-argument form that replaces is not modelled).',
  latex: (o) => `${o[0]}_{${o[1] ?? ''}}`,
  run: (call, withData) => {
    const self = call.self !== undefined;
    const t = tensor(self ? call.self : call.args[0]);
    if (!t) return { kind: 'unknown' };
    if (call.args.length > (self ? 1 : 2)) return result(t.shape, undefined, t.matrix);
    return readSubset(call, t, call.args[self ? 0 : 1], withData);
  },
});

for (const which of ['row', 'column'] as const) {
  defineMathjsOp({
    names: [`math.${which}`],
    doc: `math.${which}(A, i): ${which} i of a 2-D matrix, kept 2-D (${which === 'row' ? '1×n' : 'n×1'}).`,
    latex: (o) => (which === 'row' ? `${o[0]}_{${o[1]},:}` : `${o[0]}_{:,${o[1]}}`),
    run: (call, withData) => {
      const t = tensor(call.args[0]);
      const i = tensor(call.args[1])?.data?.[0];
      if (!t || !t.shape || i === undefined) return result(null, undefined, !!t?.matrix);
      if (t.shape.length !== 2) throw mjsError('index-out-of-range', 'Error', { en: `Only two dimensional matrix is supported (${which})`, fr: `math.${which} n'accepte que des matrices 2-D` });
      const [r, c] = t.shape;
      const n = which === 'row' ? r : c;
      if (i < 0 || i >= n || !Number.isInteger(i)) outOfRange(call, i, n, t.shape);
      const shape = which === 'row' ? [1, c] : [r, 1];
      if (!withData || !t.data) return result(shape, undefined, t.matrix);
      const out = which === 'row' ? t.data.slice(i * c, i * c + c) : Float64Array.from({ length: r }, (_, k) => t.data![k * c + i]);
      return result(shape, out, t.matrix);
    },
  });
}

defineMathjsOp({
  names: ['math.Matrix.get'],
  doc: 'M.get([i, j]): one element of a Matrix.',
  latex: (o) => `${o[0]}_{${o[1] ?? ''}}`,
  run: (call) => {
    const t = tensor(call.self);
    const ix = tensor(call.args[0]);
    if (!t || !t.shape || !ix?.data) return { kind: 'float' };
    if (ix.data.length !== t.shape.length) throw mjsError('index-out-of-range', 'DimensionError', { en: `Dimension mismatch (${ix.data.length} != ${t.shape.length})`, fr: `l'index a ${ix.data.length} entrées, la matrice ${t.shape.length} dimensions` });
    const st = strides(t.shape);
    let off = 0;
    ix.data.forEach((x, d) => {
      if (x < 0 || x >= t.shape![d]) outOfRange(call, x, t.shape![d], t.shape!);
      off += x * st[d];
    });
    return { kind: 'float', value: t.data?.[off] };
  },
});

for (const [name, asArray] of [['toArray', true], ['valueOf', true], ['toJSON', true], ['clone', false]] as const) {
  defineMathjsOp({
    names: [`math.Matrix.${name}`],
    doc: asArray ? `M.${name}(): the Matrix's elements as a nested JS Array.` : 'M.clone(): a copy of the Matrix.',
    latex: (o) => o[0] ?? 'M',
    run: (call, withData) => {
      const t = tensor(call.self);
      if (!t) return { kind: 'unknown' };
      return result(t.shape, withData ? t.data : undefined, !asArray);
    },
  });
}

defineMathjsOp({
  names: ['math.Matrix.size'],
  doc: "M.size(): the Matrix's sizes as a JS Array.",
  latex: (o) => `\\operatorname{size}(${o[0] ?? 'M'})`,
  run: (call) => {
    const t = tensor(call.self);
    return t?.shape ? result([t.shape.length], Float64Array.from(t.shape), false) : { kind: 'list', items: null, elem: { kind: 'float' } };
  },
});

/** map / forEach: the callback gets (value, index as a JS array, the whole array or matrix). */
function visit(call: OpCall, target: Value | undefined, fn: Value | undefined, collect: boolean, withData: boolean): Value {
  const t = tensor(target);
  if (!t || !fn) return { kind: 'unknown' };
  if (t.scalar) throw mjsError('mathjs-type', 'TypeError', { en: `Unexpected type of argument in function map (expected: Array or Matrix, actual: number, index: 0)`, fr: `math.map attend un tableau ou une matrice, pas un nombre` });
  const cb = call.ctx.call;
  if (!t.shape || !cb || !withData) return collect ? result(t.shape, undefined, t.matrix) : { kind: 'none' };
  const n = size(t.shape);
  const st = strides(t.shape);
  const out: Value[] = [];
  for (let i = 0; i < n; i++) {
    const index = t.shape.map((d, k) => Math.floor(i / st[k]) % d);
    const x: Value = { kind: 'float', value: t.data?.[i] };
    const r = cb(fn, [x, result([index.length], Float64Array.from(index), false), target!]);
    if (collect) out.push(r);
  }
  return collect ? nest(t.shape, out, t.matrix) : { kind: 'none' };
}

defineMathjsOp({
  names: ['math.map', 'math.Matrix.map'],
  doc: 'math.map(x, callback): a new array (or Matrix) of callback(value, index, x) for every element — how mathjs 15 applies exp/sqrt elementwise.',
  latex: (o) => `f(${o[0]})`,
  run: (call, withData) => (call.self ? visit(call, call.self, call.args[0], true, withData) : visit(call, call.args[0], call.args[1], true, withData)),
});

defineMathjsOp({
  names: ['math.forEach', 'math.Matrix.forEach'],
  doc: 'math.forEach(x, callback): calls callback(value, index, x) for every element.',
  latex: (o) => `\\forall\\, ${o[0]}`,
  run: (call, withData) => (call.self ? visit(call, call.self, call.args[0], false, withData) : visit(call, call.args[0], call.args[1], false, withData)),
});

defineMathjsOp({
  names: ['math.format'],
  doc: 'math.format(x[, options]): x as a string (printing changes nothing the tracer follows).',
  latex: (o) => `\\texttt{format}(${o[0]})`,
  run: () => ({ kind: 'str' }),
});

defineMathjsOp({
  names: ['math.create'],
  doc: 'create(all[, config]): a mathjs instance; the tracer models the default configuration.',
  latex: () => '\\texttt{mathjs}',
  run: () => ({ kind: 'module', name: 'mathjs' }),
});
