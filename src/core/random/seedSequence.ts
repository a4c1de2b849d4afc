// numpy's SeedSequence for `default_rng(seed)`: the entropy is turned into uint32 words, hashed
// into a pool of 4 words (empty spawn key), and the pool is expanded into the words PCG64 seeds
// from. Constants and mixing order are numpy's (bit_generator.pyx); arithmetic is mod 2^32.

const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;
const XSHIFT = 16;
const POOL_SIZE = 4;

/**
 * numpy's `_coerce_to_uint32_array` for a non-negative integer (least significant word first;
 * 0 gives one zero word) or a sequence of them (concatenated). Throws RangeError on negatives.
 */
export function entropyWords(entropy: number | bigint | readonly (number | bigint)[]): number[] {
  if (typeof entropy === 'number' || typeof entropy === 'bigint') {
    let n = BigInt(entropy);
    if (n < 0n) throw new RangeError('expected non-negative integer');
    if (n === 0n) return [0];
    const out: number[] = [];
    while (n > 0n) {
      out.push(Number(n & 0xffffffffn));
      n >>= 32n;
    }
    return out;
  }
  return entropy.flatMap((e) => entropyWords(e));
}

/** The pool of `SeedSequence(entropy)` with an empty spawn key. */
export function seedSequencePool(words: readonly number[]): Uint32Array {
  const pool = new Uint32Array(POOL_SIZE);
  let hashConst = INIT_A;
  const hashmix = (value: number): number => {
    let v = (value ^ hashConst) >>> 0;
    hashConst = Math.imul(hashConst, MULT_A) >>> 0;
    v = Math.imul(v, hashConst) >>> 0;
    return (v ^ (v >>> XSHIFT)) >>> 0;
  };
  const mix = (x: number, y: number): number => {
    const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
    return (r ^ (r >>> XSHIFT)) >>> 0;
  };
  for (let i = 0; i < POOL_SIZE; i++) pool[i] = hashmix(i < words.length ? words[i] : 0);
  // every word influences every other, so late entropy words affect early pool words
  for (let src = 0; src < POOL_SIZE; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) {
      if (src !== dst) pool[dst] = mix(pool[dst], hashmix(pool[src]));
    }
  }
  for (let src = POOL_SIZE; src < words.length; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) pool[dst] = mix(pool[dst], hashmix(words[src]));
  }
  return pool;
}

/** `SeedSequence.generate_state(nWords, uint32)`: the pool cycled through numpy's output hash. */
export function generateState(pool: Uint32Array, nWords: number): number[] {
  let hashConst = INIT_B;
  const out: number[] = [];
  for (let i = 0; i < nWords; i++) {
    let v = (pool[i % pool.length] ^ hashConst) >>> 0;
    hashConst = Math.imul(hashConst, MULT_B) >>> 0;
    v = Math.imul(v, hashConst) >>> 0;
    out.push((v ^ (v >>> XSHIFT)) >>> 0);
  }
  return out;
}
