// mathjs creation and shape functions: matrix, zeros, ones, identity, range, size, reshape
// (with -1, and mathjs' "Dimension mismatch (8 != 6)"), squeeze, flatten, concat (dim last by
// default), transpose (vectors unchanged, 2-D only). Numbers as sizes give a Matrix, an Array of
// sizes gives an Array, as mathjs' default config does.

import type { OpCall } from '../types';
import type { Value } from '../../values';
import { argText, defineMathjsOp, fmtShape, mjsError, result, size, tensor, type T } from './tensor';

function need(call: OpCall, i: number, name: string): T {
  const t = tensor(call.args[i]);
  if (!t) throw mjsError('mathjs-type', 'TypeError', { en: `Unexpected type of argument in function ${name} (index: ${i})`, fr: `type d'argument inattendu pour math.${name} (position ${i})` });
  return t;
}

/** Sizes given as numbers (→ Matrix) or as one array of numbers (→ Array). */
function sizesArg(call: OpCall): { dims: number[] | null; matrix: boolean } {
  const first = call.args[0];
  if (first && (first.kind === 'list' || first.kind === 'array')) {
    const t = tensor(first)!;
    return { dims: t.data ? Array.from(t.data) : null, matrix: first.kind === 'array' };
  }
  const xs = call.args.filter((a) => a.kind !== 'str').map((a) => tensor(a)?.data?.[0]);
  return { dims: xs.some((x) => x === undefined) ? null : (xs as number[]), matrix: true };
}

function checkSizes(dims: number[]): void {
  for (const d of dims) {
    if (!Number.isInteger(d) || d < 0) throw mjsError('reshape-size', 'Error', { en: `Parameters in function zeros must be positive integers (size: [${dims.join(', ')}])`, fr: `les tailles doivent être des entiers positifs ([${dims.join(', ')}])` });
  }
}

for (const [name, fill] of [['zeros', 0], ['ones', 1]] as const) {
  defineMathjsOp({
    names: [`math.${name}`],
    doc: `math.${name}(m, n, …) → a Matrix of ${fill}s; math.${name}([m, n]) → an Array.`,
    latex: (o) => `\\mathbf{${fill}}_{${o.join(' \\times ')}}`,
    run: (call, withData) => {
      const { dims, matrix } = sizesArg(call);
      if (!dims) return result(null, undefined, matrix);
      checkSizes(dims);
      return result(dims, withData ? new Float64Array(size(dims)).fill(fill) : undefined, matrix);
    },
  });
}

defineMathjsOp({
  names: ['math.identity'],
  doc: 'math.identity(n) or identity(m, n): the identity matrix (a Matrix; an Array for an array of sizes).',
  latex: (o) => `I_{${o[0]}}`,
  run: (call, withData) => {
    const { dims, matrix } = sizesArg(call);
    if (!dims) return result(null, undefined, matrix);
    const shape = dims.length === 1 ? [dims[0], dims[0]] : dims.slice(0, 2);
    checkSizes(shape);
    if (!withData) return result(shape, undefined, matrix);
    const out = new Float64Array(shape[0] * shape[1]);
    for (let i = 0; i < Math.min(shape[0], shape[1]); i++) out[i * shape[1] + i] = 1;
    return result(shape, out, matrix);
  },
});

defineMathjsOp({
  names: ['math.matrix'],
  doc: 'math.matrix(array): a dense mathjs Matrix from a (rectangular) nested array.',
  latex: (o) => o[0] ?? '',
  run: (call, withData) => {
    if (!call.args.length) return result([0], new Float64Array(0), true);
    const t = need(call, 0, 'matrix');
    return result(t.scalar ? [1] : t.shape, withData ? t.data : undefined, true);
  },
});

