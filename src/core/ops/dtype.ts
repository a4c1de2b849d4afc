// numpy 1.24 dtype rules: kinds, safe casting, promote_types, result_type with the legacy
// value-based casting of Python/numpy scalars (numpy 1.24 is our oracle), conversions of doubles
// into each dtype (int wrap-around, float32/float16 rounding), and the `dtype=` argument.

import { NumpyError } from '../diagnostics';
import type { DType, Value } from '../values';

export type Kind = 'b' | 'u' | 'i' | 'f';

interface Info { kind: Kind; bits: number; char: string }

const INFO: Record<DType, Info> = {
  bool: { kind: 'b', bits: 8, char: '?' },
  int8: { kind: 'i', bits: 8, char: 'b' },
  int16: { kind: 'i', bits: 16, char: 'h' },
  int32: { kind: 'i', bits: 32, char: 'i' },
  int64: { kind: 'i', bits: 64, char: 'l' },
  uint8: { kind: 'u', bits: 8, char: 'B' },
  uint16: { kind: 'u', bits: 16, char: 'H' },
  uint32: { kind: 'u', bits: 32, char: 'I' },
  uint64: { kind: 'u', bits: 64, char: 'L' },
  float16: { kind: 'f', bits: 16, char: 'e' },
  float32: { kind: 'f', bits: 32, char: 'f' },
  float64: { kind: 'f', bits: 64, char: 'd' },
};

export const ALL_DTYPES = Object.keys(INFO) as DType[];

const BY_CHAR = new Map<string, DType>(ALL_DTYPES.map((d) => [INFO[d].char, d]));
BY_CHAR.set('q', 'int64');
BY_CHAR.set('Q', 'uint64');

export function kindOf(dt: DType): Kind {
  return INFO[dt].kind;
}
export function bitsOf(dt: DType): number {
  return INFO[dt].bits;
}
/** numpy's itemsize in bytes */
export function itemsize(dt: DType): number {
  return INFO[dt].bits / 8;
}
export function fromTypeChar(c: string): DType | undefined {
  return BY_CHAR.get(c);
}
export const isFloat = (dt: DType | null): boolean => dt !== null && INFO[dt].kind === 'f';
/** signed or unsigned integer (not bool) */
export const isInt = (dt: DType | null): boolean => dt !== null && (INFO[dt].kind === 'i' || INFO[dt].kind === 'u');
export const isBool = (dt: DType | null): boolean => dt === 'bool';
export const isUnsigned = (dt: DType | null): boolean => dt !== null && INFO[dt].kind === 'u';

function intOf(kind: 'i' | 'u', bits: number): DType {
  return `${kind === 'i' ? 'int' : 'uint'}${bits}` as DType;
}

/** The smallest float that holds every value of an integer type safely (numpy's safe-cast table). */
function floatForInt(bits: number): number {
  return bits <= 8 ? 16 : bits <= 16 ? 32 : 64;
}

/** np.can_cast(from, to, 'safe') */
export function canCastSafe(from: DType, to: DType): boolean {
  if (from === to) return true;
  const a = INFO[from];
  const b = INFO[to];
  if (a.kind === 'b') return true;
  if (b.kind === 'b') return false;
  if (a.kind === 'f') return b.kind === 'f' && b.bits >= a.bits;
  if (b.kind === 'f') return b.bits >= floatForInt(a.bits);
  if (a.kind === b.kind) return b.bits >= a.bits;
  if (a.kind === 'u') return b.bits > a.bits; // uint → wider int only
  return false; // int → uint is never safe
}

/** np.promote_types(a, b) */
export function promoteTypes(a: DType, b: DType): DType {
  if (canCastSafe(a, b)) return b;
  if (canCastSafe(b, a)) return a;
  const A = INFO[a];
  const B = INFO[b];
  if (A.kind === 'f' || B.kind === 'f') {
    const fa = A.kind === 'f' ? A.bits : floatForInt(A.bits);
    const fb = B.kind === 'f' ? B.bits : floatForInt(B.bits);
    return `float${Math.max(fa, fb)}` as DType;
  }
  // one signed and one unsigned integer: a signed type wider than the unsigned one, else float64
  const u = A.kind === 'u' ? A : B;
  const s = A.kind === 'u' ? B : A;
  const need = Math.max(s.bits, u.bits * 2);
  return need <= 64 ? intOf('i', need) : 'float64';
}

/** An operand as numpy's type resolution sees it: its dtype, whether it is a scalar (0-d), its value. */
export interface DtOperand {
  dtype: DType;
  /** Python scalar or 0-d array: takes part in 1.24's value-based casting */
  scalar: boolean;
  /** the scalar's value when known (unknown scalars are assumed small, the optimistic reading) */
  value?: number;
}

