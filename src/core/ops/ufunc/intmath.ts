// Scalar kernels with numpy's exact semantics where they differ from JavaScript's operators:
// Python-style floor division and modulo (ints: x // 0 == 0; floats: npy_divmod), integer powers,
// C pow's special cases, and 64-bit bitwise operations.

import { floatDivmod } from '../../builtins/pynum';

/** numpy's integer floor division: rounds toward -inf; division by zero gives 0 (with a warning). */
export function floorDivInt(a: number, b: number): number {
  if (b === 0) return 0;
  let q = Math.floor(a / b);
  // a / b is rounded in double; correct the quotient so that a - q*b has b's sign (exact below 2^53)
  const r = a - q * b;
  if (b > 0 ? r < 0 : r > 0) q -= 1;
  else if (b > 0 ? r >= b : r <= b) q += 1;
  return q;
}

/** numpy's integer remainder: the sign of the divisor; x % 0 == 0. */
export function modInt(a: number, b: number): number {
  if (b === 0) return 0;
  let r = a % b;
  if (r !== 0 && r < 0 !== b < 0) r += b;
  return r;
}

/** npy_divmod for floats: returns [floordiv, mod] exactly as numpy computes them. */
export function divmodFloat(a: number, b: number): [number, number] {
  // numpy's only departure from Python's float divmod: x / 0 gives inf or nan instead of raising
  if (b === 0) return [a / b, a % b];
  return floatDivmod(a, b);
}

export function modFloat(a: number, b: number): number {
  if (b === 0) return a % b; // NaN, as numpy (fmod)
  return divmodFloat(a, b)[1];
}

/** C's pow: differs from Math.pow where IEEE/C99 define 1^y = 1 and (-1)^±inf = 1. */
export function powFloat(x: number, y: number): number {
  if (x === 1) return 1;
  if (x === -1 && (y === Infinity || y === -Infinity)) return 1;
  return Math.pow(x, y);
}

/** Integer power by squaring, wrapped to `bits` like C (exponent ≥ 0, checked by the caller). */
export function powInt(x: number, y: number, bits: number, signed: boolean): number {
  const mod = BigInt(2) ** BigInt(bits);
  let base = BigInt(Math.trunc(x));
  let e = Math.trunc(y);
  let acc = BigInt(1);
  while (e > 0) {
    if (e & 1) acc = (acc * base) % mod;
    base = (base * base) % mod;
    e = Math.floor(e / 2);
  }
  let r = ((acc % mod) + mod) % mod;
  if (signed && r >= mod / BigInt(2)) r -= mod;
  return Number(r);
}

const I32_MIN = -(2 ** 31);
const I32_MAX = 2 ** 31 - 1;
const fits32 = (x: number) => x >= I32_MIN && x <= I32_MAX;

/** Bitwise and/or/xor on 64-bit two's complement values (JavaScript's operators are 32-bit). */
export function bitwise(op: 'and' | 'or' | 'xor', a: number, b: number): number {
  if (fits32(a) && fits32(b)) return op === 'and' ? a & b : op === 'or' ? a | b : a ^ b;
  const x = BigInt.asIntN(64, BigInt(a));
  const y = BigInt.asIntN(64, BigInt(b));
  const r = op === 'and' ? x & y : op === 'or' ? x | y : x ^ y;
  return Number(BigInt.asIntN(64, r));
}
