// mathjs reductions: sum / prod / max / min / mean / variance / std over everything or along a
// dimension (mathjs' `dim`, 0-based, no negatives: "Index out of range"), dot and cumsum (norm: ./norm.ts).
// Every fold runs left to right from the first element, in mathjs' order, so values match node.

import type { OpCall } from '../types';
import type { Value } from '../../values';
import { argText, defineMathjsOp, fmtShape, mjsError, result, size, strides, tensor, type T } from './tensor';

type Fold = (acc: number, x: number) => number;

/** mathjs' `larger` / `smaller` keep the earlier value when the two are nearly equal (rel 1e-12). */
const nearly = (x: number, y: number): boolean => x === y || Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y));
const larger: Fold = (acc, x) => (Number.isNaN(acc) || Number.isNaN(x) ? NaN : x > acc && !nearly(x, acc) ? x : acc);
const smaller: Fold = (acc, x) => (Number.isNaN(acc) || Number.isNaN(x) ? NaN : x < acc && !nearly(x, acc) ? x : acc);

function operand(call: OpCall, name: string): T {
  const t = tensor(call.args[0]);
  if (!t) throw mjsError('mathjs-type', 'TypeError', { en: `Unexpected type of argument in function ${name} (index: 0)`, fr: `type d'argument inattendu pour math.${name}` });
  return t;
}

/** The `dim` argument, checked as mathjs checks it. */
function dimArg(call: OpCall, t: T, i: number): number | undefined | 'unknown' {
  const d = call.args[i];
  if (!d || d.kind === 'str') return undefined;
  const k = tensor(d)?.data?.[0];
  if (k === undefined) return 'unknown';
  if (t.shape && (k < 0 || k >= t.shape.length)) {
    throw mjsError('axis-out-of-range', 'IndexError', {
      en: `Index out of range (${k} ${k < 0 ? '< 0' : `> ${t.shape.length - 1}`}) — ${call.name}(${argText(call, 0, 'x')}, ${k}): ${fmtShape(t.shape)} has dims 0 to ${t.shape.length - 1} (mathjs counts dims from 0 and has no negative dims)`,
      fr: `Index out of range — ${call.name}(${argText(call, 0, 'x')}, ${k}) : ${fmtShape(t.shape)} a les dimensions 0 à ${t.shape.length - 1} (mathjs compte à partir de 0, sans dimension négative)`,
    });
  }
  return k;
}

/** Fold every element (row-major) left to right from the first. */
function foldAll(data: Float64Array, f: Fold): number {
  let acc = data[0];
  for (let i = 1; i < data.length; i++) acc = f(acc, data[i]);
  return acc;
}

/** Fold along `dim`: the result drops that dim. */
function foldDim(shape: number[], data: Float64Array, dim: number, f: Fold, finish?: (acc: number, n: number) => number): { shape: number[]; data: Float64Array } {
  const out = shape.filter((_, k) => k !== dim);
  const st = strides(shape);
  const n = shape[dim];
  const res = new Float64Array(size(out));
  const ost = strides(out);
  for (let o = 0; o < res.length; o++) {
    let base = 0;
    let r = o;
    for (let k = 0, j = 0; k < shape.length; k++) {
      if (k === dim) continue;
      const q = Math.floor(r / ost[j]);
      r -= q * ost[j];
      base += q * st[k];
      j++;
    }
    let acc = data[base];
    for (let i = 1; i < n; i++) acc = f(acc, data[base + i * st[dim]]);
    res[o] = finish ? finish(acc, n) : acc;
  }
  return { shape: out, data: res };
}

function emptyError(what: string): never {
  throw mjsError('empty-reduction', 'Error', { en: `Cannot calculate ${what} of an empty array`, fr: `impossible de calculer ${what} d'un tableau vide` });
}

const REDUCERS: [string, Fold, string, string, ((acc: number, n: number) => number)?][] = [
  ['sum', (a, x) => a + x, '\\sum', 'the sum'],
  ['prod', (a, x) => a * x, '\\prod', 'the product'],
  ['max', larger, '\\max', 'the max'],
  ['min', smaller, '\\min', 'the min'],
  ['mean', (a, x) => a + x, '\\operatorname{mean}', 'the mean', (acc, n) => acc / n],
];

for (const [name, f, tex, what, finish] of REDUCERS) {
  defineMathjsOp({
    names: [`math.${name}`],
    doc: `math.${name}(x) over every element, math.${name}(x, dim) along dimension dim (0-based), or math.${name}(a, b, …) of several numbers.`,
    latex: (o) => `${tex} ${o[0]}`,
    run: (call, withData) => {
      const t = operand(call, name);
      if (t.scalar) {
        // several numbers: math.max(1, 5, 3)
        const xs = call.args.map((a) => tensor(a)?.data?.[0]);
        if (xs.some((x) => x === undefined)) return { kind: 'float' };
        const acc = foldAll(Float64Array.from(xs as number[]), f);
        return { kind: 'float', value: finish ? finish(acc, xs.length) : acc };
      }
      const dim = dimArg(call, t, 1);
      if (dim === 'unknown' || !t.shape) return dim === undefined ? { kind: 'float' } : result(null, undefined, t.matrix);
      if (dim === undefined) {
        if (!withData || !t.data) return { kind: 'float' };
        if (t.data.length === 0) {
          if (name === 'sum') return { kind: 'float', value: 0 };
          if (name === 'prod') return { kind: 'float', value: 1 };
          emptyError(what);
        }
        const acc = foldAll(t.data, f);
        return { kind: 'float', value: finish ? finish(acc, t.data.length) : acc };
      }
      const shape = t.shape.filter((_, k) => k !== dim);
      if (!withData || !t.data || t.shape[dim] === 0) return result(shape, undefined, t.matrix);
      const r = foldDim(t.shape, t.data, dim, f, finish);
      return result(r.shape, r.data, t.matrix);
    },
  });
}

