// exp and log rounded correctly to the nearest double, via double-double arithmetic (~106 bits).
// The ziggurat tables are rebuilt from exp/log chains whose last-ulp errors compound; numpy's
// tables came from a libm that is (like glibc's) correctly rounded in practice, while the JS
// engine's Math.exp/log are not, so the construction uses these. Speed is irrelevant (256 calls).

type DD = [number, number];

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

function split(a: number): DD {
  const c = 134217729 * a;
  const hi = c - (c - a);
  return [hi, a - hi];
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function add(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  return quickTwoSum(s, e + a[1] + b[1]);
}

function mul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return quickTwoSum(p, e + a[0] * b[1] + a[1] * b[0]);
}

function divSmall(a: DD, n: number): DD {
  const q1 = a[0] / n;
  const [p, e] = twoProd(q1, n);
  const q2 = (a[0] - p - e + a[1]) / n;
  return quickTwoSum(q1, q2);
}

const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];

/** e^x as a double-double (|x| < 700). */
function expDD(x: number): DD {
  const k = Math.round(x / LN2[0]);
  // r = x - k·ln2, exact enough in double-double
  const r = add([x, 0], mul([-k, 0], LN2));
  // Taylor series by Horner: 1 + r(1 + r/2(1 + r/3(…))), |r| ≤ 0.35 so 27 terms reach 1e-32
  let t: DD = [1, 0];
  for (let n = 27; n >= 1; n--) t = add([1, 0], divSmall(mul(r, t), n));
  const scale = 2 ** k;
  return [t[0] * scale, t[1] * scale];
}

/** exp(x) correctly rounded (x a double). */
export function expCR(x: number): number {
  const [hi, lo] = expDD(x);
  return hi + lo;
}

/** log(y) correctly rounded, y > 0: one Newton step in double-double from Math.log. */
export function logCR(y: number): number {
  const x0 = Math.log(y);
  // y·e^(−x0) − 1 is tiny; log(y) = x0 + log1p(t) ≈ x0 + t − t²/2
  const t = add(mul(expDD(-x0), [y, 0]), [-1, 0]);
  const corr = t[0] - (t[0] * t[0]) / 2 + t[1];
  const [s, e] = twoSum(x0, corr);
  return s + e;
}
