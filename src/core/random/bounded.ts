// numpy's bounded integers: draws of off + [0, rng] for every integer dtype width, by masked
// rejection (legacy RandomState) or Lemire's multiply-shift rejection (Generator), with numpy's
// buffering of 8/16-bit and bool draws inside one 32-bit word; plus `random_interval` (shuffles).
// Ranges that fit 32 bits stay in plain numbers; only ranges wider than 2^32 use BigInt.

import { type BitGen, TWO_32 } from './bitgen';

/** bits of the dtype: 1 stands for bool */
export type IntWidth = 1 | 8 | 16 | 32 | 64;

/** numpy's per-fill buffer of unused bits of the last 32-bit word (`bcnt`, `buf`). */
export class BitBuffer {
  count = 0;
  word = 0;
}

/** Smallest all-ones mask >= v for v < 2^32 (numpy's gen_mask). */
function mask32(v: number): number {
  let m = v >>> 0;
  m |= m >>> 1;
  m |= m >>> 2;
  m |= m >>> 4;
  m |= m >>> 8;
  m |= m >>> 16;
  return m >>> 0;
}

function mask64(v: bigint): bigint {
  let m = v;
  for (const s of [1n, 2n, 4n, 8n, 16n, 32n]) m |= m >> s;
  return m;
}

/** One `width`-bit word, buffered as numpy does: 16-bit halves and 8-bit quarters of a uint32. */
function drawNarrow(g: BitGen, width: 8 | 16 | 32, b: BitBuffer): number {
  if (width === 32) return g.nextUint32();
  if (b.count === 0) {
    b.word = g.nextUint32();
    b.count = width === 16 ? 1 : 3;
  } else {
    b.word >>>= width;
    b.count--;
  }
  return width === 16 ? b.word & 0xffff : b.word & 0xff;
}

/** high 32 bits of the 64-bit product of two uint32 (exact, via 16-bit halves) */
function mulHi32(x: number, y: number): number {
  const p = (x & 0xffff) * y;
  const q = (x >>> 16) * y;
  return Math.floor(q / 65536) + Math.floor(((q % 65536) * 65536 + p) / TWO_32);
}

/** A draw in [0, rng] for rng < 2^width - 1, rng > 0 (numpy's buffered_bounded_{masked,lemire}). */
function boundedNarrow(g: BitGen, rng: number, width: 8 | 16 | 32, masked: boolean, b: BitBuffer): number {
  if (masked) {
    const mask = mask32(rng);
    let v: number;
    do v = (drawNarrow(g, width, b) & mask) >>> 0;
    while (v > rng);
    return v;
  }
  const excl = rng + 1;
  if (width === 32) {
    let x = drawNarrow(g, 32, b);
    let leftover = Math.imul(x, excl) >>> 0;
    if (leftover < excl) {
      const threshold = (0xffffffff - rng) % excl;
      while (leftover < threshold) {
        x = drawNarrow(g, 32, b);
        leftover = Math.imul(x, excl) >>> 0;
      }
    }
    return mulHi32(x, excl);
  }
  const full = width === 16 ? 0xffff : 0xff;
  let m = drawNarrow(g, width, b) * excl;
  let leftover = m & full;
  if (leftover < excl) {
    const threshold = (full - rng) % excl;
    while (leftover < threshold) {
      m = drawNarrow(g, width, b) * excl;
      leftover = m & full;
    }
  }
  return Math.floor(m / (full + 1));
}

function nextU64Big(g: BitGen): bigint {
  const hi = g.nextUint64();
  return (BigInt(hi) << 32n) | BigInt(g.lo);
}

const U64_MAX = (1n << 64n) - 1n;

/** A draw in [0, rng] for 2^32 <= rng < 2^64 (numpy's bounded_{masked,lemire}_uint64). */
function bounded64(g: BitGen, rng: bigint, masked: boolean): bigint {
  if (rng === U64_MAX) return nextU64Big(g);
  if (masked) {
    const mask = mask64(rng);
    let v: bigint;
    do v = nextU64Big(g) & mask;
    while (v > rng);
    return v;
  }
  const excl = rng + 1n;
  let m = nextU64Big(g) * excl;
  let leftover = m & U64_MAX;
  if (leftover < excl) {
    const threshold = (U64_MAX - rng) % excl;
    while (leftover < threshold) {
      m = nextU64Big(g) * excl;
      leftover = m & U64_MAX;
    }
  }
  return m >> 64n;
}

/**
 * One draw of low + [0, high - low] (inclusive bounds, already checked low <= high) for a dtype of
 * `width` bits, as numpy's `random_buffered_bounded_*` / `random_bounded_uint64`. `b` carries the
 * buffered bits between draws of one fill (pass a fresh BitBuffer per numpy fill call).
 */
export function boundedDraw(
  g: BitGen, low: number, high: number, width: IntWidth, masked: boolean, b: BitBuffer,
): number {
  const span = high - low;
  if (span === 0) return low;
  if (width === 1) {
    if (b.count === 0) {
      b.word = g.nextUint32();
      b.count = 31;
    } else {
      b.word >>>= 1;
      b.count--;
    }
    return low + (b.word & 1);
  }
  if (Number.isSafeInteger(span) && span <= 0xffffffff) {
    const full = width >= 32 ? 0xffffffff : width === 16 ? 0xffff : 0xff;
    const w: 8 | 16 | 32 = width === 8 || width === 16 ? width : 32;
    if (span === full) return low + drawNarrow(g, w, b);
    return low + boundedNarrow(g, span, w, masked, b);
  }
  const rng = BigInt(high) - BigInt(low);
  if (rng <= 0xffffffffn) {
    // a span that only looked wide because of float rounding of the bounds
    const s = Number(rng);
    return Number(BigInt(low) + BigInt(s === 0xffffffff ? g.nextUint32() : boundedNarrow(g, s, 32, masked, b)));
  }
  return Number(BigInt(low) + bounded64(g, rng, masked));
}

/** numpy's `random_interval(max)`: masked rejection in [0, max], used by the shuffles. */
export function randomInterval(g: BitGen, max: number): number {
  if (max === 0) return 0;
  if (max <= 0xffffffff) {
    const mask = mask32(max);
    let v: number;
    do v = (g.nextUint32() & mask) >>> 0;
    while (v > max);
    return v;
  }
  return Number(bounded64(g, BigInt(max), true));
}
