// mathjs arithmetic: add / subtract / dotMultiply / dotDivide / dotPow with mathjs 15's
// broadcasting (and its exact "shape mismatch" error), multiply (matrix product, matrix·vector,
// vector·vector, scalar; sums taken left to right as mathjs does), divide (by a scalar, or
// A · inv(B) with mathjs' own Gauss-Jordan), unaryMinus and the elementwise functions mathjs
// still maps over matrices (abs, round, floor, ceil, sign, fix, log2, log10, log1p).

import { broadcastStrides } from '../../shapes/broadcast';
import type { OpCall } from '../types';
import { argText, defineMathjsOp, fmtShape, mjsError, result, size, strides, tensor, type T } from './tensor';
import type { Value } from '../../values';

type F2 = (x: number, y: number) => number;

/** mathjs' broadcastSizes + checkBroadcastingRules, with its message. */
function broadcast(call: OpCall, a: number[], b: number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n).fill(0);
  for (const s of [a, b]) for (let j = 0; j < s.length; j++) out[n - s.length + j] = Math.max(out[n - s.length + j], s[j]);
  for (const [k, s] of [a, b].entries()) {
    for (let j = 0; j < s.length; j++) {
      const to = out[n - s.length + j];
      if ((s[j] < to && s[j] > 1) || s[j] > to) {
        const other = fmtShape(k === 0 ? b : a);
        throw mjsError('broadcast-mismatch', 'Error', {
          en: `shape mismatch: mismatch is found in arg with shape (${s}) not possible to broadcast dimension ${s.length} with size ${s[j]} to size ${to} — ${call.name}(${argText(call, 0, 'a')}, ${argText(call, 1, 'b')}): ${fmtShape(a)} and ${fmtShape(b)} cannot be broadcast (${fmtShape(s)} against ${other})`,
          fr: `shape mismatch : ${call.name}(${argText(call, 0, 'a')}, ${argText(call, 1, 'b')}) : les formes ${fmtShape(a)} et ${fmtShape(b)} ne sont pas compatibles (la dimension de taille ${s[j]} ne peut pas être étendue à ${to})`,
        });
      }
    }
  }
  return out;
}

function elementwise(call: OpCall, a: T, b: T, f: F2, withData: boolean): Value {
  const matrix = a.matrix || b.matrix;
  if (!a.shape || !b.shape) return result(a.scalar && b.scalar ? [] : null, undefined, matrix);
  const shape = a.scalar ? b.shape : b.scalar ? a.shape : broadcast(call, a.shape, b.shape);
  if (!withData || !a.data || !b.data) return result(shape, undefined, matrix);
  const n = size(shape);
  const out = new Float64Array(n);
  const sa = broadcastStrides(a.shape, shape);
  const sb = broadcastStrides(b.shape, shape);
  const st = strides(shape);
  for (let i = 0; i < n; i++) {
    let ia = 0;
    let ib = 0;
    let r = i;
    for (let d = 0; d < shape.length; d++) {
      const q = Math.floor(r / st[d]);
      r -= q * st[d];
      ia += q * sa[d];
      ib += q * sb[d];
    }
    out[i] = f(a.data[ia], b.data[ib]);
  }
  return result(shape, out, matrix);
}

function operands(call: OpCall): T[] {
  return call.args.map((v, i) => {
    const t = tensor(v);
    if (!t) throw mjsError('mathjs-type', 'TypeError', { en: `Unexpected type of argument in function ${call.name.slice(5)} (index: ${i})`, fr: `type d'argument inattendu pour ${call.name} (position ${i})` });
    return t;
  });
}

/** add(a, b, c, …) folds left, as mathjs does. */
function fold(call: OpCall, step: (a: T, b: T) => Value): Value {
  const ts = operands(call);
  if (ts.length < 2) throw mjsError('mathjs-arity', 'TypeError', { en: `Too few arguments in function ${call.name.slice(5)}`, fr: `trop peu d'arguments pour ${call.name}` });
  let acc = step(ts[0], ts[1]);
  for (let i = 2; i < ts.length; i++) acc = step(tensor(acc)!, ts[i]);
  return acc;
}

