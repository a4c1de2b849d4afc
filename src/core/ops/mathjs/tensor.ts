// How mathjs ops see the interpreter's values: a JS number, a (nested) JS array of numbers — the
// interpreter's lists — or a mathjs Matrix (an ArrayValue in a TypeScript trace). Results follow
// mathjs: Array in → Array out, a Matrix anywhere → Matrix out, a 0-d result → a number.

import { NumpyError } from '../../diagnostics';
import { Shape } from '../../shapes/dim';
import type { L10nText, Value } from '../../values';
import type { OpCall, OpModule } from '../types';
import { registerOp } from '../registry';

/** An operand: its dims (null: unknown), its row-major numbers when known, and its container. */
export interface T {
  shape: number[] | null;
  data?: Float64Array;
  /** a mathjs Matrix (else a JS Array or a number) */
  matrix: boolean;
  /** a plain number */
  scalar: boolean;
}

const MAX_DEPTH = 8;

/** mathjs' DimensionError for ragged arrays, as `math.matrix([[1, 2], [3]])` throws it. */
function ragged(a: number, b: number): NumpyError {
  return new NumpyError('ragged-array', {
    en: `DimensionError: Dimension mismatch (${a} != ${b}): the rows of this array do not all have the same length`,
    fr: `DimensionError : Dimension mismatch (${a} != ${b}) : les lignes de ce tableau n'ont pas toutes la même longueur`,
  }, { pyType: 'RangeError' });
}

/** Nested lengths of a JS array; null when unknown; throws on a ragged array. */
function listShape(v: Value, depth: number): number[] | null {
  if (v.kind !== 'list' && v.kind !== 'tuple') return [];
  if (!v.items || depth > MAX_DEPTH) return null;
  if (v.items.length === 0) return [0];
  const inner = listShape(v.items[0], depth + 1);
  if (inner === null) return null;
  for (let i = 1; i < v.items.length; i++) {
    const s = listShape(v.items[i], depth + 1);
    if (s === null) return null;
    if (s.length !== inner.length) throw ragged(s.length, inner.length);
    for (let k = 0; k < s.length; k++) if (s[k] !== inner[k]) throw ragged(s[k], inner[k]);
  }
  return [v.items.length, ...inner];
}

function leafNumber(v: Value): number | undefined {
  if (v.kind === 'float' || v.kind === 'int') return v.value;
  if (v.kind === 'bool') return v.value === undefined ? undefined : v.value ? 1 : 0;
  return undefined;
}

function listData(v: Value, out: number[]): boolean {
  if (v.kind === 'list' || v.kind === 'tuple') return !!v.items && v.items.every((x) => listData(x, out));
  const x = leafNumber(v);
  if (x === undefined) return false;
  out.push(x);
  return true;
}

/** The operand an argument is, or undefined when it is not numeric at all (a string, a function). */
export function tensor(v: Value | undefined): T | undefined {
  if (!v) return undefined;
  switch (v.kind) {
    case 'float':
    case 'int':
    case 'bool': {
      const x = leafNumber(v);
      return { shape: [], matrix: false, scalar: true, ...(x === undefined ? {} : { data: new Float64Array([x]) }) };
    }
    case 'list':
    case 'tuple': {
      const shape = listShape(v, 0);
      const out: number[] = [];
      const known = shape !== null && listData(v, out);
      return { shape, matrix: false, scalar: false, ...(known ? { data: Float64Array.from(out) } : {}) };
    }
    case 'array': {
      const shape = v.shape && v.shape.every((d) => typeof d === 'number') ? (v.shape as number[]).slice() : null;
      return { shape, matrix: true, scalar: false, ...(v.data && shape ? { data: v.data } : {}) };
    }
    case 'unknown':
      return { shape: null, matrix: false, scalar: false };
    default:
      return undefined;
  }
}

export const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** The value mathjs returns: a number for 0-d, a Matrix or nested Array otherwise. */
export function result(shape: number[] | null, data: Float64Array | undefined, matrix: boolean): Value {
  if (shape && shape.length === 0) return { kind: 'float', value: data?.[0] };
  if (matrix) return data && shape ? { kind: 'array', shape, dtype: 'float64', data } : { kind: 'array', shape, dtype: 'float64' };
  if (!shape) return { kind: 'list', items: null };
  let i = 0;
  const build = (axis: number): Value => {
    if (axis === shape.length) return { kind: 'float', value: data ? data[i++] : undefined };
    const items: Value[] = [];
    for (let k = 0; k < shape[axis]; k++) items.push(build(axis + 1));
    return { kind: 'list', items };
  };
  return build(0);
}

/** A JS array (nested lists) of arbitrary values with the given outer shape, for callbacks' results. */
export function nest(shape: number[], items: Value[], matrix: boolean): Value {
  if (matrix && items.every((x) => x.kind === 'float' || x.kind === 'int' || x.kind === 'bool')) {
    const data = items.map(leafNumber);
    return data.every((x) => x !== undefined) ? result(shape, Float64Array.from(data as number[]), true) : result(shape, undefined, true);
  }
  if (matrix) return { kind: 'array', shape, dtype: null };
  let i = 0;
  const build = (axis: number): Value => (axis === shape.length ? items[i++] : { kind: 'list', items: Array.from({ length: shape[axis] }, () => build(axis + 1)) });
  return build(0);
}

export function fmtShape(s: readonly number[] | null): string {
  return s === null ? '(?)' : `(${s.join(', ')}${s.length === 1 ? ',' : ''})`;
}

/** A mathjs error: `code` is the diagnostic code, `jsType` the error class node would print. */
export function mjsError(code: string, jsType: 'Error' | 'RangeError' | 'TypeError' | 'DimensionError' | 'IndexError', text: L10nText): NumpyError {
  return new NumpyError(code, { en: `${jsType}: ${text.en}`, fr: `${jsType} : ${text.fr}` }, { pyType: jsType === 'TypeError' ? 'TypeError' : 'ValueError' });
}

/** Row-major strides of a shape (the mathjs ops import it from here with the other helpers). */
export const strides = Shape.strides;

/** One mathjs op: `run` computes the result, with data only when `withData` (see OpModule). */
export interface MathjsOp {
  names: readonly string[];
  doc: string;
  latex(operands: readonly string[]): string;
  run(call: OpCall, withData: boolean): Value;
}

export function defineMathjsOp(op: MathjsOp): OpModule {
  const mod: OpModule = {
    names: op.names,
    doc: op.doc,
    latex: op.latex,
    shape: (call) => op.run(call, false),
    evaluate: (call) => op.run(call, true),
  };
  registerOp(mod);
  return mod;
}

/** The source text of argument i (for messages), or a placeholder. */
export const argText = (call: OpCall, i: number, dflt: string): string => call.argTexts[i] || dflt;
