// numpy's 256-layer ziggurat for Generator.standard_normal: the ki/wi/fi tables rebuilt at load
// time by numpy's own construction (Marsaglia–Tsang layers of equal area Vr under exp(-x²/2),
// base layer ending at r), then the sampler with its exponential-tail fallback.
// numpy ships the tables as constants computed once on some platform's libm; rebuilding them with
// correctly rounded exp/log lands within a few ulps of those constants (see the golden tests).

import type { BitGen } from './bitgen';
import { expCR, logCR } from './ddmath';

/** numpy's ziggurat_nor_r, the right edge of the base layer, and its inverse. */
export const ZIGGURAT_NOR_R = 3.6541528853610087963519472518;
const ZIGGURAT_NOR_INV_R = 0.27366123732975827203338247596;
/** area of each of the 256 layers (numpy's construction constant) */
const LAYER_AREA = 0.0049286732339746519;
const LEVELS = 256;
const SCALE = 2 ** 52;

interface ZigguratTables {
  /** acceptance thresholds on the 52-bit mantissa draw (exact integers < 2^52) */
  ki: Float64Array;
  /** layer widths divided by 2^52 */
  wi: Float64Array;
  /** density exp(-x²/2) at each layer edge */
  fi: Float64Array;
}

/** the unnormalised density, correctly rounded as the libm numpy's tables came from */
/** numpy's np.round: halves to even (products near 2^52 often end in .5) */
function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  if (d !== 0.5) return Math.round(v);
  return f % 2 === 0 ? f : f + 1;
}

const pdf = (x: number): number => expCR(-0.5 * x * x);

function build(): ZigguratTables {
  // Layer edges from the base up: each next edge leaves area Vr in the layer below it.
  const up = new Float64Array(LEVELS);
  up[0] = ZIGGURAT_NOR_R;
  for (let i = 1; i < LEVELS - 1; i++) {
    up[i] = Math.sqrt(-2 * logCR(pdf(up[i - 1]) + LAYER_AREA / up[i - 1]));
  }
  // numpy indexes from the top layer (edge 0) down to the base (edge r)
  const x = up.reverse();
  const ki = new Float64Array(LEVELS);
  const wi = new Float64Array(LEVELS);
  const fi = new Float64Array(LEVELS);
  for (let i = 1; i < LEVELS; i++) ki[i] = roundHalfEven((x[i - 1] / x[i]) * SCALE);
  ki[0] = roundHalfEven(((ZIGGURAT_NOR_R * pdf(ZIGGURAT_NOR_R)) / LAYER_AREA) * SCALE);
  for (let i = 0; i < LEVELS; i++) {
    wi[i] = x[i] / SCALE;
    fi[i] = pdf(x[i]);
  }
  // the base layer is a rectangle plus the tail: its pseudo-width is area / height
  wi[0] = LAYER_AREA / pdf(ZIGGURAT_NOR_R) / SCALE;
  return { ki, wi, fi };
}

export const ZIGGURAT: ZigguratTables = build();

/** numpy's `random_standard_normal`: one 64-bit draw gives layer (8 bits), sign (1), mantissa (52). */
export function standardNormal(g: BitGen): number {
  const { ki, wi, fi } = ZIGGURAT;
  for (;;) {
    const hi = g.nextUint64();
    const lo = g.lo;
    const idx = lo & 0xff;
    const sign = (lo >>> 8) & 1;
    // bits 9..60 of the 64-bit word: exact in a double
    const rabs = (hi & 0x1fffffff) * 8388608 + (lo >>> 9);
    let x = rabs * wi[idx];
    if (sign) x = -x;
    if (rabs < ki[idx]) return x;
    if (idx === 0) {
      // the tail beyond r, sampled from an exponential bound (1 - U avoids log(0))
      for (;;) {
        const xx = -ZIGGURAT_NOR_INV_R * Math.log1p(-g.nextDouble());
        const yy = -Math.log1p(-g.nextDouble());
        if (yy + yy > xx * xx) {
          // bit 8 of the mantissa draw (bit 17 of the word) gives the tail's sign
          return (lo >>> 17) & 1 ? -(ZIGGURAT_NOR_R + xx) : ZIGGURAT_NOR_R + xx;
        }
      }
    }
    if ((fi[idx - 1] - fi[idx]) * g.nextDouble() + fi[idx] < Math.exp(-0.5 * x * x)) return x;
  }
}