defineMathjsOp({
  names: ['math.range'],
  doc: 'math.range(start, end[, step]): a Matrix from start up to end (excluded).',
  latex: (o) => `[${o[0]}, ${o[1]})`,
  run: (call, withData) => {
    const [s, e, st] = call.args.map((a) => tensor(a)?.data?.[0]);
    const step = call.args.length > 2 ? st : 1;
    if (s === undefined || e === undefined || step === undefined || step === 0) return result(null, undefined, true);
    const xs: number[] = [];
    for (let x = s; step > 0 ? x < e : x > e; x += step) xs.push(x);
    return result([xs.length], withData ? Float64Array.from(xs) : undefined, true);
  },
});

defineMathjsOp({
  names: ['math.size'],
  doc: 'math.size(x): the sizes of x as an Array ([] for a number).',
  latex: (o) => `\\operatorname{size}(${o[0]})`,
  run: (call) => {
    const t = need(call, 0, 'size');
    if (!t.shape) return { kind: 'list', items: null, elem: { kind: 'float' } };
    return result([t.shape.length], Float64Array.from(t.shape), false);
  },
});

defineMathjsOp({
  names: ['math.reshape', 'math.Matrix.reshape'],
  doc: 'math.reshape(x, sizes): the same elements with new sizes (one size may be -1).',
  latex: (o) => `\\operatorname{reshape}(${o.join(', ')})`,
  run: (call, withData) => {
    const self = call.self !== undefined;
    const t = self ? tensor(call.self)! : need(call, 0, 'reshape');
    const sz = tensor(call.args[self ? 0 : 1]);
    if (!t.shape || !sz?.data) return result(null, undefined, t.matrix);
    const dims = Array.from(sz.data);
    const n = size(t.shape);
    const free = dims.indexOf(-1);
    if (free >= 0) {
      const rest = size(dims.filter((_, i) => i !== free));
      if (rest === 0 || n % rest !== 0) throw sizeError(call, t.shape, dims, n);
      dims[free] = n / rest;
    }
    if (size(dims) !== n) throw sizeError(call, t.shape, dims, n);
    return result(dims, withData ? t.data : undefined, t.matrix);
  },
});

function sizeError(call: OpCall, from: number[], to: number[], n: number) {
  return mjsError('reshape-size', 'DimensionError', {
    en: `Dimension mismatch (${size(to.map((d) => (d < 0 ? 1 : d)))} != ${n}) — cannot reshape ${fmtShape(from)} (${n} elements) into [${to.join(', ')}]`,
    fr: `Dimension mismatch — impossible de remodeler ${fmtShape(from)} (${n} éléments) en [${to.join(', ')}]`,
  });
}

defineMathjsOp({
  names: ['math.squeeze'],
  doc: 'math.squeeze(x): drops the dimensions of size 1.',
  latex: (o) => `\\operatorname{squeeze}(${o[0]})`,
  run: (call, withData) => {
    const t = need(call, 0, 'squeeze');
    if (!t.shape || t.scalar) return t.scalar ? call.args[0] : result(null, undefined, t.matrix);
    const shape = t.shape.filter((d) => d !== 1);
    return result(shape.length ? shape : [], withData ? t.data : undefined, t.matrix);
  },
});

defineMathjsOp({
  names: ['math.flatten'],
  doc: 'math.flatten(x): the elements of x as one vector (row-major).',
  latex: (o) => `\\operatorname{vec}(${o[0]})`,
  run: (call, withData) => {
    const t = need(call, 0, 'flatten');
    return result(t.shape ? [size(t.shape)] : null, withData ? t.data : undefined, t.matrix);
  },
});

