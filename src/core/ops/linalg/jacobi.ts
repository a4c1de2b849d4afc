// Singular value decomposition by one-sided (Hestenes) Jacobi rotations: accurate to a few ulps
// of the largest singular value, simple and robust for the small matrices students trace.
// Singular vectors are unique only up to sign (and up to rotation inside repeated singular
// values), so they can differ from LAPACK's; U·diag(S)·Vh reproduces A and S matches numpy.

export interface SvdResult {
  /** m×(full ? m : k) row-major */
  u: Float64Array;
  /** k singular values, descending */
  s: Float64Array;
  /** (full ? n : k)×n row-major */
  vh: Float64Array;
}

const EPS = 2.220446049250313e-16;

/** Columns of `w` (rows×cols, row-major) orthogonalised in place; `v` (cols×cols) accumulates the rotations. */
function hestenes(w: Float64Array, rows: number, cols: number, v: Float64Array): void {
  for (let sweep = 0; sweep < 80; sweep++) {
    let rotated = false;
    for (let p = 0; p < cols - 1; p++) {
      for (let q = p + 1; q < cols; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < rows; i++) {
          const x = w[i * cols + p];
          const y = w[i * cols + q];
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= EPS * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < rows; i++) {
          const x = w[i * cols + p];
          const y = w[i * cols + q];
          w[i * cols + p] = c * x - s * y;
          w[i * cols + q] = s * x + c * y;
        }
        for (let i = 0; i < cols; i++) {
          const x = v[i * cols + p];
          const y = v[i * cols + q];
          v[i * cols + p] = c * x - s * y;
          v[i * cols + q] = s * x + c * y;
        }
      }
    }
    if (!rotated) return;
  }
}

/**
 * Complete the first `have` orthonormal columns of the rows×total matrix `q` (row-major) to an
 * orthonormal basis: each new column is the standard basis vector with the largest residual
 * after two rounds of Gram–Schmidt (twice is enough for full precision).
 */
function complete(q: Float64Array, rows: number, total: number, have: number): void {
  const r = new Float64Array(rows);
  for (let col = have; col < total; col++) {
    let bestNorm = -1;
    let best: Float64Array | null = null;
    for (let e = 0; e < rows; e++) {
      r.fill(0);
      r[e] = 1;
      for (let round = 0; round < 2; round++) {
        for (let j = 0; j < col; j++) {
          let d = 0;
          for (let i = 0; i < rows; i++) d += q[i * total + j] * r[i];
          for (let i = 0; i < rows; i++) r[i] -= d * q[i * total + j];
        }
      }
      let nn = 0;
      for (let i = 0; i < rows; i++) nn += r[i] * r[i];
      if (nn > bestNorm) {
        bestNorm = nn;
        best = Float64Array.from(r);
      }
      if (nn > 0.5) break; // comfortably independent: no need to look further
    }
    const norm = Math.sqrt(bestNorm);
    for (let i = 0; i < rows; i++) q[i * total + col] = best![i] / norm;
  }
}

/** SVD of the m×n row-major matrix `a` with m ≥ n (tall or square). */
function svdTall(a: Float64Array, m: number, n: number, full: boolean): SvdResult {
  const w = Float64Array.from(a);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  hestenes(w, m, n, v);
  const norms = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += w[i * n + j] * w[i * n + j];
    norms[j] = Math.sqrt(s);
  }
  const order = Array.from({ length: n }, (_, j) => j).sort((x, y) => norms[y] - norms[x]);
  const ucols = full ? m : n;
  const u = new Float64Array(m * ucols);
  const s = new Float64Array(n);
  const vh = new Float64Array(n * n);
  const tiny = norms[order[0]] * EPS * Math.max(m, n);
  let have = 0;
  for (let k = 0; k < n; k++) {
    const j = order[k];
    s[k] = norms[j];
    for (let i = 0; i < n; i++) vh[k * n + i] = v[i * n + j];
    if (norms[j] > tiny && have === k) {
      for (let i = 0; i < m; i++) u[i * ucols + k] = w[i * n + j] / norms[j];
      have++;
    }
  }
  // columns for (numerically) zero singular values, and the extra ones of a full U
  complete(u, m, ucols, have);
  return { u, s, vh };
}

/** numpy.linalg.svd of one m×n matrix (row-major), computed in float64. */
export function svd(a: Float64Array, m: number, n: number, full: boolean): SvdResult {
  if (m >= n) return svdTall(a, m, n, full);
  // A = (Aᵀ)ᵀ: with Aᵀ = U' S V'ᵀ we get A = V' S U'ᵀ
  const at = new Float64Array(n * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) at[j * m + i] = a[i * n + j];
  const r = svdTall(at, n, m, full);
  const vcols = full ? n : m; // r.u is n×vcols, becomes Vh = r.uᵀ (vcols×n)
  const vh = new Float64Array(vcols * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < vcols; j++) vh[j * n + i] = r.u[i * vcols + j];
  const u = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) u[i * m + j] = r.vh[j * m + i];
  return { u, s: r.s, vh };
}