/** mathjs' two-pass variance: mean first, then the squared deviations, divided by n − 1 by default. */
function variance(xs: Float64Array, normalization: string): number {
  const n = xs.length;
  if (n === 0) emptyError('variance');
  const mean = foldAll(xs, (a, x) => a + x) / n;
  let sum = (xs[0] - mean) * (xs[0] - mean);
  for (let i = 1; i < n; i++) sum += (xs[i] - mean) * (xs[i] - mean);
  if (Number.isNaN(sum)) return sum;
  return normalization === 'uncorrected' ? sum / n : normalization === 'biased' ? sum / (n + 1) : n === 1 ? 0 : sum / (n - 1);
}

for (const [name, post] of [['variance', (v: number) => v], ['std', Math.sqrt]] as const) {
  defineMathjsOp({
    names: [`math.${name}`],
    doc: `math.${name}(x[, dim][, normalization]): ${name === 'std' ? 'standard deviation' : 'variance'}, unbiased (n − 1) by default; 'uncorrected' divides by n.`,
    latex: (o) => (name === 'std' ? `\\sigma(${o[0]})` : `\\operatorname{Var}(${o[0]})`),
    run: (call, withData) => {
      const t = operand(call, name);
      const last = call.args[call.args.length - 1];
      const norm = last?.kind === 'str' ? last.value : 'unbiased';
      const dim = call.args.length > 1 && call.args[1].kind !== 'str' ? dimArg(call, t, 1) : undefined;
      if (norm === undefined || dim === 'unknown' || !t.shape) return dim === undefined ? { kind: 'float' } : result(null, undefined, t.matrix);
      if (dim === undefined) return withData && t.data ? { kind: 'float', value: post(variance(t.data, norm)) } : { kind: 'float' };
      const shape = t.shape.filter((_, k) => k !== dim);
      if (!withData || !t.data) return result(shape, undefined, t.matrix);
      const st = strides(t.shape);
      const lines = foldDim(t.shape, new Float64Array(t.data.length).map((_, i) => i), dim, (a) => a);
      const out = lines.data.map((start) => post(variance(Float64Array.from({ length: t.shape![dim] }, (_, i) => t.data![start + i * st[dim]]), norm)));
      return result(shape, out, t.matrix);
    },
  });
}

defineMathjsOp({
  names: ['math.dot'],
  doc: 'math.dot(x, y): the dot product of two vectors of the same length.',
  latex: (o) => `${o[0]} \\cdot ${o[1]}`,
  run: (call, withData) => {
    const a = tensor(call.args[0]);
    const b = tensor(call.args[1]);
    if (!a || !b || !a.shape || !b.shape) return { kind: 'float' };
    for (const t of [a, b]) {
      if (t.shape!.length === 2 && t.shape![1] !== 1) {
        throw mjsError('matmul-mismatch', 'RangeError', { en: `Expected a column vector, instead got a matrix of size (${t.shape!.join(', ')})`, fr: `math.dot attend des vecteurs, pas une matrice de taille (${t.shape!.join(', ')})` });
      }
    }
    if (a.shape[0] !== b.shape[0]) {
      throw mjsError('matmul-mismatch', 'RangeError', {
        en: `Vectors must have equal length (${a.shape[0]} != ${b.shape[0]}) — math.dot(${argText(call, 0, 'x')}, ${argText(call, 1, 'y')})`,
        fr: `les vecteurs doivent avoir la même longueur (${a.shape[0]} != ${b.shape[0]}) — math.dot(${argText(call, 0, 'x')}, ${argText(call, 1, 'y')})`,
      });
    }
    if (!withData || !a.data || !b.data) return { kind: 'float' };
    let c = a.data[0] * b.data[0];
    for (let i = 1; i < a.data.length; i++) c = c + a.data[i] * b.data[i];
    return { kind: 'float', value: c };
  },
});

defineMathjsOp({
  names: ['math.cumsum'],
  doc: 'math.cumsum(x[, dim]): running sums (of a vector, or along dim).',
  latex: (o) => `\\operatorname{cumsum}(${o[0]})`,
  run: (call, withData): Value => {
    const t = operand(call, 'cumsum');
    const dim = dimArg(call, t, 1);
    if (!t.shape || dim === 'unknown') return result(t.shape, undefined, t.matrix);
    if (!withData || !t.data) return result(t.shape, undefined, t.matrix);
    const d = dim ?? 0;
    const st = strides(t.shape);
    const out = t.data.slice();
    for (let i = 0; i < out.length; i++) {
      const pos = Math.floor(i / st[d]) % t.shape[d];
      if (pos > 0) out[i] = out[i - st[d]] + out[i];
    }
    return result(t.shape, out, t.matrix);
  },
});
