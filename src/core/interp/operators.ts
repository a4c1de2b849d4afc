// Python operators: on two Python values, Python's own semantics (src/core/builtins); as soon as
// an array is involved, numpy's through the `op.*` registry names. Also truthiness, which for a
// multi-element array raises numpy's "truth value … is ambiguous" ValueError.

import type { BinOp, CmpOp, UnaryOp } from '../ir';
import { PyError } from '../builtins/errors';
import { pyBinary, pyContains, pyEquals, pyOrder, truthy } from '../builtins/pyops';
import { numUnary, pyTypeName } from '../builtins/pynum';
import { Dim, Shape } from '../shapes/dim';
import { Value as V, type L10nText, type Value } from '../values';
import type { Interp } from './context';
import { callOp, NO_KWARGS, type CallSite } from './dispatch';
import { tsBinary, tsCompare, tsUnary } from './tsOperators';
import { jsTruthy } from './tsValues';

export const BIN_OPS: Record<BinOp, string> = {
  '+': 'op.add', '-': 'op.sub', '*': 'op.mul', '/': 'op.truediv', '//': 'op.floordiv', '%': 'op.mod', '**': 'op.pow',
  '@': 'op.matmul', '&': 'op.and', '|': 'op.or', '^': 'op.xor', '<<': 'op.lshift', '>>': 'op.rshift',
  '>>>': 'op.urshift',
};
const CMP_OPS: Partial<Record<CmpOp, string>> = { '<': 'op.lt', '<=': 'op.le', '>': 'op.gt', '>=': 'op.ge', '==': 'op.eq', '!=': 'op.ne' };

const WHY_UNKNOWN_OPERAND: L10nText = { en: 'an operand is unknown', fr: 'un opérande est inconnu' };

function unknownArrayFrom(a: Value, b: Value): Value {
  const why = (a.kind === 'unknown' ? a.why : undefined) ?? (b.kind === 'unknown' ? b.why : undefined) ?? WHY_UNKNOWN_OPERAND;
  return { kind: 'array', shape: null, dtype: null, why };
}

const arrayish = (v: Value): boolean => v.kind === 'array';

export function binary(it: Interp, op: BinOp, a: Value, b: Value, site: CallSite): Value {
  if (it.language === 'typescript') return tsBinary(op, a, b);
  if (arrayish(a) || arrayish(b)) {
    if (a.kind === 'unknown' || b.kind === 'unknown') return unknownArrayFrom(a, b);
    if (a.kind === 'instance' || b.kind === 'instance') return { kind: 'unknown' };
    return callOp(it, BIN_OPS[op], [a, b], NO_KWARGS, undefined, site);
  }
  if (a.kind === 'instance' || b.kind === 'instance') return { kind: 'unknown' };
  const sym = symbolicInt(op, a, b);
  if (sym) return sym;
  return pyBinary(op, a, b, it.language);
}

/** `d_model // h`, `B * T`, `n + 1` on sizes known only as symbols: a symbolic int. */
function symbolicInt(op: BinOp, a: Value, b: Value): Value | undefined {
  if (a.kind !== 'int' || b.kind !== 'int' || (a.sym === undefined && b.sym === undefined)) return undefined;
  const x = V.toDim(a);
  const y = V.toDim(b);
  if (x === undefined || y === undefined) return undefined;
  const d = op === '+' ? Dim.add(x, y) : op === '-' ? Dim.sub(x, y) : op === '*' ? Dim.mul(x, y) : op === '//' ? (y === 0 ? undefined : Dim.floordiv(x, y)) : undefined;
  return d === undefined ? undefined : V.fromDim(d);
}

export function unary(it: Interp, op: UnaryOp, a: Value, site: CallSite): Value {
  if (it.language === 'typescript' || op === 'typeof') return tsUnary(op, a);
  if (op === 'not') {
    const t = truth(it, a);
    return { kind: 'bool', value: t === undefined ? undefined : !t };
  }
  if (a.kind === 'array') return callOp(it, op === '-' ? 'op.neg' : op === '+' ? 'op.pos' : 'op.invert', [a], NO_KWARGS, undefined, site);
  if (a.kind === 'int' || a.kind === 'float' || a.kind === 'bool') return numUnary(op, a);
  if (a.kind === 'unknown' || a.kind === 'instance') return { kind: 'unknown', why: a.kind === 'unknown' ? a.why : undefined };
  throw new PyError('TypeError', { en: `bad operand type for unary ${op}: '${pyTypeName(a)}'`, fr: `type d'opérande invalide pour ${op} unaire : '${pyTypeName(a)}'` });
}

/** bool(v): undefined when unknown; numpy's ValueError for an array of several elements. */
export function truth(_it: Interp, v: Value): boolean | undefined {
  if (_it.language === 'typescript') return jsTruthy(v);
  if (v.kind !== 'array') return truthy(v);
  if (!v.shape) return undefined;
  const n = Shape.size(v.shape);
  if (n === undefined) return undefined;
  if (n > 1) {
    throw new PyError('ValueError', {
      en: 'The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()',
      fr: "La valeur de vérité d'un tableau de plus d'un élément est ambiguë. Utilisez a.any() ou a.all()",
    });
  }
  if (n === 0) return false;
  return v.data ? v.data[0] !== 0 : undefined;
}

/** One comparison `a op b` (chains are handled by the caller). */
export function compare(it: Interp, op: CmpOp, a: Value, b: Value, site: CallSite): Value {
  if (it.language === 'typescript') return tsCompare(op, a, b);
  if (op === 'is' || op === 'is not') {
    let r: boolean | undefined;
    if (a.kind === 'unknown' || b.kind === 'unknown') r = undefined;
    else if (a.kind === 'none' || b.kind === 'none') r = a.kind === b.kind;
    else if (a === b) r = true;
    else if ((a.kind === 'bool' && b.kind === 'bool') && a.value !== undefined && b.value !== undefined) r = a.value === b.value;
    else r = a.kind !== b.kind ? false : undefined;
    return { kind: 'bool', value: r === undefined ? undefined : op === 'is' ? r : !r };
  }
  if (op === 'in' || op === 'not in') {
    let r: boolean | undefined;
    if (b.kind === 'array') {
      const eq = callOp(it, 'op.eq', [b, a], NO_KWARGS, undefined, site);
      r = eq.kind === 'array' && eq.data ? eq.data.some((x) => x !== 0) : undefined;
    } else if (b.kind === 'instance') r = undefined;
    else r = pyContains(b, a);
    return { kind: 'bool', value: r === undefined ? undefined : op === 'in' ? r : !r };
  }
  if (arrayish(a) || arrayish(b)) {
    if (a.kind === 'unknown' || b.kind === 'unknown') return unknownArrayFrom(a, b);
    return callOp(it, CMP_OPS[op]!, [a, b], NO_KWARGS, undefined, site);
  }
  if (op === '==' || op === '!=') {
    const e = pyEquals(a, b);
    return { kind: 'bool', value: e === undefined ? undefined : op === '==' ? e : !e };
  }
  return { kind: 'bool', value: pyOrder(op as '<', a, b) };
}
