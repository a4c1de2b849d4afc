// PCG64 as numpy's Generator runs it: a 128-bit LCG (numpy's default multiplier) with the
// XSL-RR 128→64 output, numpy's 32-bit half-word buffer, and the seeding from SeedSequence.
// 128-bit arithmetic uses eight 16-bit limbs held in doubles: every partial sum stays exact.

import { type BitGen, TWO_M53 } from './bitgen';

/** numpy's PCG_DEFAULT_MULTIPLIER_128 = 0x2360ED051FC65DA4_4385DF649FCCF645, low limb first. */
const MULT = limbsFromWords([0x9fccf645, 0x4385df64, 0x1fc65da4, 0x2360ed05]);
const [M0, M1, M2, M3, M4, M5, M6, M7] = MULT;

/** 16-bit limbs (lowest first) of a 128-bit number given as four uint32 words (lowest first). */
function limbsFromWords(w: readonly number[]): Float64Array {
  const l = new Float64Array(8);
  for (let i = 0; i < 4; i++) {
    l[2 * i] = w[i] & 0xffff;
    l[2 * i + 1] = w[i] >>> 16;
  }
  return l;
}

/**
 * state ← state · MULT + inc (mod 2^128), in place. Unrolled: each column sum of 16×16-bit
 * products stays below 2^36, exact in a double; carries are taken by exact division by 2^16.
 */
function lcgStep(s: Float64Array, inc: Float64Array): void {
  const s0 = s[0], s1 = s[1], s2 = s[2], s3 = s[3], s4 = s[4], s5 = s[5], s6 = s[6], s7 = s[7];
  let v = s0 * M0 + inc[0];
  let c = Math.floor(v / 65536);
  s[0] = v - c * 65536;
  v = s0 * M1 + s1 * M0 + inc[1] + c;
  c = Math.floor(v / 65536);
  s[1] = v - c * 65536;
  v = s0 * M2 + s1 * M1 + s2 * M0 + inc[2] + c;
  c = Math.floor(v / 65536);
  s[2] = v - c * 65536;
  v = s0 * M3 + s1 * M2 + s2 * M1 + s3 * M0 + inc[3] + c;
  c = Math.floor(v / 65536);
  s[3] = v - c * 65536;
  v = s0 * M4 + s1 * M3 + s2 * M2 + s3 * M1 + s4 * M0 + inc[4] + c;
  c = Math.floor(v / 65536);
  s[4] = v - c * 65536;
  v = s0 * M5 + s1 * M4 + s2 * M3 + s3 * M2 + s4 * M1 + s5 * M0 + inc[5] + c;
  c = Math.floor(v / 65536);
  s[5] = v - c * 65536;
  v = s0 * M6 + s1 * M5 + s2 * M4 + s3 * M3 + s4 * M2 + s5 * M1 + s6 * M0 + inc[6] + c;
  c = Math.floor(v / 65536);
  s[6] = v - c * 65536;
  v = s0 * M7 + s1 * M6 + s2 * M5 + s3 * M4 + s4 * M3 + s5 * M2 + s6 * M1 + s7 * M0 + inc[7] + c;
  s[7] = v % 65536;
}

/** a ← a + b (mod 2^128), in place. */
function add128(a: Float64Array, b: Float64Array): void {
  let carry = 0;
  for (let k = 0; k < 8; k++) {
    const v = a[k] + b[k] + carry;
    carry = v >= 65536 ? 1 : 0;
    a[k] = v - carry * 65536;
  }
}

export class PCG64 implements BitGen {
  lo = 0;
  private constructor(
    /** 128-bit LCG state, 16-bit limbs, lowest first */
    readonly state: Float64Array,
    /** 128-bit increment (odd), same layout */
    readonly inc: Float64Array,
    /** numpy's `has_uint32` / `uinteger`: the spare high half of the last 64-bit draw */
    public hasUint32: boolean,
    public uinteger: number,
  ) {}

  /**
   * numpy's `pcg64_set_seed` from the eight uint32 words of `SeedSequence.generate_state(4,
   * uint64)`: words 0–3 give the initial state, 4–7 the stream; each uint64 is little-endian and
   * the first of each pair is the HIGH 64 bits of the 128-bit constant.
   */
  static fromSeedWords(w: readonly number[]): PCG64 {
    const initState = limbsFromWords([w[2], w[3], w[0], w[1]]);
    const initSeq = limbsFromWords([w[6], w[7], w[4], w[5]]);
    // inc = (initseq << 1) | 1
    const inc = new Float64Array(8);
    let carry = 1;
    for (let k = 0; k < 8; k++) {
      const v = initSeq[k] * 2 + carry;
      carry = v >= 65536 ? 1 : 0;
      inc[k] = v - carry * 65536;
    }
    const g = new PCG64(new Float64Array(8), inc, false, 0);
    lcgStep(g.state, inc);
    add128(g.state, initState);
    lcgStep(g.state, inc);
    return g;
  }

  /** Advance, then XSL-RR of the new state (numpy's `pcg64_random_r`). */
  nextUint64(): number {
    const s = this.state;
    lcgStep(s, this.inc);
    const s0 = s[0] + s[1] * 65536;
    const s1 = s[2] + s[3] * 65536;
    const s2 = s[4] + s[5] * 65536;
    const s3 = s[6] + s[7] * 65536;
    const xh = (s3 ^ s1) >>> 0;
    const xl = (s2 ^ s0) >>> 0;
    const rot = s3 >>> 26;
    let hi: number;
    let lo: number;
    if (rot === 0) {
      hi = xh;
      lo = xl;
    } else if (rot < 32) {
      hi = ((xh >>> rot) | (xl << (32 - rot))) >>> 0;
      lo = ((xl >>> rot) | (xh << (32 - rot))) >>> 0;
    } else if (rot === 32) {
      hi = xl;
      lo = xh;
    } else {
      const r = rot - 32;
      hi = ((xl >>> r) | (xh << (32 - r))) >>> 0;
      lo = ((xh >>> r) | (xl << (32 - r))) >>> 0;
    }
    this.lo = lo;
    return hi;
  }

  /** numpy's `pcg64_next32`: low half first, the high half kept for the next call. */
  nextUint32(): number {
    if (this.hasUint32) {
      this.hasUint32 = false;
      return this.uinteger;
    }
    this.uinteger = this.nextUint64();
    this.hasUint32 = true;
    return this.lo;
  }

  /** numpy's `pcg64_next_double`: the top 53 bits of a 64-bit draw. */
  nextDouble(): number {
    const hi = this.nextUint64();
    return (hi * 2097152 + (this.lo >>> 11)) * TWO_M53;
  }

  clone(): PCG64 {
    return new PCG64(this.state.slice(), this.inc.slice(), this.hasUint32, this.uinteger);
  }
}