const BINARY: [string, F2, string, string][] = [
  ['add', (x, y) => x + y, 'Adds elementwise, broadcasting mathjs-style (sizes aligned on the right, a size 1 stretches).', '+'],
  ['subtract', (x, y) => x - y, 'Subtracts elementwise with mathjs broadcasting.', '-'],
  ['dotMultiply', (x, y) => x * y, 'Multiplies elementwise (Hadamard product) with mathjs broadcasting.', '\\odot'],
  ['dotDivide', (x, y) => x / y, 'Divides elementwise with mathjs broadcasting.', '\\oslash'],
  ['dotPow', (x, y) => Math.pow(x, y), 'Raises elementwise to a power with mathjs broadcasting.', '^'],
];
for (const [name, f, doc, sym] of BINARY) {
  defineMathjsOp({
    names: [`math.${name}`],
    doc: `math.${name}(a, b): ${doc}`,
    latex: (o) => (sym === '^' ? `{${o[0]}}^{\\circ ${o[1]}}` : o.join(` ${sym} `)),
    run: (call, withData) => fold(call, (a, b) => elementwise(call, a, b, f, withData)),
  });
}

/** mathjs' matrix product rules and messages. */
function product(call: OpCall, a: T, b: T, withData: boolean): Value {
  const matrix = a.matrix || b.matrix;
  if (a.scalar || b.scalar) return elementwise(call, a, b, (x, y) => x * y, withData);
  if (!a.shape || !b.shape) return result(null, undefined, matrix);
  for (const [t, label] of [[a, 'A'], [b, 'B']] as const) {
    if (t.shape!.length !== 1 && t.shape!.length !== 2) {
      throw mjsError('matmul-mismatch', 'Error', { en: `Can only multiply a 1 or 2 dimensional matrix (Matrix ${label} has ${t.shape!.length} dimensions)`, fr: `math.multiply ne multiplie que des matrices à 1 ou 2 dimensions (la matrice ${label} en a ${t.shape!.length})` });
    }
  }
  const [sa, sb] = [a.shape, b.shape];
  const ta = argText(call, 0, 'A');
  const tb = argText(call, 1, 'B');
  const inner = sa[sa.length - 1];
  const rowsB = sb[0];
  if (inner !== rowsB) {
    const what = sa.length === 1 && sb.length === 1 ? 'Vectors must have the same length'
      : sa.length === 1 ? `Vector length (${sa[0]}) must match Matrix rows (${sb[0]})`
        : sb.length === 1 ? `Matrix columns (${sa[1]}) must match Vector length (${sb[0]})`
          : `Matrix A columns (${sa[1]}) must match Matrix B rows (${sb[0]})`;
    const hint = sb.length === 2 && sa[sa.length - 1] === sb[1] ? ` — did you mean math.transpose(${tb})?` : '';
    const hintFr = hint ? ` — vouliez-vous math.transpose(${tb}) ?` : '';
    throw mjsError('matmul-mismatch', 'RangeError', {
      en: `Dimension mismatch in multiplication. ${what}: math.multiply(${ta}, ${tb}) with ${fmtShape(sa)} · ${fmtShape(sb)}, inner sizes ${inner} and ${rowsB} differ${hint}`,
      fr: `Dimension mismatch in multiplication : math.multiply(${ta}, ${tb}) avec ${fmtShape(sa)} · ${fmtShape(sb)}, les tailles intérieures ${inner} et ${rowsB} diffèrent${hintFr}`,
    });
  }
  const shape = [...sa.slice(0, -1), ...sb.slice(1)];
  if (!withData || !a.data || !b.data) return result(shape, undefined, matrix);
  const m = sa.length === 2 ? sa[0] : 1;
  const n = sb.length === 2 ? sb[1] : 1;
  return result(shape, matmulLeftToRight(a.data, b.data, m, inner, n), matrix);
}

/**
 * The (m×k)·(k×n) product of row-major data, each sum taken left to right from the first product
 * as mathjs' loop does, so the rounding is mathjs' own (math.multiply, math.pow of a matrix).
 */
export function matmulLeftToRight(A: Float64Array, B: Float64Array, m: number, k: number, n: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = A[i * k] * B[j];
      for (let x = 1; x < k; x++) s += A[i * k + x] * B[x * n + j];
      out[i * n + j] = s;
    }
  }
  return out;
}

defineMathjsOp({
  names: ['math.multiply'],
  doc: 'math.multiply(A, B): the matrix product (matrix·matrix, matrix·vector, vector·vector → a number), or a product by a scalar.',
  latex: (o) => o.join(' \\, '),
  run: (call, withData) => fold(call, (a, b) => product(call, a, b, withData)),
});

