// LU factorisation with partial pivoting (LAPACK getrf's choice: first largest |pivot|), and the
// inverse, solve and determinant built on it. Row-major Float64Array matrices, one n×n at a time.
// numpy declares a matrix singular only when a pivot is exactly zero, so we do the same.

/** Factor the n×n matrix `a` (row-major, overwritten by L\U). Returns the pivot rows, or null if singular. */
export function luFactor(a: Float64Array, n: number): { piv: Int32Array; sign: number; singular: boolean } {
  const piv = new Int32Array(n);
  let sign = 1;
  let singular = false;
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(a[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[i * n + k]);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    piv[k] = p;
    if (p !== k) {
      sign = -sign;
      for (let j = 0; j < n; j++) {
        const t = a[k * n + j];
        a[k * n + j] = a[p * n + j];
        a[p * n + j] = t;
      }
    }
    const d = a[k * n + k];
    if (d === 0) {
      singular = true;
      continue; // LAPACK goes on factoring; the caller decides what a zero pivot means
    }
    for (let i = k + 1; i < n; i++) {
      const f = (a[i * n + k] /= d);
      if (f === 0) continue;
      const ri = i * n;
      const rk = k * n;
      for (let j = k + 1; j < n; j++) a[ri + j] -= f * a[rk + j];
    }
  }
  return { piv, sign, singular };
}

/** Solve (L U) X = P B in place for X: b is n×m row-major. */
export function luSolve(lu: Float64Array, piv: Int32Array, n: number, b: Float64Array, m: number): void {
  for (let k = 0; k < n; k++) {
    const p = piv[k];
    if (p !== k) {
      for (let j = 0; j < m; j++) {
        const t = b[k * m + j];
        b[k * m + j] = b[p * m + j];
        b[p * m + j] = t;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < i; k++) {
      const f = lu[i * n + k];
      if (f === 0) continue;
      for (let j = 0; j < m; j++) b[i * m + j] -= f * b[k * m + j];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let k = i + 1; k < n; k++) {
      const f = lu[i * n + k];
      if (f === 0) continue;
      for (let j = 0; j < m; j++) b[i * m + j] -= f * b[k * m + j];
    }
    const d = lu[i * n + i];
    for (let j = 0; j < m; j++) b[i * m + j] /= d;
  }
}

/** Inverse of an n×n matrix, or null when it is singular. */
export function invert(src: Float64Array, n: number): Float64Array | null {
  const lu = Float64Array.from(src);
  const f = luFactor(lu, n);
  if (f.singular) return null;
  const x = new Float64Array(n * n);
  for (let i = 0; i < n; i++) x[i * n + i] = 1;
  luSolve(lu, f.piv, n, x, n);
  return x;
}

/** Solve A X = B (A n×n, B n×m); null when A is singular. */
export function solve(a: Float64Array, n: number, b: Float64Array, m: number): Float64Array | null {
  const lu = Float64Array.from(a);
  const f = luFactor(lu, n);
  if (f.singular) return null;
  const x = Float64Array.from(b);
  luSolve(lu, f.piv, n, x, m);
  return x;
}

/** Determinant: product of U's diagonal times the permutation's sign (0 for an exact zero pivot). */
export function determinant(src: Float64Array, n: number): number {
  const lu = Float64Array.from(src);
  const f = luFactor(lu, n);
  let d = f.sign;
  for (let i = 0; i < n; i++) d *= lu[i * n + i];
  return d;
}
