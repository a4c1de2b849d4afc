// Python's arithmetic on plain numbers (int / float / bool), exactly as CPython computes it:
// int vs float results, floor division and modulo rounding toward -inf, `**` with negative
// exponents, and the ZeroDivisionError / OverflowError cases, raised as PyError.

import type { BinOp } from '../ir';
import type { Value } from '../values';
import { PyError } from './errors';

/** The number of a known int/float/bool, or undefined. */
export function numOf(v: Value): number | undefined {
  if (v.kind === 'int' || v.kind === 'float') return v.value;
  if (v.kind === 'bool') return v.value === undefined ? undefined : v.value ? 1 : 0;
  return undefined;
}

const isIntLike = (v: Value): boolean => v.kind === 'int' || v.kind === 'bool';

function mk(kind: 'int' | 'float', n: number | undefined): Value {
  if (kind === 'int' && n !== undefined && !Number.isFinite(n)) return { kind: 'int' };
  return kind === 'int' ? { kind: 'int', value: n === undefined ? undefined : n === 0 ? 0 : n } : { kind: 'float', value: n };
}

/**
 * CPython's float divmod (Objects/floatobject.c, re-derived), which numpy's npy_divmod repeats for
 * a nonzero divisor: [a // b, a % b] with the remainder taking b's sign. b must not be 0 (Python
 * raises, numpy answers otherwise). C's `if (mod)` holds for nan, hence the explicit `!== 0`; a zero
 * quotient keeps the sign of a / b (-0.0 // 5.0 is -0.0).
 */
