// What the np.linalg ops share: numpy's input checks (at least 2-D, square last axes) raised as
// LinAlgError, the float dtype linalg computes in (float32 stays float32, everything else is
// float64), and iteration over a stack of matrices.

import type { Shape } from '../../shapes/dim';
import { Dim } from '../../shapes/dim';
import type { DType } from '../../values';
import { castData } from '../dtype';
import { fail } from '../nd/common';

/** numpy.linalg's computation type: float32 in → float32 out, ints/bools/float64 → float64. */
export function linalgDtype(dt: DType | null): DType | null {
  if (dt === null) return null;
  return dt === 'float32' || dt === 'float16' ? 'float32' : 'float64';
}

export function atLeast2d(s: Shape): void {
  if (s.length < 2) {
    throw fail('linalg-dims', `${s.length}-dimensional array given. Array must be at least two-dimensional`,
      `tableau de dimension ${s.length} : np.linalg demande au moins une matrice (2 dimensions)`, 'LinAlgError');
  }
}

export function square(s: Shape): void {
  atLeast2d(s);
  if (Dim.certainlyDiffer(s[s.length - 1], s[s.length - 2])) {
    throw fail('linalg-square', 'Last 2 dimensions of the array must be square',
      `les 2 dernières dimensions doivent former une matrice carrée (ici ${Dim.format(s[s.length - 2])}×${Dim.format(s[s.length - 1])})`, 'LinAlgError');
  }
}

export const singular = () =>
  fail('linalg-singular', 'Singular matrix', 'matrice singulière (non inversible : son déterminant est nul)', 'LinAlgError');

/** Call `f` on each m×n matrix of a stack (row-major data), with its index in the stack. */
export function eachMatrix(data: Float64Array, shape: readonly number[], f: (m: Float64Array, i: number) => void): number {
  const m = shape[shape.length - 2];
  const n = shape[shape.length - 1];
  const count = shape.slice(0, -2).reduce((p, d) => p * d, 1);
  for (let i = 0; i < count; i++) f(data.subarray(i * m * n, (i + 1) * m * n), i);
  return count;
}

/** Round results into the output dtype (float32 results are rounded once, from float64). */
export function finish(data: Float64Array, dt: DType | null): Float64Array {
  return dt === 'float32' ? castData(data, 'float32') : data;
}

