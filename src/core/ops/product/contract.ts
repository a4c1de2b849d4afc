// One contraction shared by np.dot and np.inner: sum over one axis of each operand, the result's
// axes being a's remaining axes then b's (numpy's order for both). Done as a permutation to
// (P×k)·(k×Q) and one gemm, so it is as fast as matmul. Also the scalar case (plain multiply),
// and the op both are built from (they differ only in which axes meet and how numpy words a clash).

import { Dim, type Shape } from '../../shapes/dim';
import type { ArrayValue, DType } from '../../values';
import { castData, operandOf, resultType } from '../dtype';
import { NumpyError } from '../../diagnostics';
import { compact, dataOf, permuteData, result, shapeOf, size } from '../nd/common';
import type { OpCall, OpModule } from '../types';
import { mismatchText } from './hint';
import { kernelFor } from './kernel';

/** Contract a's axis `ia` with b's axis `ib` (both already normalised) on concrete data. */
export function contractData(a: ArrayValue, ia: number, b: ArrayValue, ib: number, dtype: DType): Float64Array {
  const as = shapeOf(a);
  const bs = shapeOf(b);
  const k = as[ia];
  const restA = as.filter((_, i) => i !== ia);
  const restB = bs.filter((_, i) => i !== ib);
  const P = size(restA);
  const Q = size(restB);
  const permA = [...as.keys()].filter((i) => i !== ia).concat(ia);
  const permB = [ib, ...[...bs.keys()].filter((i) => i !== ib)];
  const ad = ia === as.length - 1 ? dataOf(a) : permuteData(dataOf(a), as, permA);
  const bd = ib === 0 ? dataOf(b) : permuteData(dataOf(b), bs, permB);
  const out = new Float64Array(P * Q);
  kernelFor(dtype, ad, bd, k)(ad, 0, bd, 0, out, 0, P, k, Q);
  return castData(out, dtype);
}

/** The result shape of the contraction (a without ia, then b without ib). */
export function contractShape(a: Shape, ia: number, b: Shape, ib: number): Dim[] {
  return [...a.filter((_, i) => i !== ia), ...b.filter((_, i) => i !== ib)];
}

/** dtype of a product where either operand may be a (weak) scalar, as np.dot/np.multiply see it. */
export function mixedDtype(a: ArrayValue, b: ArrayValue): DType | null {
  const oa = operandOf(a);
  const ob = operandOf(b);
  if (!oa || !ob) return null;
  return resultType([oa, ob]);
}

/** Scalar times array (np.dot / np.inner with a 0-d operand): elementwise product. */
export function scaleData(a: ArrayValue, b: ArrayValue, dtype: DType): Float64Array {
  const [s, arr] = shapeOf(a).length === 0 ? [dataOf(a)[0], dataOf(b)] : [dataOf(b)[0], dataOf(a)];
  const out = new Float64Array(arr.length);
  if (dtype === 'bool') for (let i = 0; i < arr.length; i++) out[i] = s !== 0 && arr[i] !== 0 ? 1 : 0;
  else for (let i = 0; i < arr.length; i++) out[i] = s * arr[i];
  return castData(out, dtype);
}

/**
 * numpy's "shapes (4,2) and (4,2) not aligned: 2 (dim 1) != 4 (dim 0)" for np.dot/np.inner, with
 * the tutor's explanation first and the `.T` fix when a 2-D transpose would fit.
 */
export function alignError(
  call: OpCall, what: string, a: Shape, b: Shape, ia: number, shownB: Shape, shownIb: number, kb: Dim,
): Error {
  const ka = a[ia];
  const numpy = `shapes ${compact(a)} and ${compact(shownB)} not aligned: ${Dim.format(ka)} (dim ${ia}) != ${Dim.format(kb)} (dim ${shownIb})`;
  const { text, fixes } = mismatchText(call, {
    label: what, sym: '·', a, b, ka, kb, aInner: ka, bInner: kb, numpy, stacks: false,
  });
  return new NumpyError('matmul-mismatch', text, { fixes, pyType: 'ValueError' });
}

export function productResult(shape: Shape, dtype: DType | null, data?: Float64Array): ArrayValue {
  const r = result(shape, dtype, data);
  if (shape.length === 0 && data) r.scalar = true;
  return r;
}

/** How one contraction op (np.dot, np.inner) reads its call and which axes it sums over. */
export interface Contraction {
  names: readonly string[];
  doc: string;
  latex: (operands: readonly string[]) => string;
  operands: (call: OpCall) => [ArrayValue, ArrayValue];
  /** the summed axes (ia of a, ib of b), or null for the scalar case (a 0-d operand) */
  axes: (a: Shape, b: Shape) => [number, number] | null;
  /** numpy's error when the summed sizes certainly differ */
  mismatch: (call: OpCall, a: Shape, b: Shape, ia: number, ib: number) => Error;
}

/** The op of a contraction: result dtype from both operands, shape a-rest then b-rest, one gemm. */
export function contractionOp(c: Contraction): OpModule {
  const check = (call: OpCall, a: Shape, b: Shape): Shape => {
    const ax = c.axes(a, b);
    if (!ax) return a.length === 0 ? b : a;
    const [ia, ib] = ax;
    if (Dim.certainlyDiffer(a[ia], b[ib])) throw c.mismatch(call, a, b, ia, ib);
    return contractShape(a, ia, b, ib);
  };
  return {
    names: c.names,
    doc: c.doc,
    latex: c.latex,
    shape(call) {
      const [a, b] = c.operands(call);
      const dtype = mixedDtype(a, b);
      if (a.shape === null || b.shape === null) return result(null, dtype);
      return result(check(call, a.shape, b.shape), dtype);
    },
    evaluate(call) {
      const [a, b] = c.operands(call);
      const shape = check(call, a.shape!, b.shape!);
      const dtype = mixedDtype(a, b) ?? 'float64';
      const ax = c.axes(a.shape!, b.shape!);
      const data = ax ? contractData(a, ax[0], b, ax[1], dtype) : scaleData(a, b, dtype);
      return productResult(shape, dtype, data);
    },
  };
}