/** mathjs' inv: 1×1 and 2×2 in closed form, then Gauss-Jordan with partial pivoting. */
export function invert(n: number, data: Float64Array): Float64Array {
  const singular = () => mjsError('singular-matrix', 'Error', { en: 'Cannot calculate inverse, determinant is zero', fr: "impossible d'inverser la matrice : son déterminant est nul" });
  if (n === 1) {
    if (data[0] === 0) throw singular();
    return new Float64Array([1 / data[0]]);
  }
  if (n === 2) {
    const d = data[0] * data[3] - data[2] * data[1];
    if (d === 0) throw singular();
    return new Float64Array([data[3] / d, -data[1] / d, -data[2] / d, data[0] / d]);
  }
  const A = Array.from({ length: n }, (_, r) => Array.from(data.subarray(r * n, r * n + n)));
  const B: number[][] = Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => (r === c ? 1 : 0)));
  for (let c = 0; c < n; c++) {
    let big = Math.abs(A[c][c]);
    let rBig = c;
    for (let r = c + 1; r < n; r++) {
      if (Math.abs(A[r][c]) > big) {
        big = Math.abs(A[r][c]);
        rBig = r;
      }
    }
    if (big === 0) throw singular();
    if (rBig !== c) {
      [A[c], A[rBig]] = [A[rBig], A[c]];
      [B[c], B[rBig]] = [B[rBig], B[c]];
    }
    const Ac = A[c];
    const Bc = B[c];
    for (let r = 0; r < n; r++) {
      const Ar = A[r];
      const Br = B[r];
      if (r !== c) {
        if (Ar[c] !== 0) {
          const f = -Ar[c] / Ac[c];
          for (let s = c; s < n; s++) Ar[s] = Ar[s] + f * Ac[s];
          for (let s = 0; s < n; s++) Br[s] = Br[s] + f * Bc[s];
        }
      } else {
        // the pivot row is normalised in place: rows after it see the normalised values
        const f = Ac[c];
        for (let s = c; s < n; s++) Ar[s] = Ar[s] / f;
        for (let s = 0; s < n; s++) Br[s] = Br[s] / f;
      }
    }
  }
  return Float64Array.from(B.flat());
}

defineMathjsOp({
  names: ['math.divide'],
  doc: 'math.divide(a, b): elementwise division by a scalar b; for a matrix b, a · inv(b) (b must be square and invertible).',
  latex: (o) => `\\frac{${o[0]}}{${o[1]}}`,
  run: (call, withData) => {
    const [a, b] = operands(call);
    if (!a || !b) throw mjsError('mathjs-arity', 'TypeError', { en: 'Too few arguments in function divide', fr: 'trop peu d’arguments pour math.divide' });
    if (b.scalar) return elementwise(call, a, b, (x, y) => x / y, withData);
    if (!b.shape) return result(null, undefined, a.matrix || b.matrix);
    if (b.shape.length !== 2 || b.shape[0] !== b.shape[1]) {
      throw mjsError('divide-by-matrix', 'RangeError', {
        en: `Matrix must be square (size: [${b.shape.join(', ')}]) — math.divide(${argText(call, 0, 'a')}, ${argText(call, 1, 'b')}) multiplies by the inverse of a matrix; to divide elementwise use math.dotDivide`,
        fr: `Matrix must be square (taille [${b.shape.join(', ')}]) — math.divide(${argText(call, 0, 'a')}, ${argText(call, 1, 'b')}) multiplie par l'inverse d'une matrice ; pour diviser élément par élément, utilisez math.dotDivide`,
      });
    }
    const inv: T = { shape: b.shape, matrix: b.matrix, scalar: false };
    if (withData && b.data) inv.data = invert(b.shape[0], b.data);
    return product(call, a, inv, withData);
  },
});

const UNARY: [string, (x: number) => number, string][] = [
  ['unaryMinus', (x) => -x, '-{%}'],
  ['abs', Math.abs, '\\left|%\\right|'],
  ['round', roundHalfAway, '\\operatorname{round}(%)'],
  ['floor', Math.floor, '\\lfloor % \\rfloor'],
  ['ceil', Math.ceil, '\\lceil % \\rceil'],
  ['fix', Math.trunc, '\\operatorname{fix}(%)'],
  ['sign', Math.sign, '\\operatorname{sign}(%)'],
  ['log2', Math.log2, '\\log_2 %'],
  ['log10', Math.log10, '\\log_{10} %'],
  ['log1p', Math.log1p, '\\log(1 + %)'],
];

/** mathjs rounds halves away from zero (Math.round does not for negatives). */
function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

for (const [name, f, tex] of UNARY) {
  defineMathjsOp({
    names: [`math.${name}`],
    doc: `math.${name}(x): applied to a number, or to every element of an array or matrix.`,
    latex: (o) => tex.replace('%', o[0]),
    run: (call, withData) => {
      const [a] = operands(call);
      if (!a) throw mjsError('mathjs-arity', 'TypeError', { en: `Too few arguments in function ${name}`, fr: `trop peu d'arguments pour math.${name}` });
      if (!a.shape || !withData || !a.data) return result(a.shape, undefined, a.matrix);
      return result(a.shape, a.data.map(f), a.matrix);
    },
  });
}
