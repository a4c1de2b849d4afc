// Numbers, vectors and matrices as LaTeX for the substituted steps of a derivation: small
// operands (up to 8×8) in full, larger ones elided with ⋯ and labelled with their shape, so a
// step stays readable whatever the size of the tensor.

/** Largest rows / columns shown in full. */
const FULL_LIMIT = 8;
/** Rows / columns kept at each end of an elided axis. */
const HEAD = 3;
const TAIL = 1;

/** A number with 4 significant digits, as the course writes them (0.6652, -1.25e-05, -\infty). */
export function latexNumber(x: number, digits = 4): string {
  if (Number.isNaN(x)) return '\\mathrm{NaN}';
  if (x === Infinity) return '\\infty';
  if (x === -Infinity) return '-\\infty';
  if (Object.is(x, -0) || x === 0) return '0';
  if (Number.isInteger(x) && Math.abs(x) < 1e7) return String(x);
  const ax = Math.abs(x);
  if (ax >= 1e-4 && ax < 1e7) {
    const s = x.toPrecision(digits);
    return s.includes('.') && !s.includes('e') ? s.replace(/\.?0+$/, '') : String(Number(s));
  }
  const [m, e] = x.toExponential(digits - 1).split('e');
  return `${m.replace(/\.?0+$/, '')} \\times 10^{${Number(e)}}`;
}

/** Indices shown along an axis of length n: all of them, or head, null (the ellipsis), tail. */
function shown(n: number): (number | null)[] {
  if (n <= FULL_LIMIT) return Array.from({ length: n }, (_, i) => i);
  const out: (number | null)[] = [];
  for (let i = 0; i < HEAD; i++) out.push(i);
  out.push(null);
  for (let i = n - TAIL; i < n; i++) out.push(i);
  return out;
}

function shapeLabel(shape: readonly number[]): string {
  return shape.join(' \\times ');
}

/**
 * A tensor as LaTeX: a scalar as a number, a vector as a one-row bmatrix (numpy prints 1-D
 * arrays as rows), a matrix as a bmatrix, higher ranks as a row of matrices (the first and the
 * last slice, the rest elided). Elided tensors carry their shape as a subscript.
 */
export function latexTensor(shape: readonly number[], data: ArrayLike<number>): string {
  if (shape.length === 0) return latexNumber(data[0]);
  if (shape.length === 1) {
    const cols = shown(shape[0]);
    const body = cols.map((j) => (j === null ? '\\cdots' : latexNumber(data[j]))).join(' & ');
    const m = `\\begin{bmatrix} ${body} \\end{bmatrix}`;
    return shape[0] > FULL_LIMIT ? `${m}_{${shapeLabel(shape)}}` : m;
  }
  if (shape.length === 2) return matrix(shape[0], shape[1], data, 0, shape[0] > FULL_LIMIT || shape[1] > FULL_LIMIT ? shape : undefined);
  // rank ≥ 3: the leading axes index a list of matrices; past two, only the first and the last
  // are written (a (B, h, T, d) batch would otherwise run far off the side of the panel)
  const rows = shape[shape.length - 2];
  const cols = shape[shape.length - 1];
  const count = shape.slice(0, -2).reduce((a, b) => a * b, 1);
  const slices = count <= 2 ? Array.from({ length: count }, (_, i) => i) : [0, null, count - 1];
  const parts = slices.map((s) => (s === null ? '\\cdots' : matrix(rows, cols, data, s * rows * cols)));
  return `\\left[ ${parts.join(',\\; ')} \\right]_{${shapeLabel(shape)}}`;
}

function matrix(rows: number, cols: number, data: ArrayLike<number>, offset: number, label?: readonly number[]): string {
  const rs = shown(rows);
  const cs = shown(cols);
  const lines = rs.map((i) =>
    cs
      .map((j) => {
        if (i === null) return j === null ? '\\ddots' : '\\vdots';
        if (j === null) return '\\cdots';
        return latexNumber(data[offset + i * cols + j]);
      })
      .join(' & '),
  );
  const m = `\\begin{bmatrix} ${lines.join(' \\\\ ')} \\end{bmatrix}`;
  return label ? `${m}_{${shapeLabel(label)}}` : m;
}
