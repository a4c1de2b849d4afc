// MT19937 as numpy's legacy RandomState runs it: the reference Mersenne Twister with numpy's
// int seeding (init_genrand) and array seeding (init_by_array), its 53-bit double, and the
// 64-bit word numpy builds from two 32-bit draws (first draw = high word).

import { type BitGen, TWO_M53 } from './bitgen';

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;

/** (a * b) mod 2^32 for uint32 operands, as C's uint32_t multiplication. */
const mul32 = (a: number, b: number): number => Math.imul(a, b) >>> 0;

export class MT19937 implements BitGen {
  lo = 0;
  private constructor(
    readonly key: Uint32Array,
    public pos: number,
  ) {}

  /** numpy's `mt19937_seed` (reference init_genrand) for a seed in [0, 2^32). */
  static fromSeed(seed: number): MT19937 {
    const key = new Uint32Array(N);
    let s = seed >>> 0;
    for (let i = 0; i < N; i++) {
      key[i] = s;
      s = (mul32(1812433253, (s ^ (s >>> 30)) >>> 0) + i + 1) >>> 0;
    }
    return new MT19937(key, N);
  }

  /** numpy's `mt19937_init_by_array` (reference init_by_array) for seeds given as a 1-d array. */
  static fromArray(initKey: readonly number[]): MT19937 {
    const g = MT19937.fromSeed(19650218);
    const mt = g.key;
    const len = initKey.length;
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, len); k > 0; k--) {
      const prev = (mt[i - 1] ^ (mt[i - 1] >>> 30)) >>> 0;
      mt[i] = (((mt[i] ^ mul32(prev, 1664525)) >>> 0) + (initKey[j] >>> 0) + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = (mt[i - 1] ^ (mt[i - 1] >>> 30)) >>> 0;
      mt[i] = (((mt[i] ^ mul32(prev, 1566083941)) >>> 0) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    g.pos = N;
    return g;
  }

  /** Regenerate the 624 words (numpy's `mt19937_gen`). */
  private twist(): void {
    const k = this.key;
    let i = 0;
    let y: number;
    for (; i < N - M; i++) {
      y = (k[i] & UPPER) | (k[i + 1] & LOWER);
      k[i] = k[i + M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; i < N - 1; i++) {
      y = (k[i] & UPPER) | (k[i + 1] & LOWER);
      k[i] = k[i + M - N] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    y = (k[N - 1] & UPPER) | (k[0] & LOWER);
    k[N - 1] = k[M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.pos = 0;
  }

  nextUint32(): number {
    if (this.pos === N) this.twist();
    let y = this.key[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  nextUint64(): number {
    const hi = this.nextUint32();
    this.lo = this.nextUint32();
    return hi;
  }

  /** numpy's `mt19937_next_double`: 27 + 26 bits of two draws. */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) * TWO_M53;
  }

  clone(): MT19937 {
    return new MT19937(this.key.slice(), this.pos);
  }
}