/** The dtype numpy gives a Python scalar (int → int64, float → float64, bool → bool). */
export function operandOf(v: Value): DtOperand | null {
  switch (v.kind) {
    case 'int':
      return { dtype: 'int64', scalar: true, value: v.value };
    case 'float':
      return { dtype: 'float64', scalar: true, value: v.value };
    case 'bool':
      return { dtype: 'bool', scalar: true, value: v.value === undefined ? undefined : v.value ? 1 : 0 };
    case 'array': {
      if (v.dtype === null) return null;
      const scalar = v.shape !== null && v.shape.length === 0;
      return { dtype: v.dtype, scalar, value: scalar && v.data ? v.data[0] : undefined };
    }
    default:
      return null;
  }
}

const KIND_ORDER: Record<Kind, number> = { b: 0, u: 1, i: 1, f: 2 };

/** numpy 1.24 `should_use_min_scalar`: scalars matter by value only if arrays are of an equal or higher kind. */
export function useMinScalar(ops: readonly DtOperand[]): boolean {
  if (ops.length < 2) return false;
  let maxArr = -1;
  let maxSc = -1;
  for (const o of ops) {
    const k = KIND_ORDER[INFO[o.dtype].kind];
    if (o.scalar) maxSc = Math.max(maxSc, k);
    else maxArr = Math.max(maxArr, k);
  }
  return maxArr >= 0 && maxArr >= maxSc;
}

/** np.min_scalar_type, plus numpy's "small unsigned" flag (a positive int that also fits the signed type). */
export function minScalarType(o: DtOperand): { dtype: DType; smallUnsigned: boolean } {
  const k = INFO[o.dtype].kind;
  const x = o.value ?? 0;
  if (k === 'b') return { dtype: 'bool', smallUnsigned: false };
  if (k === 'f') {
    if (!Number.isFinite(x)) return { dtype: 'float16', smallUnsigned: false };
    const ax = Math.abs(x);
    const dt: DType = ax <= 65504 ? 'float16' : ax <= 3.4028234663852886e38 ? 'float32' : o.dtype === 'float16' ? 'float16' : 'float64';
    // never widen past the scalar's own type
    return { dtype: bitsOf(dt) > INFO[o.dtype].bits ? o.dtype : dt, smallUnsigned: false };
  }
  if (x >= 0) {
    for (const bits of [8, 16, 32, 64]) {
      if (x < 2 ** bits) return { dtype: intOf('u', bits), smallUnsigned: x < 2 ** (bits - 1) };
    }
    return { dtype: 'uint64', smallUnsigned: false };
  }
  for (const bits of [8, 16, 32, 64]) if (x >= -(2 ** (bits - 1))) return { dtype: intOf('i', bits), smallUnsigned: false };
  return { dtype: 'int64', smallUnsigned: false };
}

/** The dtype an operand contributes to promotion, given whether value-based casting applies. */
function effective(o: DtOperand, minScalar: boolean): { dtype: DType; smallUnsigned: boolean } {
  return minScalar && o.scalar ? minScalarType(o) : { dtype: o.dtype, smallUnsigned: false };
}

function signedTwin(dt: DType): DType {
  return intOf('i', INFO[dt].bits);
}

/** promote_types with numpy's handling of small unsigned scalars meeting signed types. */
function promoteFlagged(a: { dtype: DType; smallUnsigned: boolean }, b: { dtype: DType; smallUnsigned: boolean }) {
  let x = a.dtype;
  let y = b.dtype;
  if (a.smallUnsigned !== b.smallUnsigned) {
    if (a.smallUnsigned && INFO[y].kind === 'i') x = signedTwin(x);
    if (b.smallUnsigned && INFO[x].kind === 'i') y = signedTwin(y);
  }
  return { dtype: promoteTypes(x, y), smallUnsigned: a.smallUnsigned && b.smallUnsigned };
}

/** np.result_type over operands (legacy 1.24 value-based rules). */
export function resultType(ops: readonly DtOperand[]): DType {
  const ms = useMinScalar(ops);
  let acc = effective(ops[0], ms);
  for (let i = 1; i < ops.length; i++) acc = promoteFlagged(acc, effective(ops[i], ms));
  return acc.dtype;
}

/** Can this operand be cast to `to` under 'safe' casting, counting its value when value-based casting applies? */
export function canCastOperand(o: DtOperand, to: DType, minScalar: boolean): boolean {
  if (!(minScalar && o.scalar)) return canCastSafe(o.dtype, to);
  const m = minScalarType(o);
  if (canCastSafe(m.dtype, to)) return true;
  return m.smallUnsigned && INFO[to].kind === 'i' && canCastSafe(signedTwin(m.dtype), to);
}

// ---- conversions of a double into a dtype's value set ----

