// numpy's element formatting (arrayprint's FloatingFormat, IntegerFormat, BoolFormat) in its default
// 'maxprec' float mode, so a hover shows exactly the text `print(repr(a))` would. Pure: no vscode.

interface FloatOptions {
  /** digits after the point at most (numpy's `precision`, default 8) */
  precision: number;
  /** numpy's `suppress`: never switch to scientific notation for small numbers */
  suppress: boolean;
  /** float32 / float16 values print with their own shortest digits */
  single: boolean;
}

/** Shortest digits that read back to `x` (x finite, non-zero handled by callers): d.ddd × 10^exp. */
function shortest(x: number, single: boolean): { digits: string; exp: number } {
  const ax = Math.abs(x);
  let text = ax.toExponential();
  if (single) {
    // the shortest decimal that rounds back to the same float32 (numpy prints float32 this way)
    for (let p = 1; p <= 9; p++) {
      const t = ax.toExponential(p - 1);
      if (Math.fround(Number(t)) === Math.fround(ax)) {
        text = t;
        break;
      }
    }
  }
  const [mant, e] = text.split('e');
  const digits = mant.replace('.', '').replace(/0+$/, '') || '0';
  return { digits, exp: Number(e) };
}

const isNeg = (x: number): boolean => x < 0 || Object.is(x, -0);

/** dragon4_positional(x, precision, unique=True, fractional=True, trim='.') → "int.frac" */
function positional(x: number, precision: number, single: boolean): string {
  const sign = isNeg(x) ? '-' : '';
  if (x === 0) return `${sign}0.`;
  const { digits, exp } = shortest(x, single);
  const fracDigits = Math.max(0, digits.length - 1 - exp);
  let body: string;
  if (fracDigits <= precision) {
    if (exp >= 0) {
      const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
      body = `${intPart}.${digits.slice(exp + 1)}`;
    } else {
      body = `0.${'0'.repeat(-exp - 1)}${digits}`;
    }
  } else {
    // more digits than the precision allows: numpy rounds the exact binary value, as toFixed does
    body = Math.abs(x).toFixed(precision).replace(/0+$/, '');
  }
  return sign + body;
}

/** dragon4_scientific(x, precision, unique=True, trim='.') → mantissa and exponent parts */
function scientific(x: number, precision: number, single: boolean): { mant: string; exp: number } {
  const sign = isNeg(x) ? '-' : '';
  if (x === 0) return { mant: `${sign}0.`, exp: 0 };
  let { digits, exp } = shortest(x, single);
  if (digits.length - 1 > precision) {
    const [m, e] = Math.abs(x).toExponential(precision).split('e');
    digits = m.replace('.', '').replace(/0+$/, '') || '0';
    exp = Number(e);
  }
  return { mant: `${sign}${digits[0]}.${digits.slice(1)}`, exp };
}

/** The formatter numpy builds for one float array: every element padded to one width. */
export function floatFormatter(values: readonly number[], opts: FloatOptions): (x: number) => string {
  const finite = values.filter(Number.isFinite);
  const nonZero = finite.filter((v) => v !== 0).map(Math.abs);
  let expFormat = false;
  if (nonZero.length) {
    const max = Math.max(...nonZero);
    const min = Math.min(...nonZero);
    expFormat = max >= 1e8 || (!opts.suppress && (min < 0.0001 || max / min > 1000));
  }
  let padLeft = 0;
  let padRight = 0;
  let format: (x: number) => string;
  if (finite.length === 0) {
    format = () => '';
  } else if (expFormat) {
    const parts = finite.map((v) => scientific(v, opts.precision, opts.single));
    const fracLen = Math.max(...parts.map((p) => p.mant.split('.')[1].length));
    const expLen = Math.max(2, ...parts.map((p) => String(Math.abs(p.exp)).length));
    padLeft = Math.max(...parts.map((p) => p.mant.split('.')[0].length));
    padRight = expLen + 2 + fracLen;
    format = (x) => {
      const { mant, exp } = scientific(x, fracLen, opts.single);
      const [i, f] = mant.split('.');
      const e = `e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(expLen, '0')}`;
      return `${i.padStart(padLeft)}.${f.padEnd(fracLen, '0')}${e}`;
    };
  } else {
    const parts = finite.map((v) => positional(v, opts.precision, opts.single).split('.'));
    padLeft = Math.max(...parts.map((p) => p[0].length));
    padRight = Math.max(...parts.map((p) => p[1].length));
    format = (x) => {
      const [i, f] = positional(x, opts.precision, opts.single).split('.');
      return `${i.padStart(padLeft)}.${f.padEnd(padRight)}`;
    };
  }
  if (finite.length !== values.length) {
    // nan / inf are right-aligned within the same width
    const negInf = values.some((v) => v === -Infinity);
    padLeft = Math.max(padLeft, 3 - (padRight + 1), 3 + (negInf ? 1 : 0) - (padRight + 1));
  }
  return (x) => {
    if (Number.isNaN(x)) return 'nan'.padStart(padLeft + padRight + 1);
    if (!Number.isFinite(x)) return (x < 0 ? '-inf' : 'inf').padStart(padLeft + padRight + 1);
    return format(x);
  };
}

export function intFormatter(values: readonly number[]): (x: number) => string {
  const width = Math.max(0, ...values.map((v) => String(v).length));
  return (x) => String(x).padStart(width);
}

export function boolFormatter(zeroDim: boolean): (x: number) => string {
  // " True" keeps True and False the same width, except for a 0-d array
  return (x) => (x ? (zeroDim ? 'True' : ' True') : 'False');
}

/** Python's repr(float): shortest digits, scientific below 1e-4 or from 1e16 on. */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x < 0 ? '-inf' : 'inf';
  const sign = isNeg(x) ? '-' : '';
  if (x === 0) return `${sign}0.0`;
  const { digits, exp } = shortest(x, false);
  if (exp < -4 || exp >= 16) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const p = positional(x, 17, false);
  return p.endsWith('.') ? `${p}0` : p;
}

/** numpy 1.24's repr of a float32 / float16 scalar: shortest single digits, positional like str(). */
export function singleScalarRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x < 0 ? '-inf' : 'inf';
  const { exp } = x === 0 ? { exp: 0 } : shortest(x, true);
  if (x !== 0 && (exp < -4 || exp >= 16)) {
    const { mant, exp: e } = scientific(x, 17, true);
    return `${mant.endsWith('.') ? mant.slice(0, -1) : mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const p = positional(x, 17, true);
  return p.endsWith('.') ? `${p}0` : p;
}
