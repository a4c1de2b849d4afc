// Joining arrays: np.concatenate (axis, axis=None), np.stack (a new axis), and the helpers built on
// them — np.hstack, np.vstack, np.column_stack — with numpy's checks and messages in its order:
// zero-d operands, number of dimensions, the axis, then each non-joined dimension.

import { Dim, Shape } from '../../shapes/dim';
import type { ArrayValue, DType, Value } from '../../values';
import { castScalar, resultType } from '../dtype';
import { asArray, dataOf, fail, plannedOp, result, size } from '../nd/common';
import { registerOp } from '../registry';
import type { OpCall, OpModule } from '../types';
import { normAxis } from './axes';

/** The arrays of the sequence argument; null when the sequence's length is unknown. */
function arraysOf(v: Value | undefined): ArrayValue[] | null {
  if (!v || (v.kind !== 'list' && v.kind !== 'tuple') || v.items === null) {
    // a 2-D array is also a sequence of rows
    if (v?.kind === 'array' && v.shape && v.shape.length >= 1 && typeof v.shape[0] === 'number') return rowsOf(v);
    return null;
  }
  return v.items.map((it) => asArray(it) ?? { kind: 'array', shape: null, dtype: null });
}

function rowsOf(a: ArrayValue): ArrayValue[] {
  const n = a.shape![0] as number;
  const rest = a.shape!.slice(1);
  const len = a.data ? a.data.length / Math.max(n, 1) : 0;
  return Array.from({ length: n }, (_, i) => result(rest, a.dtype, a.data ? a.data.slice(i * len, (i + 1) * len) : undefined));
}

function joinDtype(arrays: ArrayValue[]): DType | null {
  if (arrays.some((a) => a.dtype === null)) return null;
  return resultType(arrays.map((a) => ({ dtype: a.dtype!, scalar: false })));
}

/** numpy's concatenate shape rule; `shapes` are those of the (possibly reshaped) operands. */
function concatShape(shapes: Shape[], axis: number): Dim[] {
  if (shapes.some((s) => s.length === 0)) {
    throw fail('concat-zero-d', 'zero-dimensional arrays cannot be concatenated', 'les tableaux de dimension 0 (scalaires) ne peuvent pas être concaténés');
  }
  const nd = shapes[0].length;
  shapes.forEach((s, i) => {
    if (s.length !== nd) {
      throw fail(
        'concat-ndim',
        `all the input arrays must have same number of dimensions, but the array at index 0 has ${nd} dimension(s) and the array at index ${i} has ${s.length} dimension(s)`,
        `tous les tableaux doivent avoir le même nombre de dimensions, mais le tableau d'indice 0 en a ${nd} et celui d'indice ${i} en a ${s.length}`,
      );
    }
  });
  const ax = normAxis(axis, nd);
  const out = [...shapes[0]];
  shapes.forEach((s, i) => {
    if (i === 0) return;
    for (let d = 0; d < nd; d++) {
      if (d === ax) continue;
      if (Dim.certainlyDiffer(out[d], s[d])) {
        throw fail(
          'concat-mismatch',
          `all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${d}, the array at index 0 has size ${Dim.format(shapes[0][d])} and the array at index ${i} has size ${Dim.format(s[d])}`,
          `toutes les dimensions sauf celle de concaténation (axe ${ax}) doivent être égales, mais selon la dimension ${d} le tableau d'indice 0 a la taille ${Dim.format(shapes[0][d])} et celui d'indice ${i} la taille ${Dim.format(s[d])}`,
        );
      }
      if (typeof out[d] !== 'number' && typeof s[d] === 'number') out[d] = s[d];
    }
    out[ax] = Dim.add(out[ax], s[ax]);
  });
  return out;
}

/** Concatenate concrete operands along `axis` (already validated), casting into `dtype`. */
function concatData(arrays: { shape: number[]; data: Float64Array }[], axis: number, dtype: DType): Float64Array {
  const shape0 = arrays[0].shape;
  const outer = size(shape0.slice(0, axis));
  const total = arrays.reduce((p, a) => p + a.data.length, 0);
  const out = new Float64Array(total);
  let pos = 0;
  const chunks = arrays.map((a) => size(a.shape.slice(axis)));
  for (let o = 0; o < outer; o++) {
    arrays.forEach((a, i) => {
      const c = chunks[i];
      out.set(a.data.subarray(o * c, (o + 1) * c), pos);
      pos += c;
    });
  }
  if (dtype !== 'float64') for (let i = 0; i < out.length; i++) out[i] = castScalar(out[i], dtype);
  return out;
}

type Prepared = { shapes: Shape[]; axis: number } | null;

