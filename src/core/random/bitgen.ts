// The bit-generator interface shared by numpy's two engines (MT19937 for the legacy RandomState,
// PCG64 for Generator): raw 32/64-bit words and the 53-bit double each engine derives from them.
// 64-bit words travel as two uint32 halves so the hot paths never allocate or touch BigInt.

export interface BitGen {
  /** next uint32 exactly as numpy's `next_uint32` for this engine */
  nextUint32(): number;
  /** next uint64 as numpy's `next_uint64`: returns the high word, leaves the low word in `lo` */
  nextUint64(): number;
  /** low word of the last `nextUint64()` */
  lo: number;
  /** next double in [0, 1) exactly as numpy's `next_double` for this engine */
  nextDouble(): number;
  clone(): BitGen;
}

/** 2^-53 and 2^-32, exact powers of two used to assemble doubles from words. */
export const TWO_M53 = 1 / 9007199254740992;
export const TWO_32 = 4294967296;