/** Round a double to the nearest IEEE half (ties to even), as numpy's float16 stores it. */
export function fround16(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const ax = Math.abs(x);
  if (ax >= 65520) return x > 0 ? Infinity : -Infinity;
  // spacing of halves near ax: 2^(e-10) for normals (e ≥ -14), 2^-24 for subnormals
  let e = Math.floor(Math.log2(ax));
  if (2 ** e > ax) e--; // log2 may round up just below a power of two
  else if (2 ** (e + 1) <= ax) e++;
  const ulp = 2 ** (Math.max(e, -14) - 10);
  const q = ax / ulp;
  let r = Math.round(q);
  if (r - q === 0.5 && r % 2 === 1) r -= 1; // ties to even (Math.round rounds ties up)
  const y = r * ulp;
  return x < 0 ? -y : y;
}

function wrapInt(x: number, bits: number, signed: boolean): number {
  const m = 2 ** bits;
  let r = x % m;
  if (r < 0) r += m;
  if (signed && r >= m / 2) r -= m;
  return r;
}

/**
 * numpy's conversion of a double into `dt` (astype / assignment / a loop's output): floats are
 * rounded to their precision; ints truncate toward zero and wrap around like C; NaN and ±inf
 * into an int give INT_MIN (what x86 produces for int32/int64); bool is x != 0.
 */
export function castScalar(x: number, dt: DType): number {
  const info = INFO[dt];
  switch (info.kind) {
    case 'f':
      return info.bits === 64 ? x : info.bits === 32 ? Math.fround(x) : fround16(x);
    case 'b':
      return x !== 0 ? 1 : 0; // NaN !== 0 → True, as numpy
    default: {
      if (!Number.isFinite(x)) return info.bits >= 32 ? (info.kind === 'i' ? -(2 ** (info.bits - 1)) : 0) : 0;
      const t = Math.trunc(x);
      if (info.bits === 64) return info.kind === 'u' && t < 0 ? t + 2 ** 64 : t;
      return wrapInt(t, info.bits, info.kind === 'i');
    }
  }
}

/** Cast every element in place; returns the same array. */
export function castData(data: Float64Array, dt: DType): Float64Array {
  if (dt === 'float64') return data;
  for (let i = 0; i < data.length; i++) data[i] = castScalar(data[i], dt);
  return data;
}

// ---- the dtype= argument ----

const NAMES: Record<string, DType> = {
  float: 'float64', int: 'int64', bool: 'bool',
  float64: 'float64', float32: 'float32', float16: 'float16', double: 'float64', single: 'float32',
  half: 'float16', float_: 'float64', longlong: 'int64', int_: 'int64', intc: 'int32', intp: 'int64',
  int64: 'int64', int32: 'int32', int16: 'int16', int8: 'int8', short: 'int16', byte: 'int8',
  uint64: 'uint64', uint32: 'uint32', uint16: 'uint16', uint8: 'uint8', ubyte: 'uint8', uint: 'uint64',
  bool_: 'bool', bool8: 'bool',
  f8: 'float64', f4: 'float32', f2: 'float16', d: 'float64', f: 'float32', e: 'float16',
  i8: 'int64', i4: 'int32', i2: 'int16', i1: 'int8', l: 'int64', i: 'int32', h: 'int16', b: 'int8',
  u8: 'uint64', u4: 'uint32', u2: 'uint16', u1: 'uint8', B: 'uint8', '?': 'bool', b1: 'bool',
};

/** A dtype name in any of numpy's spellings ('float32', 'f4', '<f8', 'np.float32', 'numpy.int64'). */
export function dtypeFromName(name: string): DType | undefined {
  const bare = name.replace(/^(np|numpy)\./, '').replace(/^[<>=|]/, '');
  return Object.prototype.hasOwnProperty.call(NAMES, bare) ? NAMES[bare] : undefined;
}

/**
 * The dtype an argument names: a string ('float32'), a type (float, np.float32), or a dtype object
 * (x.dtype: builtin 'np.dtype' bound to its name). Returns null when the argument is None (numpy's
 * default) and undefined when unknown; throws numpy's TypeError for a string numpy rejects.
 */
export function dtypeFromValue(v: Value): DType | null | undefined {
  if (v.kind === 'none') return null;
  if (v.kind === 'str') {
    if (v.value === undefined) return undefined;
    const dt = dtypeFromName(v.value);
    if (dt === undefined) {
      throw new NumpyError(
        'bad-dtype',
        { en: `data type '${v.value}' not understood`, fr: `type de données '${v.value}' non reconnu` },
        { pyType: 'TypeError' },
      );
    }
    return dt;
  }
  if (v.kind === 'builtin') {
    if (v.name === 'np.dtype' && v.self) return dtypeFromValue(v.self);
    return dtypeFromName(v.name);
  }
  if (v.kind === 'class') return dtypeFromName(v.name);
  return undefined;
}

/** The value `x.dtype` evaluates to: numpy's dtype object, carried as a builtin bound to its name. */
export function dtypeObject(dt: DType): Value {
  return { kind: 'builtin', name: 'np.dtype', self: { kind: 'str', value: dt } };
}