/** Shared body of every joiner: `prepare` maps operand shapes to concatenate's view of them. */
function joiner(names: string[], doc: string, latex: (ops: readonly string[]) => string, prepare: (call: OpCall, shapes: Shape[]) => Prepared, emptyMsg = 'concatenate'): OpModule {
  const plan = (call: OpCall) => {
    const arrays = arraysOf(call.args[0] ?? call.kwargs.get(names[0] === 'np.concatenate' ? 'arrays' : 'tup'));
    if (arrays === null) return { arrays: null, dtype: null, shape: null };
    if (arrays.length === 0) {
      throw fail('concat-empty', `need at least one array to ${emptyMsg}`, `il faut au moins un tableau à ${emptyMsg === 'stack' ? 'empiler' : 'concaténer'}`);
    }
    const dtype = joinDtype(arrays);
    if (arrays.some((a) => a.shape === null)) return { arrays, dtype, shape: null };
    const prep = prepare(call, arrays.map((a) => a.shape!));
    if (!prep) return { arrays, dtype, shape: null };
    return { arrays, dtype, shape: concatShape(prep.shapes, prep.axis), prep };
  };
  return plannedOp({
    names,
    doc,
    latex,
    plan,
    fill(p) {
      const prep = p.prep!;
      const nd = prep.shapes[0].length;
      const axis = normAxis(prep.axis, nd);
      const ops = p.arrays!.map((a, i) => ({ shape: prep.shapes[i] as number[], data: dataOf(a) }));
      return concatData(ops, axis, p.dtype ?? 'float64');
    },
  });
}

const flatLen = (s: Shape): Dim => s.reduce<Dim>((p, d) => Dim.mul(p, d), 1);

function axisOf(call: OpCall, dflt: number): number | null | undefined {
  const v = call.args[1] ?? call.kwargs.get('axis');
  if (v === undefined) return dflt;
  if (v.kind === 'none') return null;
  if (v.kind === 'int') return v.value;
  return undefined;
}

const concatenate = joiner(
  ['np.concatenate'],
  'Join arrays along an existing axis (default 0); every other dimension must match. axis=None flattens them first. ' +
    'Multi-head attention concatenates the heads along the last axis: (n, d_k) × h → (n, h·d_k).',
  (ops) => `\\left[\\,${ops.join(' \\;\\middle|\\; ')}\\,\\right]`,
  (call, shapes) => {
    const axis = axisOf(call, 0);
    if (axis === undefined) return null;
    if (axis === null) return { shapes: shapes.map((s) => [flatLen(s)]), axis: 0 };
    return { shapes, axis };
  },
);

const stack = joiner(
  ['np.stack'],
  'Join arrays of the same shape along a NEW axis (default 0): k arrays of shape (n, d) give (k, n, d) with axis=0, (n, k, d) with axis=1.',
  (ops) => `\\left(${ops.join(', ')}\\right)`,
  (call, shapes) => {
    const axis = axisOf(call, 0);
    if (axis === undefined || axis === null) return null;
    const first = shapes[0];
    shapes.forEach((s, k) => {
      if (s.length !== first.length || s.some((d, i) => Dim.certainlyDiffer(d, first[i]))) {
        throw fail('concat-mismatch', 'all input arrays must have the same shape',
          `np.stack exige des formes identiques : le tableau d'indice 0 a la forme ${Shape.format(first)} et celui d'indice ${k} la forme ${Shape.format(s)}`);
      }
    });
    const ax = normAxis(axis, first.length + 1);
    return { shapes: shapes.map((s) => [...s.slice(0, ax), 1, ...s.slice(ax)]), axis: ax };
  },
  'stack',
);

const atLeast1 = (s: Shape): Shape => (s.length === 0 ? [1] : s);
const atLeast2 = (s: Shape): Shape => (s.length === 0 ? [1, 1] : s.length === 1 ? [1, s[0]] : s);

const hstack = joiner(
  ['np.hstack'],
  'Join horizontally: 1-D arrays end to end, 2-D arrays side by side (along axis 1, the columns).',
  (ops) => `\\left[\\,${ops.join(' \\;\\middle|\\; ')}\\,\\right]`,
  (_call, shapes) => {
    const s = shapes.map(atLeast1);
    return { shapes: s, axis: s[0].length === 1 ? 0 : 1 };
  },
);

const vstack = joiner(
  ['np.vstack'],
  'Join vertically (along axis 0); 1-D arrays of length n become rows (1, n) first.',
  (ops) => `\\begin{bmatrix} ${ops.join(' \\\\ ')} \\end{bmatrix}`,
  (_call, shapes) => ({ shapes: shapes.map(atLeast2), axis: 0 }),
);

const columnStack = joiner(
  ['np.column_stack'],
  'Join 1-D arrays as the columns of a 2-D array (each (n,) becomes (n, 1)); 2-D arrays are joined along axis 1.',
  (ops) => `\\left[\\,${ops.join(' \\;\\middle|\\; ')}\\,\\right]`,
  (_call, shapes) => ({ shapes: shapes.map((s) => (s.length === 0 ? [1, 1] : s.length === 1 ? [s[0], 1] : s)), axis: 1 }),
);

for (const op of [concatenate, stack, hstack, vstack, columnStack]) registerOp(op);