export function floatDivmod(a: number, b: number): [number, number] {
  let mod = a % b; // fmod
  let div = (a - mod) / b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) {
      mod += b;
      div -= 1;
    }
  } else {
    mod = b < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    floordiv = a / b < 0 || Object.is(a / b, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

function zero(msg: string): PyError {
  return new PyError('ZeroDivisionError', { en: msg, fr: `division par zéro (${msg})` });
}

/**
 * `a op b` for two Python numbers. Unknown operands give an unknown of the right type
 * (int op int stays int except `/`), so later code still knows it holds a number.
 */
export function numBinary(op: BinOp, a: Value, b: Value, language: 'python' | 'typescript' = 'python'): Value {
  const x = numOf(a);
  const y = numOf(b);
  const bothInt = isIntLike(a) && isIntLike(b) && language === 'python';
  const bothBool = a.kind === 'bool' && b.kind === 'bool';
  const resKind: 'int' | 'float' = bothInt ? 'int' : 'float';
  switch (op) {
    case '+':
      return mk(resKind, x === undefined || y === undefined ? undefined : x + y);
    case '-':
      return mk(resKind, x === undefined || y === undefined ? undefined : x - y);
    case '*':
      return mk(resKind, x === undefined || y === undefined ? undefined : x * y);
    case '/':
      if (y === 0) throw zero(bothInt ? 'division by zero' : 'float division by zero');
      return mk('float', x === undefined || y === undefined ? undefined : x / y);
    case '//':
      if (y === 0) throw zero(bothInt ? 'integer division or modulo by zero' : 'float floor division by zero');
      if (x === undefined || y === undefined) return mk(resKind, undefined);
      return mk(resKind, bothInt ? Math.floor(x / y) : floatDivmod(x, y)[0]);
    case '%':
      if (y === 0) throw zero(bothInt ? 'integer modulo by zero' : 'float modulo');
      if (x === undefined || y === undefined) return mk(resKind, undefined);
      if (language === 'typescript') return mk('float', x % y);
      return mk(resKind, bothInt ? x - Math.floor(x / y) * y : floatDivmod(x, y)[1]);
    case '**': {
      // int ** negative int is a float in Python; 0 ** negative raises.
      const kind: 'int' | 'float' = bothInt && (y === undefined || y >= 0) ? (y === undefined ? 'int' : 'int') : 'float';
      if (x === undefined || y === undefined) return mk(bothInt && y !== undefined && y < 0 ? 'float' : kind, undefined);
      if (x === 0 && y < 0) throw zero('0.0 cannot be raised to a negative power');
      if (x < 0 && !Number.isInteger(y)) return { kind: 'unknown', why: { en: 'a negative number to a fractional power is complex', fr: 'un nombre négatif à une puissance non entière est complexe' } };
      const r = Math.pow(x, y);
      if (!bothInt && !Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) {
        throw new PyError('OverflowError', { en: "(34, 'Numerical result out of range')", fr: '(34, « résultat numérique hors limites »)' });
      }
      return mk(kind, r);
    }
    case '&':
    case '|':
    case '^':
    case '<<':
    case '>>': {
      if (!isIntLike(a) || !isIntLike(b)) {
        throw new PyError('TypeError', {
          en: `unsupported operand type(s) for ${op}: '${a.kind}' and '${b.kind}'`,
          fr: `types d'opérandes non pris en charge pour ${op} : '${a.kind}' et '${b.kind}'`,
        });
      }
      if (x === undefined || y === undefined) return bothBool && op !== '<<' && op !== '>>' ? { kind: 'bool' } : mk('int', undefined);
      if ((op === '<<' || op === '>>') && y < 0) throw new PyError('ValueError', { en: 'negative shift count', fr: 'décalage négatif' });
      const bx = BigInt(x);
      const by = BigInt(y);
      const r = op === '&' ? bx & by : op === '|' ? bx | by : op === '^' ? bx ^ by : op === '<<' ? bx << by : bx >> by;
      if (bothBool && (op === '&' || op === '|' || op === '^')) return { kind: 'bool', value: r !== 0n };
      return mk('int', Number(r));
    }
    case '>>>':
      throw new PyError('SyntaxError', { en: "'>>>' is JavaScript's operator, not Python's", fr: "'>>>' est un opérateur JavaScript, pas Python" });
    case '@':
      throw new PyError('TypeError', {
        en: `unsupported operand type(s) for @: '${pyTypeName(a)}' and '${pyTypeName(b)}'`,
        fr: `types d'opérandes non pris en charge pour @ : '${pyTypeName(a)}' et '${pyTypeName(b)}'`,
      });
  }
}

export function numUnary(op: '-' | '+' | '~', a: Value): Value {
  const x = numOf(a);
  const kind: 'int' | 'float' = a.kind === 'float' ? 'float' : 'int';
  if (op === '~') {
    if (a.kind === 'float') throw new PyError('TypeError', { en: "bad operand type for unary ~: 'float'", fr: "type d'opérande invalide pour ~ unaire : 'float'" });
    return mk('int', x === undefined ? undefined : -x - 1);
  }
  if (op === '-') {
    if (x === undefined && a.kind === 'int' && a.sym !== undefined) return { kind: 'int' };
    return mk(kind, x === undefined ? undefined : -x);
  }
  return mk(kind, x);
}

/** Python's type name, as error messages print it. */
export function pyTypeName(v: Value): string {
  switch (v.kind) {
    case 'array':
      return v.scalar ? `numpy.${v.dtype ?? 'float64'}` : 'numpy.ndarray';
    case 'none':
      return 'NoneType';
    case 'builtin':
      return 'builtin_function_or_method';
    case 'instance':
      return v.cls.name;
    case 'class':
      return 'type';
    case 'rng':
      return v.generator;
    default:
      return v.kind;
  }
}

/** Python's round(x) / round(x, n): ties to even, as CPython does on the decimal value. */
export function pyRound(x: number, ndigits?: number): number {
  if (!Number.isFinite(x)) return x;
  if (ndigits === undefined || ndigits === 0) {
    const f = Math.floor(x);
    const diff = x - f;
    if (diff > 0.5) return f + 1;
    if (diff < 0.5) return f;
    return f % 2 === 0 ? f : f + 1;
  }
  // CPython rounds the exact decimal expansion; toFixed-free approach: scale, then correct
  // the tie using the exact decimal string of x (17 significant digits suffice for doubles).
  const m = Math.pow(10, ndigits);
  const y = x * m;
  const r = pyRound(y);
  if (Math.abs(y - Math.trunc(y)) === 0.5 || Math.abs(r - y) === 0.5) {
    // a scaled tie may not be an exact tie: decide on the exact decimal value of x
    const exact = x.toPrecision(25);
    const [intPart, frac = ''] = exact.replace('-', '').split('.');
    const digits = frac.padEnd(ndigits + 1, '0');
    const rest = digits.slice(ndigits);
    const half = rest[0] === '5' && /^5(0*)$/.test(rest) ? 0 : rest[0] >= '5' ? 1 : -1;
    const base = Number(`${intPart}.${digits.slice(0, ndigits)}`) * m;
    let q = Math.round(base);
    if (half === 1 || (half === 0 && q % 2 !== 0)) q += 1;
    return (x < 0 ? -q : q) / m;
  }
  return r / m;
}
