// Reading parts of mathjs values and calling back into the program: index (subset: ./subset.ts),
// row / column, the Matrix methods (toArray, valueOf, size, clone, get), map / forEach with the
// program's own callback (value, index array, whole array; several collections broadcast
// together for map), format (a string), and create(all) giving the mathjs namespace again.

import type { OpCall } from '../types';
import type { Value } from '../../values';
import { argText, defineMathjsOp, fmtShape, mjsError, nest, result, size, strides, tensor } from './tensor';
import { expand, INDEX } from './subset';
import { jsArity } from '../../interp/tsValues';

function outOfRange(call: OpCall, i: number, n: number, shape: number[]): never {
  throw mjsError('index-out-of-range', 'IndexError', {
    en: `Index out of range (${i} ${i < 0 ? '< 0' : `> ${n - 1}`}) — ${call.name}(${argText(call, 0, 'x')}, …) on ${fmtShape(shape)}`,
    fr: `Index out of range (${i}) — ${call.name}(${argText(call, 0, 'x')}, …) sur ${fmtShape(shape)}`,
  });
}

defineMathjsOp({
  names: ['math.index'],
  doc: 'math.index(i, j, …): an index for subset — a number picks (and drops) a dimension, an array or range keeps it.',
  latex: (o) => `[${o.join(', ')}]`,
  run: (call) => ({ kind: 'builtin', name: INDEX, self: { kind: 'list', items: call.args.slice() } }),
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

/** mathjs' broadcastSizes over several collections, with its message for the first that does not fit. */
function broadcastAll(sizes: number[][]): number[] {
  const n = Math.max(...sizes.map((s) => s.length));
  const out = new Array<number>(n).fill(0);
  for (const s of sizes) for (let j = 0; j < s.length; j++) out[n - s.length + j] = Math.max(out[n - s.length + j], s[j]);
  for (const s of sizes) {
    for (let j = 0; j < s.length; j++) {
      const to = out[n - s.length + j];
      if ((s[j] < to && s[j] > 1) || s[j] > to) {
        throw mjsError('broadcast-mismatch', 'Error', {
          en: `shape mismatch: mismatch is found in arg with shape (${s}) not possible to broadcast dimension ${s.length} with size ${s[j]} to size ${to} — math.map broadcasts its collections together: ${sizes.map(fmtShape).join(', ')} do not fit`,
          fr: `shape mismatch : math.map diffuse ses collections ensemble : ${sizes.map(fmtShape).join(', ')} ne sont pas compatibles (la dimension de taille ${s[j]} ne peut pas être étendue à ${to})`,
        });
      }
    }
  }
  return out;
}

/**
 * How many extra arguments mathjs gives a multi-collection callback (its _getCallbackArgCount):
 * 0 the values only, 1 also the index, 2 also the broadcast collections. Built-ins take the values.
 */
function extraArgs(fn: Value, collections: number): 0 | 1 | 2 {
  const a = jsArity(fn);
  if (!a) return 0;
  if (a.rest || a.length > collections + 1) return 2;
  return a.length === collections + 1 ? 1 : 0;
}

/** math.map(A, B, …, callback): callback(a, b, …[, index[, A', B', …]]) over the collections broadcast together. */
function mapMany(call: OpCall, withData: boolean): Value {
  const fn = call.args[call.args.length - 1];
  const cols = call.args.slice(0, -1);
  if (fn.kind !== 'function' && fn.kind !== 'builtin') throw mjsError('mathjs-type', 'Error', { en: 'Last argument must be a callback function', fr: 'Last argument must be a callback function — le dernier argument de math.map doit être une fonction' });
  const ts = cols.map((c, i) => {
    const t = tensor(c);
    if (!t || t.scalar) {
      throw mjsError('mathjs-type', 'TypeError', { en: `Unexpected type of argument in function map (expected: function or Array or Matrix, actual: ${c.kind === 'str' ? 'string' : 'number'}, index: ${i})`, fr: `math.map attend des tableaux ou des matrices (argument ${i})` });
    }
    return t;
  });
  const matrix = ts[0].matrix;
  if (ts.some((t) => !t.shape)) return result(null, undefined, matrix);
  const shape = broadcastAll(ts.map((t) => t.shape!));
  const cb = call.ctx.call;
  if (!withData || !cb || ts.some((t) => !t.data)) return result(shape, undefined, matrix);
  const stretched = ts.map((t) => expand(t.data!, t.shape!, shape));
  const extra = extraArgs(fn, ts.length);
  const whole = extra === 2 ? stretched.map((d) => result(shape, d, matrix)) : [];
  const st = strides(shape);
  const out: Value[] = [];
  for (let i = 0; i < stretched[0].length; i++) {
    const args: Value[] = stretched.map((d) => ({ kind: 'float', value: d[i] }));
    if (extra >= 1) args.push(result([shape.length], Float64Array.from(shape, (d, k) => Math.floor(i / st[k]) % d), false));
    out.push(cb(fn, [...args, ...whole]));
  }
  return nest(shape, out, matrix);
}

defineMathjsOp({
  names: ['math.map', 'math.Matrix.map'],
  doc: 'math.map(x, callback): a new array (or Matrix) of callback(value, index, x) for every element — how mathjs 15 applies exp/sqrt elementwise. math.map(A, B, …, callback) walks several collections broadcast together: callback(a, b, …).',
  latex: (o) => `f(${o.slice(0, Math.max(1, o.length - 1)).join(', ')})`,
  run: (call, withData) => {
    if (call.self) return visit(call, call.self, call.args[0], true, withData);
    return call.args.length > 2 ? mapMany(call, withData) : visit(call, call.args[0], call.args[1], true, withData);
  },
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
