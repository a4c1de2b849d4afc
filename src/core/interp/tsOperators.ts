// JavaScript's operators for the TypeScript front end: float64 arithmetic (`%` truncates toward
// zero, `/ 0` is Infinity, never an error), bitwise operators on ToInt32 / ToUint32 (so seeded
// generators such as mulberry32 give node's exact numbers), `+` concatenating strings, strict
// equality by identity for objects, relational operators with JS coercions, `in`, `instanceof`.

import type { BinOp, CmpOp, UnaryOp } from '../ir';
import type { Value } from '../values';
import { strictEquals } from '../builtins/ts/equality';
import { classLookup, mro } from './model';
import { jsBool, jsStr, jsTruthy, jsTypeof, num, toJsString, toNumber, toInt32, toUint32 } from './tsValues';

const isStrLike = (v: Value): boolean => v.kind === 'str' || v.kind === 'list' || v.kind === 'dict' || v.kind === 'instance';

/** `a op b` on two non-Matrix values (a Matrix operand gives NaN, as ToNumber of an object does). */
export function tsBinary(op: BinOp, a: Value, b: Value): Value {
  if (op === '+') {
    if (isStrLike(a) || isStrLike(b)) {
      // ToPrimitive of an array/object is its string: concatenation, not addition
      const x = toJsString(a);
      const y = toJsString(b);
      return jsStr(x === undefined || y === undefined ? undefined : x + y);
    }
    if (a.kind === 'unknown' || b.kind === 'unknown') return { kind: 'unknown', why: a.kind === 'unknown' ? a.why : (b as { why?: never }).why };
  } else if (a.kind === 'unknown' && b.kind === 'unknown') {
    return num();
  }
  const x = toNumber(a);
  const y = toNumber(b);
  if (x === undefined || y === undefined) return num();
  return num(numeric(op, x, y));
}

/** The number JavaScript computes for `x op y` (op other than string `+`). */
export function numeric(op: BinOp, x: number, y: number): number {
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return x / y;
    case '%':
      return x % y;
    case '**':
      return x ** y;
    case '&':
      return toInt32(x) & toInt32(y);
    case '|':
      return toInt32(x) | toInt32(y);
    case '^':
      return toInt32(x) ^ toInt32(y);
    case '<<':
      return toInt32(x) << (toUint32(y) & 31);
    case '>>':
      return toInt32(x) >> (toUint32(y) & 31);
    case '>>>':
      return toUint32(x) >>> (toUint32(y) & 31);
    case '//':
      // not JavaScript syntax; kept total so a stray IR node cannot throw
      return Math.floor(x / y);
    case '@':
      return NaN;
  }
}

export function tsUnary(op: UnaryOp, a: Value): Value {
  switch (op) {
    case 'not': {
      const t = jsTruthy(a);
      return jsBool(t === undefined ? undefined : !t);
    }
    case 'typeof':
      return jsStr(jsTypeof(a));
    case '-':
    case '+':
    case '~': {
      const x = toNumber(a);
      if (x === undefined) return num();
      return num(op === '-' ? -x : op === '+' ? x : ~toInt32(x));
    }
  }
}

/** A comparison `a op b` of the IR (`===`/`==` → '==', `instanceof` → 'is'). */
export function tsCompare(op: CmpOp, a: Value, b: Value): Value {
  switch (op) {
    case '==':
    case '!=': {
      const e = strictEquals(a, b);
      return jsBool(e === undefined ? undefined : op === '==' ? e : !e);
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      if (a.kind === 'str' && b.kind === 'str') {
        if (a.value === undefined || b.value === undefined) return jsBool();
        return jsBool(order(op, a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
      }
      const x = toNumber(a);
      const y = toNumber(b);
      if (x === undefined || y === undefined) return jsBool();
      if (Number.isNaN(x) || Number.isNaN(y)) return jsBool(false);
      return jsBool(order(op, x < y ? -1 : x > y ? 1 : 0));
    }
    case 'in':
    case 'not in': {
      const r = hasProperty(b, a);
      return jsBool(r === undefined ? undefined : op === 'in' ? r : !r);
    }
    case 'is':
    case 'is not': {
      const r = instanceOf(a, b);
      return jsBool(r === undefined ? undefined : op === 'is' ? r : !r);
    }
  }
}

function order(op: '<' | '<=' | '>' | '>=', c: number): boolean {
  return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
}

/** `key in obj`. */
function hasProperty(obj: Value, key: Value): boolean | undefined {
  const k = toJsString(key);
  if (k === undefined) return undefined;
  switch (obj.kind) {
    case 'dict':
      return obj.map ? obj.map.has(`s:${k}`) : undefined;
    case 'list': {
      if (k === 'length') return true;
      if (!obj.items) return undefined;
      const i = Number(k);
      return Number.isInteger(i) && i >= 0 && i < obj.items.length;
    }
    case 'instance':
      return obj.attrs.has(k) || classLookup(obj.cls, k) !== undefined ? true : undefined;
    default:
      return undefined;
  }
}

/** `a instanceof B`: user classes through the prototype chain, built-in Array / Object. */
function instanceOf(a: Value, b: Value): boolean | undefined {
  if (a.kind === 'unknown') return undefined;
  if (b.kind === 'class') return a.kind === 'instance' ? mro(a.cls).includes(b) : false;
  if (b.kind === 'builtin') {
    if (b.name === 'js.Array') return a.kind === 'list';
    if (b.name === 'js.Object') return a.kind === 'list' || a.kind === 'dict' || a.kind === 'instance' || a.kind === 'array';
    if (b.name === 'math.Matrix' || b.name === 'math.DenseMatrix') return a.kind === 'array';
  }
  return undefined;
}
