// mathjs functions that take numbers only since mathjs 15: exp, sqrt, log, sin, cos, tanh, …
// Given an array or a Matrix they throw a TypeError ("Function 'exp' doesn't apply to matrices")
// that students meet when porting numpy code: reported as an error with the `math.map` fix.
// pow is a matrix power for a square matrix and an integer exponent, as in mathjs.

import type { OpCall } from '../types';
import type { Value } from '../../values';
import { matmulLeftToRight } from './arith';
import { argText, defineMathjsOp, mjsError, result, tensor, type T } from './tensor';

function noMatrices(call: OpCall, name: string): never {
  const a = argText(call, 0, 'M');
  if (name === 'log') {
    // log's signature (x, base) makes mathjs 15 report a matrix argument differently
    throw mjsError('not-elementwise', 'TypeError', {
      en: `Too few arguments in function log (expected: any, index: 1) — math.log does not apply to arrays or matrices; write math.map(${a}, (x) => math.log(x))`,
      fr: `Too few arguments in function log — math.log ne s'applique pas aux tableaux ni aux matrices ; écrivez math.map(${a}, (x) => math.log(x))`,
    });
  }
  throw mjsError('not-elementwise', 'TypeError', {
    en: `Function '${name}' doesn't apply to matrices. To call it elementwise on a matrix 'M', try 'map(M, ${name})'. Write math.map(${a}, (x) => math.${name}(x))`,
    fr: `Function '${name}' doesn't apply to matrices : depuis mathjs 15, math.${name} ne s'applique qu'aux nombres ; écrivez math.map(${a}, (x) => math.${name}(x))`,
  });
}

function scalarArg(call: OpCall, name: string, i: number): T | undefined {
  const t = tensor(call.args[i]);
  // an array of unknown contents is still certainly an array; an unknown value may be a number
  if (t && !t.scalar && call.args[i]?.kind !== 'unknown') noMatrices(call, name);
  return t;
}

/** A negative argument gives a Complex in mathjs: not a number the tracer models. */
const COMPLEX: Value = { kind: 'unknown', why: { en: 'mathjs returns a Complex number here', fr: 'mathjs renvoie ici un nombre complexe' } };

const FNS: [string, (x: number) => number, string, ((x: number) => boolean)?][] = [
  ['exp', Math.exp, 'e^{%}'],
  ['sqrt', Math.sqrt, '\\sqrt{%}', (x) => x < 0],
  ['sin', Math.sin, '\\sin %'],
  ['cos', Math.cos, '\\cos %'],
  ['tan', Math.tan, '\\tan %'],
  ['tanh', Math.tanh, '\\tanh %'],
  ['sinh', Math.sinh, '\\sinh %'],
  ['cosh', Math.cosh, '\\cosh %'],
  ['atan', Math.atan, '\\arctan %'],
  ['square', (x) => x * x, '{%}^2'],
  ['cube', (x) => x * x * x, '{%}^3'],
  ['cbrt', Math.cbrt, '\\sqrt[3]{%}'],
  ['expm1', Math.expm1, 'e^{%} - 1'],
];

for (const [name, f, tex, complex] of FNS) {
  defineMathjsOp({
    names: [`math.${name}`],
    doc: `math.${name}(x): for a number x only (mathjs 15 throws a TypeError on arrays and matrices: use math.map).`,
    latex: (o) => tex.replace('%', o[0]),
    run: (call) => {
      const t = scalarArg(call, name, 0);
      const x = t?.data?.[0];
      if (x === undefined) return { kind: 'float' };
      return complex?.(x) ? COMPLEX : { kind: 'float', value: f(x) };
    },
  });
}

defineMathjsOp({
  names: ['math.log'],
  doc: 'math.log(x) or math.log(x, base): natural (or base) logarithm of a number; arrays and matrices throw in mathjs 15.',
  latex: (o) => (o.length > 1 ? `\\log_{${o[1]}} ${o[0]}` : `\\ln ${o[0]}`),
  run: (call) => {
    const t = scalarArg(call, 'log', 0);
    const base = call.args.length > 1 ? tensor(call.args[1]) : undefined;
    const x = t?.data?.[0];
    const b = base ? base.data?.[0] : Math.E;
    if (x === undefined || b === undefined) return { kind: 'float' };
    if (x < 0) return COMPLEX;
    return { kind: 'float', value: base ? Math.log(x) / Math.log(b) : Math.log(x) };
  },
});

defineMathjsOp({
  names: ['math.pow'],
  doc: 'math.pow(x, y): x to the power y for numbers; for a square matrix and an integer y, the matrix power.',
  latex: (o) => `{${o[0]}}^{${o[1]}}`,
  run: (call, withData) => {
    const a = tensor(call.args[0]);
    const b = tensor(call.args[1]);
    if (!a || !b) return { kind: 'unknown' };
    if (a.scalar && b.scalar) {
      const x = a.data?.[0];
      const y = b.data?.[0];
      if (x === undefined || y === undefined) return { kind: 'float' };
      return x < 0 && !Number.isInteger(y) ? COMPLEX : { kind: 'float', value: Math.pow(x, y) };
    }
    if (!a.shape) return result(null, undefined, a.matrix);
    if (a.shape.length !== 2 || a.shape[0] !== a.shape[1]) {
      throw mjsError('matmul-mismatch', 'RangeError', {
        en: `For A^b, A must be a square matrix (is ${a.shape.join('x')}) — math.pow is a matrix power; use math.dotPow for elementwise powers`,
        fr: `Pour A^b, A doit être une matrice carrée (${a.shape.join('x')}) — math.pow est une puissance matricielle ; utilisez math.dotPow pour élever chaque élément`,
      });
    }
    const n = a.shape[0];
    const y = b.data?.[0];
    if (!withData || !a.data || y === undefined || !Number.isInteger(y) || y < 0) return result(a.shape, undefined, a.matrix);
    // mathjs multiplies by repeated squaring: res = I; while (b) { if (b & 1) res = x·res; x = x·x; b >>= 1 }
    let res: Float64Array = new Float64Array(n * n).map((_, i) => (i % (n + 1) === 0 ? 1 : 0));
    let x: Float64Array = a.data;
    let k = y;
    const mul = (p: Float64Array, q: Float64Array): Float64Array => matmulLeftToRight(p, q, n, n, n);
    while (k > 0) {
      if (k & 1) res = mul(x, res);
      x = mul(x, x);
      k >>= 1;
    }
    return result(a.shape, res, a.matrix);
  },
});