defineMathjsOp({
  names: ['math.transpose'],
  doc: 'math.transpose(x): rows become columns; a vector is returned unchanged; only 1-D and 2-D.',
  latex: (o) => `{${o[0]}}^{\\top}`,
  run: (call, withData) => {
    const t = need(call, 0, 'transpose');
    if (t.scalar) return call.args[0];
    if (!t.shape) return result(null, undefined, t.matrix);
    if (t.shape.length > 2) {
      throw mjsError('transpose-rank', 'RangeError', {
        en: `Matrix must be a vector or two dimensional (size: [${t.shape.join(', ')}]) — math.transpose(${argText(call, 0, 'x')}) only swaps the two axes of a 2-D matrix`,
        fr: `Matrix must be a vector or two dimensional — math.transpose(${argText(call, 0, 'x')}) n'échange que les deux axes d'une matrice 2-D (taille [${t.shape.join(', ')}])`,
      });
    }
    if (t.shape.length < 2) return result(t.shape.slice(), withData ? t.data : undefined, t.matrix);
    const [r, c] = t.shape;
    if (!withData || !t.data) return result([c, r], undefined, t.matrix);
    const out = new Float64Array(r * c);
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = t.data[i * c + j];
    return result([c, r], out, t.matrix);
  },
});

defineMathjsOp({
  names: ['math.concat'],
  doc: 'math.concat(a, b, …[, dim]): joins along dim (the last dimension by default); the other sizes must agree.',
  latex: (o) => `\\left[${o.join(' \\mid ')}\\right]`,
  run: (call, withData): Value => {
    const last = call.args[call.args.length - 1];
    const hasDim = last && (last.kind === 'float' || last.kind === 'int');
    const parts = (hasDim ? call.args.slice(0, -1) : call.args).map((a, i) => need(call, i, 'concat'));
    const matrix = parts.some((p) => p.matrix);
    if (parts.some((p) => !p.shape)) return result(null, undefined, matrix);
    const shapes = parts.map((p) => p.shape!);
    const rank = shapes[0].length;
    const dimV = hasDim ? tensor(last)?.data?.[0] : rank - 1;
    if (dimV === undefined) return result(null, undefined, matrix);
    for (const s of shapes) {
      if (s.length !== rank) throw concatError(call, `Dimension mismatch (${rank} != ${s.length})`, shapes);
    }
    if (dimV < 0 || dimV >= rank) throw mjsError('axis-out-of-range', 'IndexError', { en: `Index out of range (${dimV} > ${rank - 1}) — math.concat: dim ${dimV} of ${rank}-D arrays`, fr: `Index out of range — math.concat : la dimension ${dimV} n'existe pas pour des tableaux à ${rank} dimensions` });
    for (const s of shapes) {
      for (let k = 0; k < rank; k++) {
        // mathjs checks the leading dims only (the trailing ones are merged row by row)
        if (k < dimV && s[k] !== shapes[0][k]) throw concatError(call, `Dimension mismatch (${shapes[0][k]} != ${s[k]})`, shapes);
      }
    }
    if (shapes.some((s) => s.some((d, k) => k > dimV && d !== shapes[0][k]))) return result(null, undefined, matrix);
    const shape = shapes[0].slice();
    shape[dimV] = shapes.reduce((a, s) => a + s[dimV], 0);
    if (!withData || parts.some((p) => !p.data)) return result(shape, undefined, matrix);
    const outer = size(shape.slice(0, dimV));
    const out = new Float64Array(size(shape));
    let o = 0;
    for (let i = 0; i < outer; i++) {
      for (const p of parts) {
        const chunk = size(p.shape!.slice(dimV));
        out.set(p.data!.subarray(i * chunk, (i + 1) * chunk), o);
        o += chunk;
      }
    }
    return result(shape, out, matrix);
  },
});

function concatError(call: OpCall, what: string, shapes: number[][]) {
  const list = shapes.map(fmtShape).join(', ');
  return mjsError('concat-mismatch', 'DimensionError', {
    en: `${what} — math.concat(${call.argTexts.filter(Boolean).join(', ')}): the pieces ${list} must agree on every size except the one joined`,
    fr: `${what} — math.concat : les morceaux ${list} doivent avoir les mêmes tailles sauf sur la dimension de jonction`,
  });
}
